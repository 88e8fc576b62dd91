/** Filters: the filter bar and toolbar status, muted words, remembered filters per post, and `/` to search. */
import { createRef } from 'preact';
import { warnOnce } from '../../shared/log';
import type { Settings } from '../../shared/settings';
import { updateSettings } from '../../shared/settings';
import { untilAborted } from '../../shared/store';
import { isFilterActive, type FilterState } from '../../threads/filters';
import { defineFeature } from '../../ui/feature';
import { FilterBar } from './FilterBar';
import { CONTEXT_MARK, createFiltersController, MUTED_MARK, type FiltersController } from './filters-controller';
import { FilterStatus } from './FilterStatus';
import filterStyles from './filters.css';
import { forgetRememberedFilters, loadRememberedFilters, saveRememberedFilters } from './remembered-filters';

const SAVE_DELAY_MS = 400;

/** The one-line stub a muted comment shows instead of its body; choosing it opens the comment. */
function mutedStub(filters: FiltersController) {
  return function MutedStub({ id }: { id: string }) {
    return (
      <button type="button" className="muted-stub" data-thread-action="unmute" onClick={() => filters.unmute(id)}>
        muted ({filters.mutedWord.get(id) ?? 'word'}) · show
      </button>
    );
  };
}

/** Keep the filters of a post across visits while the reader asks for it (settings.rememberFilters). */
function rememberFilters(
  filters: FiltersController,
  postKey: string,
  settings: { get(): Settings; subscribe(listener: () => void): () => void },
  signal: AbortSignal,
  onRestored: () => void,
): void {
  let remember = settings.get().rememberFilters;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  if (remember) {
    loadRememberedFilters(postKey)
      .then((state) => {
        if (!state || !isFilterActive(state) || isFilterActive(filters.state.get())) return;
        filters.update(state);
        onRestored();
      })
      .catch((error) => warnOnce('could not read the filters remembered for this post.', error));
  }
  const persist = (state: FilterState) => {
    if (!remember) return;
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      const write = isFilterActive(state) ? saveRememberedFilters(postKey, state) : forgetRememberedFilters(postKey);
      write.catch((error) => warnOnce('could not remember the filters for this post.', error));
    }, SAVE_DELAY_MS);
  };
  untilAborted(
    signal,
    filters.state.subscribe(() => persist(filters.state.get())),
    settings.subscribe(() => {
      const was = remember;
      remember = settings.get().rememberFilters;
      if (was && !remember) forgetRememberedFilters(postKey).catch(() => undefined);
    }),
    () => clearTimeout(saveTimer),
  );
}

export default defineFeature({
  id: 'filters',
  styles: filterStyles,
  shortcuts: [{ id: 'focusSearch', key: '/', label: 'Search comments', group: 'Search' }],
  init(ctx, signal) {
    const { controller, settings } = ctx;
    const filters = createFiltersController(controller);
    const searchRef = createRef<HTMLInputElement>();
    filters.mutedWords.set(settings.get().mutedWords);
    untilAborted(
      signal,
      settings.subscribe(() => filters.mutedWords.set(settings.get().mutedWords)),
      () => filters.destroy(),
    );
    // Filters remembered for the post open the filter area, so what hides comments is in sight.
    rememberFilters(filters, ctx.postKey, settings, signal, () => controller.filterAreaOpen.set(true));

    const setMutedWords = (words: string[]) => {
      filters.mutedWords.set(words);
      updateSettings({ mutedWords: words }).catch((error) => warnOnce('could not save the muted words.', error));
    };
    return {
      toolbar: [
        { place: 'bar', content: <FilterStatus filters={filters} /> },
        { place: 'filter', content: <FilterBar filters={filters} searchRef={searchRef} onMutedWordsChange={setMutedWords} /> },
      ],
      commentMarks: [
        { mark: CONTEXT_MARK, className: 'is-context' },
        { mark: MUTED_MARK, cover: mutedStub(filters) },
      ],
      shortcuts: {
        focusSearch() {
          const input = searchRef.current;
          if (!input || !input.isConnected) return false;
          controller.filterAreaOpen.set(true);
          // The area shows on the next render; focus once it has.
          setTimeout(() => {
            input.focus();
            input.select();
          }, 0);
          return true;
        },
      },
    };
  },
});
