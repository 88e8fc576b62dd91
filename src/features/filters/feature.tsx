/** Wires the filters into the page: the bar and toolbar status, settings (muted words, remember filters), new since last visit. */
import { createRef, type ComponentChildren } from 'preact';
import browser from '../../shared/browser';
import { isFilterActive, type FilterState } from '../../threads/filters';
import { loadSettings, onSettingsChanged, updateSettings, type Settings } from '../../shared/settings';
import type { Controller } from '../../ui/controller';
import { FilterBar } from './FilterBar';
import { createFiltersController, type FiltersController } from './filters-controller';
import { FilterStatus } from './FilterStatus';
import filterStyles from './filters.css';
import { attachNewSinceVisit } from '../new-comments/new-since-visit';
import { forgetRememberedFilters, loadRememberedFilters, saveRememberedFilters } from './remembered-filters';
import { warnOnce } from '../../shared/log';

export { filterStyles };

export interface FiltersFeature {
  filters: FiltersController;
  /** For the toolbar: "Showing X of Y", "N new", "Clear filters". */
  tool: ComponentChildren;
  /** The filter bar, shown between the toolbar and the threads. */
  panel: ComponentChildren;
  /** Put the keyboard focus in the search box; false when it is not on screen. */
  focusSearch(): boolean;
  destroy(): void;
}

const SAVE_DELAY_MS = 400;

function sendBadge(text: string): void {
  browser.runtime.sendMessage({ type: 'threadline:badge', text }).catch(() => undefined);
}

export function createFiltersFeature(controller: Controller, options: { postKey: string; win: Window }): FiltersFeature {
  const { postKey } = options;
  const filters = createFiltersController(controller);
  const searchRef = createRef<HTMLInputElement>();
  let remember = false;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;

  const applySettings = (settings: Settings, first: boolean) => {
    filters.mutedWords.set(settings.mutedWords);
    const wasRemembering = remember;
    remember = settings.rememberFilters;
    if (remember && first) {
      loadRememberedFilters(postKey)
        .then((state) => {
          if (state && isFilterActive(state) && !isFilterActive(filters.state.get())) filters.update(state);
        })
        .catch((error) => warnOnce('could not read the filters remembered for this post.', error));
    } else if (!remember && wasRemembering) {
      forgetRememberedFilters(postKey).catch(() => undefined);
    }
  };
  loadSettings()
    .then((settings) => applySettings(settings, true))
    .catch((error) => warnOnce('could not read the settings; filters use the defaults.', error));
  const stopSettings = onSettingsChanged((settings) => applySettings(settings, false));

  const persist = (state: FilterState) => {
    if (!remember) return;
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      const write = isFilterActive(state) ? saveRememberedFilters(postKey, state) : forgetRememberedFilters(postKey);
      write.catch((error) => warnOnce('could not remember the filters for this post.', error));
    }, SAVE_DELAY_MS);
  };
  const stopPersist = filters.state.subscribe(() => persist(filters.state.get()));

  const stopNew = attachNewSinceVisit(controller, { postKey, win: options.win, setBadge: sendBadge });

  const setMutedWords = (words: string[]) => {
    filters.mutedWords.set(words);
    updateSettings({ mutedWords: words }).catch((error) => warnOnce('could not save the muted words.', error));
  };

  return {
    filters,
    tool: <FilterStatus filters={filters} />,
    panel: <FilterBar filters={filters} searchRef={searchRef} onMutedWordsChange={setMutedWords} />,
    focusSearch() {
      const input = searchRef.current;
      if (!input || !input.isConnected) return false;
      input.focus();
      input.select();
      return true;
    },
    destroy() {
      clearTimeout(saveTimer);
      stopSettings();
      stopPersist();
      stopNew();
      filters.destroy();
    },
  };
}
