/** The filter logic, pure: which comments a filter state shows, which are kept as dimmed context, matches and mutes. */
import type { Comment } from '../blogger/types';
import { authorKeysOf } from './filter-authors';
import { containsWholeWords, countWords, matchesAllTerms, normalizeText, parseQuery } from './filter-text';
import type { ReplyLink, ThreadTree } from './types';

/** Which creation times pass: any, the last day or week before "now", or a range [fromMs, toMs). */
export type TimeWindow = 'any' | 'day' | 'week' | 'range';

/** Everything the reader can filter on; filters combine with AND. */
export interface FilterState {
  /** Search text: words and "quoted phrases", all required, case- and accent-insensitive. */
  text: string;
  /** Author keys (see filter-authors.ts); a comment passes when it answers to any of them. Empty = everyone. */
  authors: string[];
  /** Only comments newer than the reader's last visit. */
  newOnly: boolean;
  time: TimeWindow;
  /** Range start (inclusive, epoch ms) when `time` is 'range'; null = open. */
  fromMs: number | null;
  /** Range end (exclusive, epoch ms) when `time` is 'range'; null = open. */
  toMs: number | null;
  hideRemoved: boolean;
  /** Hide comments with fewer words than this (0 = off). */
  minWords: number;
  /** Only threads (a top-level comment and everything under it) with at least this many replies (0 = off). */
  minReplies: number;
  /** Only comments placed by an inferred link (time, quote or name), not by Blogger. */
  inferredOnly: boolean;
}

export const EMPTY_FILTERS: Readonly<FilterState> = Object.freeze({
  text: '',
  authors: [],
  newOnly: false,
  time: 'any',
  fromMs: null,
  toMs: null,
  hideRemoved: false,
  minWords: 0,
  minReplies: 0,
  inferredOnly: false,
});

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_COUNT_FILTER = 1000;

/** One comment as the filters need it (a view CommentEntry fits). */
export interface FilterSubject {
  record: Pick<Comment, 'author' | 'isBlogOwner' | 'publishedMs' | 'removed'> & Partial<Pick<Comment, 'authorUrl'>>;
  /** Plain text of the body. */
  text: string;
}

export interface FilterInput {
  comments: ReadonlyMap<string, FilterSubject>;
  /** The tree of the current view: decides display order, ancestors (context) and threads. */
  tree: ThreadTree;
  links: ReadonlyMap<string, ReplyLink>;
  /** Comments newer than the last visit. */
  newIds: { has(id: string): boolean };
  /** Muted words or phrases, as the reader typed them. */
  mutedWords: readonly string[];
}

export interface FilterResult {
  /** True when any filter (not counting mutes) narrows the comments. */
  active: boolean;
  /** Comments not displayed (their elements stay in the document). */
  hidden: Set<string>;
  /** Comments displayed dimmed only because a passing comment sits under them. */
  context: Set<string>;
  /** Comments matching the search text (and every other filter), in display order; empty without search text. */
  matches: string[];
  /** Comments folded by a muted word, with the word (as the reader typed it). */
  muted: Map<string, string>;
  /** How many comments pass every filter ("Showing shown of total"). */
  shown: number;
  total: number;
}

/**
 * Facts about a comment, each computed the first time a filter needs it and reused by every later filter change
 * (a page with no filter set computes none of them).
 */
class Derived {
  #folded: string | undefined;
  #words: number | undefined;
  #authors: string[] | undefined;
  constructor(private readonly subject: FilterSubject) {}
  get folded(): string {
    return (this.#folded ??= normalizeText(this.subject.text));
  }
  get words(): number {
    return (this.#words ??= this.subject.record.removed ? 0 : countWords(this.subject.text));
  }
  get authors(): string[] {
    return (this.#authors ??= authorKeysOf(this.subject.record, this.subject.text));
  }
}

const derivedCache = new WeakMap<FilterSubject, Derived>();

function derive(subject: FilterSubject): Derived {
  let derived = derivedCache.get(subject);
  if (!derived) {
    derived = new Derived(subject);
    derivedCache.set(subject, derived);
  }
  return derived;
}

/** Fold a comment's text for search ahead of the first search (kept for every later filter change). */
export function prepareForSearch(subject: FilterSubject): void {
  void derive(subject).folded;
}

/** True when the state narrows the comments at all. */
export function isFilterActive(state: FilterState): boolean {
  return (
    parseQuery(state.text).terms.length > 0 ||
    state.authors.length > 0 ||
    state.newOnly ||
    isTimeActive(state) ||
    state.hideRemoved ||
    state.minWords > 0 ||
    state.minReplies > 0 ||
    state.inferredOnly
  );
}

function isTimeActive(state: FilterState): boolean {
  if (state.time === 'day' || state.time === 'week') return true;
  return state.time === 'range' && (state.fromMs !== null || state.toMs !== null);
}

/** Ids of a tree in display order: each comment, then its replies, depth first. */
export function displayOrder(tree: ThreadTree): string[] {
  const out: string[] = [];
  const stack = [...tree.roots].reverse();
  while (stack.length > 0) {
    const id = stack.pop()!;
    out.push(id);
    const children = tree.children.get(id);
    if (children) for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]!);
  }
  return out;
}

/** Number of comments under each root (its whole thread, not counting itself). */
function repliesPerThread(tree: ThreadTree, order: string[]): Map<string, number> {
  const rootOf = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const id of order) {
    const parent = tree.parentOf.get(id) ?? null;
    const root = parent === null ? id : (rootOf.get(parent) ?? id);
    rootOf.set(id, root);
    if (root !== id) counts.set(root, (counts.get(root) ?? 0) + 1);
  }
  const perComment = new Map<string, number>();
  for (const id of order) perComment.set(id, counts.get(rootOf.get(id)!) ?? 0);
  return perComment;
}

