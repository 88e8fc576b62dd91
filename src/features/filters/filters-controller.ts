/** The filter feature's state and behaviour: applies the pure filters to the view's marks, search highlights, match stepping. */
import { listAuthorOptions, type AuthorOption } from '../../threads/filter-authors';
import { parseQuery } from '../../threads/filter-text';
import { applyFilters, EMPTY_FILTERS, prepareForSearch, type FilterResult, type FilterState, type FilterSubject } from '../../threads/filters';
import type { Controller } from '../../ui/controller';
import { IdSetStore, ValueStore } from '../../ui/store';
import { NEW_MARK } from '../new-comments/api';
import { afterNextFrame, ChunkedMarkWriter, type Scheduler } from './chunked-marks';
import { MatchHighlighter } from './match-highlighter';

/** Ancestors kept, dimmed, as context for a comment that passes the filters. */
export const CONTEXT_MARK = 'filter-context';
/** Comments folded to a one-line stub because they contain a muted word. */
export const MUTED_MARK = 'muted';

export interface FiltersOptions {
  /** Epoch ms "now" for the last-day / last-week filters. */
  now?: () => number;
  /** How chunks of work are spread over tasks (tests run them at once). */
  schedule?: Scheduler;
  /** Wait this long after the last keystroke in the search box before filtering. */
  textDelayMs?: number;
}

export interface FiltersController {
  state: ValueStore<FilterState>;
  result: ValueStore<FilterResult>;
  /** Author choices offered by the page (Anonymous, blog author, names typed or signed). */
  authors: ValueStore<AuthorOption[]>;
  /** Position of the current match in `result.matches`, -1 when none was visited. */
  matchIndex: ValueStore<number>;
  mutedWords: ValueStore<string[]>;
  /** The muted word that folded each muted comment. */
  mutedWord: Map<string, string>;
  /** Open a comment folded by a muted word (it stays open until the page is left). */
  unmute(id: string): void;
  update(change: Partial<FilterState>): void;
  clear(): void;
  /** Go to the next (1) or previous (-1) comment matching the search, wrapping round. */
  stepMatch(delta: 1 | -1): void;
  /** Re-apply at once (e.g. after a long while, for "last day"). */
  refresh(): void;
  destroy(): void;
}

/** Time one idle slice of search preparation may take. */
const WARM_SLICE_MS = 8;
/** Below this many comments, folding every text for a search is too short to be worth slicing first. */
const WARM_BEFORE_SEARCH = 1000;

const EMPTY_RESULT: FilterResult = {
  active: false,
  hidden: new Set(),
  context: new Set(),
  matches: [],
  muted: new Map(),
  shown: 0,
  total: 0,
};

