import { describe, expect, it } from 'vitest';
import {
  applyFilters,
  displayOrder,
  EMPTY_FILTERS,
  isFilterActive,
  normalizeFilterState,
  type FilterInput,
  type FilterState,
  type FilterSubject,
} from '../../../src/threads/filters';
import { buildTree } from '../../../src/threads/tree';
import type { ReplyLink } from '../../../src/threads/types';

const NOW = Date.UTC(2024, 1, 20, 12, 0);
const HOUR = 3_600_000;

interface Row {
  id: string;
  parent?: string;
  author?: string;
  owner?: boolean;
  hoursAgo?: number;
  text?: string;
  removed?: boolean;
  inferred?: boolean;
}

/**
 * a (Getafix signs)           5 words
 * ├─ b  "early release" ...    (inferred)
 * │  └─ c  removed
 * d (blog owner) Café
 * └─ e  short
 * f  alone, an hour old, mentions the Early Release Scheme
 */
const ROWS: Row[] = [
  { id: 'a', hoursAgo: 100, text: "They never listen to anyone.\n'Getafix" },
  { id: 'b', parent: 'a', hoursAgo: 30, text: 'The early release scheme is back', inferred: true },
  { id: 'c', parent: 'b', hoursAgo: 20, text: 'This comment has been removed by the author.', removed: true },
  { id: 'd', author: 'Jim Brown', owner: true, hoursAgo: 10, text: 'Meet at the café on Friday please' },
  { id: 'e', parent: 'd', author: 'Pearly Gates', hoursAgo: 5, text: 'Yes' },
  { id: 'f', hoursAgo: 1, text: 'Is the Early Release Scheme safe?' },
];

function input(rows: Row[] = ROWS, extra: Partial<FilterInput> = {}): FilterInput {
  const comments = new Map<string, FilterSubject>();
  const links = new Map<string, ReplyLink>();
  for (const row of rows) {
    comments.set(row.id, {
      record: {
        author: row.author ?? 'Anonymous',
        isBlogOwner: row.owner ?? false,
        publishedMs: NOW - (row.hoursAgo ?? 0) * HOUR,
        removed: row.removed ?? false,
      },
      text: row.text ?? '',
    });
    if (row.inferred) links.set(row.id, { parentId: row.parent ?? null, source: 'quote', evidence: 'x', confidence: 0.8 });
  }
  const parents = new Map(rows.map((row) => [row.id, row.parent ?? null]));
  return {
    comments,
    tree: buildTree(
      rows.map((row) => row.id),
      (id) => parents.get(id) ?? null,
    ),
    links,
    newIds: new Set<string>(),
    mutedWords: [],
    ...extra,
  };
}

function run(change: Partial<FilterState>, extra: Partial<FilterInput> = {}) {
  return applyFilters(input(ROWS, extra), { ...EMPTY_FILTERS, ...change }, NOW);
}

function visible(result: ReturnType<typeof run>): string[] {
  return ROWS.map((row) => row.id).filter((id) => !result.hidden.has(id));
}