function timeBounds(state: FilterState, now: number): [number, number] | null {
  switch (state.time) {
    case 'day':
      return [now - DAY_MS, Infinity];
    case 'week':
      return [now - 7 * DAY_MS, Infinity];
    case 'range':
      return state.fromMs === null && state.toMs === null ? null : [state.fromMs ?? -Infinity, state.toMs ?? Infinity];
    default:
      return null;
  }
}

/** The first muted word or phrase a comment contains, as typed in settings. */
export function mutedWordOf(subject: FilterSubject, mutedWords: ReadonlyArray<{ word: string; folded: string }>): string | null {
  if (subject.record.removed || mutedWords.length === 0) return null;
  const folded = derive(subject).folded;
  const author = normalizeText(subject.record.author);
  for (const { word, folded: needle } of mutedWords) {
    if (containsWholeWords(folded, needle) || containsWholeWords(author, needle)) return word;
  }
  return null;
}

/** Apply a filter state to the comments of one view at time `now` (epoch ms). */
export function applyFilters(input: FilterInput, state: FilterState, now: number): FilterResult {
  const { comments, tree, links, newIds } = input;
  const order = displayOrder(tree).filter((id) => comments.has(id));
  const terms = parseQuery(state.text).terms;
  const bounds = timeBounds(state, now);
  const authors = new Set(state.authors);
  const minWords = clampCount(state.minWords);
  const minReplies = clampCount(state.minReplies);
  const threadReplies = minReplies > 0 ? repliesPerThread(tree, order) : null;
  const active = isFilterActive(state);

  const passing = new Set<string>();
  const matches: string[] = [];
  for (const id of order) {
    const subject = comments.get(id)!;
    const { record } = subject;
    const derived = derive(subject);
    if (state.hideRemoved && record.removed) continue;
    if (state.newOnly && !newIds.has(id)) continue;
    if (bounds && !(record.publishedMs >= bounds[0] && record.publishedMs < bounds[1])) continue;
    if (authors.size > 0 && !derived.authors.some((key) => authors.has(key))) continue;
    if (minWords > 0 && derived.words < minWords) continue;
    if (threadReplies && (threadReplies.get(id) ?? 0) < minReplies) continue;
    if (state.inferredOnly && !isInferred(links.get(id))) continue;
    if (terms.length > 0 && !matchesAllTerms(derived.folded, terms)) continue;
    passing.add(id);
    if (terms.length > 0) matches.push(id);
  }

  const context = new Set<string>();
  const hidden = new Set<string>();
  if (active) {
    for (const id of passing) {
      let parent = tree.parentOf.get(id) ?? null;
      while (parent !== null && !passing.has(parent) && !context.has(parent)) {
        context.add(parent);
        parent = tree.parentOf.get(parent) ?? null;
      }
    }
    for (const id of order) if (!passing.has(id) && !context.has(id)) hidden.add(id);
  }

  const muted = new Map<string, string>();
  const mutedWords = foldMutedWords(input.mutedWords);
  if (mutedWords.length > 0) {
    for (const id of order) {
      const word = mutedWordOf(comments.get(id)!, mutedWords);
      if (word !== null) muted.set(id, word);
    }
  }

  return { active, hidden, context, matches, muted, shown: active ? passing.size : order.length, total: order.length };
}

function isInferred(link: ReplyLink | undefined): boolean {
  return link !== undefined && link.source !== 'blogger';
}

function clampCount(value: number): number {
  return Number.isFinite(value) ? Math.max(0, Math.min(MAX_COUNT_FILTER, Math.floor(value))) : 0;
}

/** Muted words folded once, empty ones dropped. */
export function foldMutedWords(words: readonly string[]): Array<{ word: string; folded: string }> {
  return words.map((word) => ({ word, folded: normalizeText(word) })).filter(({ folded }) => folded !== '');
}

/** Accept only a well-formed filter state (from storage); anything missing or wrong falls back to "no filter". */
export function normalizeFilterState(value: unknown): FilterState {
  const raw = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const time = raw.time === 'day' || raw.time === 'week' || raw.time === 'range' ? raw.time : 'any';
  const ms = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : null);
  const count = (x: unknown) => (typeof x === 'number' ? clampCount(x) : 0);
  return {
    text: typeof raw.text === 'string' ? raw.text.slice(0, 200) : '',
    authors: Array.isArray(raw.authors) ? raw.authors.filter((key): key is string => typeof key === 'string' && key.length <= 80).slice(0, 20) : [],
    newOnly: raw.newOnly === true,
    time,
    fromMs: ms(raw.fromMs),
    toMs: ms(raw.toMs),
    hideRemoved: raw.hideRemoved === true,
    minWords: count(raw.minWords),
    minReplies: count(raw.minReplies),
    inferredOnly: raw.inferredOnly === true,
  };
}