export function createFiltersController(controller: Controller, options: FiltersOptions = {}): FiltersController {
  const now = options.now ?? (() => Date.now());
  const schedule: Scheduler = options.schedule ?? afterNextFrame;
  const textDelayMs = options.textDelayMs ?? 120;
  const state = new ValueStore<FilterState>({ ...EMPTY_FILTERS });
  const result = new ValueStore<FilterResult>(EMPTY_RESULT);
  const authors = new ValueStore<AuthorOption[]>([]);
  const matchIndex = new ValueStore(-1);
  const mutedWords = new ValueStore<string[]>([]);
  const writer = new ChunkedMarkWriter(schedule);
  const highlighter = new MatchHighlighter(schedule);
  const { marks } = controller;
  const isNew = marks.of(NEW_MARK);
  const mutedMark = marks.of(MUTED_MARK);
  const unmuted = new IdSetStore();
  const mutedWord = new Map<string, string>();

  const recompute = () => {
    const model = controller.model.get();
    const filterState = state.get();
    const next = applyFilters(
      {
        comments: model.comments,
        tree: model.trees[controller.view.get()],
        links: model.links,
        newIds: isNew,
        mutedWords: mutedWords.get(),
      },
      filterState,
      now(),
    );
    const previousMatches = result.get().matches;
    result.set(next);
    if (previousMatches.join() !== next.matches.join()) matchIndex.set(-1);
    for (const [id, word] of next.muted) mutedWord.set(id, word);
    writer.write([
      { store: marks.of(CONTEXT_MARK), next: next.context },
      { store: controller.hidden, next: next.hidden },
      { store: mutedMark, next: new Set([...next.muted.keys()].filter((id) => !unmuted.has(id))) },
    ]);
    highlighter.update(parseQuery(filterState.text).terms, new Set(next.matches));
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  const scheduleRecompute = (delayMs = 0) => {
    clearTimeout(timer);
    pending = true;
    timer = setTimeout(() => {
      pending = false;
      // A text search needs every text folded: finish that in short tasks first (a no-op once folded).
      if (parseQuery(state.get().text).terms.length > 0 && controller.model.get().comments.size > WARM_BEFORE_SEARCH) warmSearch(recompute);
      else recompute();
    }, delayMs);
  };
  const recomputeIfPending = () => {
    if (!pending) return;
    clearTimeout(timer);
    pending = false;
    recompute();
  };

  /**
   * The author list is read only by the open filter area and by author chips: it is built when one of them needs it,
   * not on every model change of a page load (all of a 640-comment post's authors, three times over).
   */
  let authorsStale = true;
  const authorsWanted = () => controller.filterAreaOpen.get() || state.get().authors.length > 0;
  const refreshAuthors = () => {
    authorsStale = !authorsWanted();
    if (!authorsStale) authors.set(listAuthorOptions(controller.model.get().comments.values()));
  };
  const refreshAuthorsIfStale = () => {
    if (authorsStale) refreshAuthors();
  };
  refreshAuthors();
  recompute();

  /**
   * Once the filter area opens, fold every comment's text for search in idle slices: the first keystroke on a
   * 10,000-comment post folded them all in one task (over 50 ms in a profile). A search asked for before that is done
   * finishes the folding in short tasks first.
   */
  let warming: { model: unknown; waiting: FilterSubject[]; afterwards: Array<() => void>; urgent: boolean } | null = null;
  const win = controller.doc.defaultView;
  const warmSlice = () => {
    const current = warming;
    if (!current) return;
    if (current.model !== controller.model.get()) {
      // The feed brought more comments: start over on the new model, keeping the searches waiting.
      warming = null;
      for (const run of current.afterwards) warmSearch(run);
      return;
    }
    const until = performance.now() + WARM_SLICE_MS;
    while (current.waiting.length > 0 && performance.now() < until) prepareForSearch(current.waiting.pop()!);
    if (current.waiting.length > 0) return laterSlice(current.urgent);
    for (const run of current.afterwards.splice(0)) run();
  };
  const laterSlice = (urgent: boolean) => {
    if (!urgent && typeof win?.requestIdleCallback === 'function') win.requestIdleCallback(warmSlice, { timeout: 1000 });
    else setTimeout(warmSlice, 0);
  };
  const warmSearch = (then?: () => void) => {
    const model = controller.model.get();
    if (warming?.model !== model) {
      warming = { model, waiting: [...model.comments.values()], afterwards: [], urgent: false };
      laterSlice(false);
    }
    if (then && warming.waiting.length > 0) {
      warming.afterwards.push(then);
      if (!warming.urgent) {
        warming.urgent = true;
        laterSlice(true);
      }
    } else then?.();
  };
  const warmWhenOpen = () => {
    if (controller.filterAreaOpen.get()) warmSearch();
  };

  const stops = [
    controller.onBody((id, body) => highlighter.onBody(id, body)),
    controller.model.subscribe(() => {
      refreshAuthors();
      scheduleRecompute();
      warmWhenOpen();
    }),
    controller.view.subscribe(() => scheduleRecompute()),
    controller.filterAreaOpen.subscribe(() => {
      refreshAuthorsIfStale();
      warmWhenOpen();
    }),
    state.subscribe(refreshAuthorsIfStale),
    isNew.subscribeAll(() => {
      if (state.get().newOnly) scheduleRecompute();
    }),
    mutedWords.subscribe(() => scheduleRecompute()),
  ];

  return {
    state,
    result,
    authors,
    matchIndex,
    mutedWords,
    mutedWord,
    unmute(id) {
      unmuted.set(id, true);
      mutedMark.set(id, false);
    },
    update(change) {
      const previous = state.get();
      const next = { ...previous, ...change };
      state.set(next);
      const onlyText = Object.keys(change).every((key) => key === 'text');
      scheduleRecompute(onlyText && next.text !== previous.text ? textDelayMs : 0);
    },
    clear() {
      state.set({ ...EMPTY_FILTERS });
      scheduleRecompute();
    },
    stepMatch(delta) {
      recomputeIfPending(); // the search box may still be waiting out its delay
      const matches = result.get().matches;
      if (matches.length === 0) return;
      const current = controller.current.get();
      let index = matchIndex.get();
      const currentIndex = current === null ? -1 : matches.indexOf(current);
      if (currentIndex >= 0) index = currentIndex;
      const next = index < 0 ? (delta === 1 ? 0 : matches.length - 1) : (index + delta + matches.length) % matches.length;
      matchIndex.set(next);
      const id = matches[next]!;
      controller.current.set(id);
      controller.actions.jumpTo(id, { focus: false });
    },
    refresh() {
      clearTimeout(timer);
      pending = false;
      recompute();
    },
    destroy() {
      clearTimeout(timer);
      // A search waiting for the folding must not recompute after teardown.
      warming = null;
      writer.cancel();
      for (const stop of stops) stop();
    },
  };
}