describe('applyFilters', () => {
  it('shows everything and counts every comment when no filter is set', () => {
    const result = run({});
    expect(result.active).toBe(false);
    expect(result.hidden.size).toBe(0);
    expect(result.context.size).toBe(0);
    expect([result.shown, result.total]).toEqual([6, 6]);
  });

  it('matches search words case- and accent-insensitively, keeping ancestors as context', () => {
    const result = run({ text: 'CAFE' });
    expect(result.matches).toEqual(['d']);
    expect(visible(result)).toEqual(['d']);
    const scheme = run({ text: 'early scheme' });
    expect(scheme.matches).toEqual(['b', 'f']);
    expect([...scheme.context]).toEqual(['a']);
    expect(visible(scheme)).toEqual(['a', 'b', 'f']);
    expect([scheme.shown, scheme.total]).toEqual([2, 6]);
  });

  it('requires a quoted phrase to appear as written, and every term to appear', () => {
    expect(run({ text: '"release early"' }).matches).toEqual([]);
    expect(run({ text: '"early release" safe' }).matches).toEqual(['f']);
  });

  it('lists matches in the display order of the given tree', () => {
    const rows = [ROWS[5]!, ...ROWS.slice(0, 5)];
    const result = applyFilters(input(rows), { ...EMPTY_FILTERS, text: 'early' }, NOW);
    expect(result.matches).toEqual(['f', 'b']);
  });

  it('filters by author: anonymous, the blog owner, typed and signed names', () => {
    expect(visible(run({ authors: ['anonymous'] }))).toEqual(['a', 'b', 'c', 'f']);
    expect(visible(run({ authors: ['owner'] }))).toEqual(['d']);
    expect(visible(run({ authors: ['name:getafix'] }))).toEqual(['a']);
    const pearly = run({ authors: ['name:pearly gates'] });
    expect(visible(pearly)).toEqual(['d', 'e']);
    expect([...pearly.context]).toEqual(['d']);
    expect(visible(run({ authors: ['name:getafix', 'owner'] }))).toEqual(['a', 'd']);
  });

  it('shows only new comments when asked', () => {
    const result = run({ newOnly: true }, { newIds: new Set(['e', 'f']) });
    expect(result.shown).toBe(2);
    expect(visible(result)).toEqual(['d', 'e', 'f']);
  });

  it('filters by the last day, the last week and a date range', () => {
    const day = run({ time: 'day' });
    expect(day.shown).toBe(4); // c (20 h), d, e, f
    expect(day.context).toEqual(new Set(['a', 'b']));
    expect(run({ time: 'week' }).shown).toBe(6);
    const range = run({ time: 'range', fromMs: NOW - 12 * HOUR, toMs: NOW - 2 * HOUR });
    expect(range.shown).toBe(2); // d (10 h), e (5 h)
    expect(run({ time: 'range', fromMs: null, toMs: null }).active).toBe(false);
  });

  it('drops comments without a known time under any time filter', () => {
    const rows = [{ ...ROWS[0]!, hoursAgo: Number.NaN }];
    expect(applyFilters(input(rows), { ...EMPTY_FILTERS, time: 'week' }, NOW).shown).toBe(0);
  });

  it('hides removed comments', () => {
    const result = run({ hideRemoved: true });
    expect(result.hidden).toEqual(new Set(['c']));
    expect(result.shown).toBe(5);
  });

  it('hides comments shorter than N words, counting removed ones as empty', () => {
    const result = run({ minWords: 6 });
    expect(visible(result)).toEqual(['a', 'b', 'd', 'f']);
    expect(result.context.has('a')).toBe(false);
    expect(result.shown).toBe(4);
  });

  it('keeps only threads with at least N replies in the current tree', () => {
    expect(visible(run({ minReplies: 2 }))).toEqual(['a', 'b', 'c']);
    expect(visible(run({ minReplies: 1 }))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('keeps only comments placed by an inferred link', () => {
    const result = run({ inferredOnly: true });
    expect(result.shown).toBe(1);
    expect(visible(result)).toEqual(['a', 'b']);
  });

  it('combines filters with AND', () => {
    const result = run({ text: 'early', authors: ['anonymous'], time: 'day' });
    expect(result.matches).toEqual(['f']);
    expect(result.shown).toBe(1);
  });

  it('folds comments containing a muted word as a whole word, naming the word as typed', () => {
    const result = run({}, { mutedWords: ['Café', 'yes please', 'rel'] });
    expect([...result.muted]).toEqual([['d', 'Café']]);
    expect(result.hidden.size).toBe(0);
  });

  it('never mutes a removed comment by Blogger’s removal notice', () => {
    expect(run({}, { mutedWords: ['author'] }).muted.size).toBe(0);
  });

  it('gives every comment exactly one of shown, context or hidden', () => {
    const result = run({ text: 'scheme', hideRemoved: true });
    const passing = ROWS.map((r) => r.id).filter((id) => !result.hidden.has(id) && !result.context.has(id));
    expect(passing.length + result.context.size + result.hidden.size).toBe(ROWS.length);
    expect(passing.length).toBe(result.shown);
  });
});

describe('displayOrder', () => {
  it('lists each comment before its replies, depth first', () => {
    expect(displayOrder(input().tree)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
});

describe('isFilterActive / normalizeFilterState', () => {
  it('treats blank search text as no filter', () => {
    expect(isFilterActive({ ...EMPTY_FILTERS, text: '  ' })).toBe(false);
    expect(isFilterActive({ ...EMPTY_FILTERS, minWords: 3 })).toBe(true);
  });

  it('turns corrupt stored state into no filter and clamps counts', () => {
    expect(normalizeFilterState('junk')).toEqual(EMPTY_FILTERS);
    const state = normalizeFilterState({ text: 7, authors: ['anonymous', 3], time: 'year', minWords: -4, minReplies: 2.7, newOnly: 'yes' });
    expect(state).toEqual({ ...EMPTY_FILTERS, authors: ['anonymous'], minReplies: 2 });
  });
});
