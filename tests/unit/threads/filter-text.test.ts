import { describe, expect, it } from 'vitest';
import { containsWholeWords, countWords, findTermRanges, normalizeText, normalizeWithMap, parseQuery } from '../../../src/threads/filter-text';
import { corpusOf, loadRecordPages } from '../../../scripts/bench-threads';

describe('normalizeText', () => {
  it('folds case, accents and typographic apostrophes', () => {
    expect(normalizeText('Café NAÏVE ’Getafix')).toBe("cafe naive 'getafix");
  });

  it('collapses whitespace runs, line breaks included, and trims', () => {
    expect(normalizeText('  early\n\n  release\tscheme ')).toBe('early release scheme');
  });
});

describe('normalizeText fast path', () => {
  const agreesWithMap = (text: string) => expect(normalizeText(text)).toBe(normalizeWithMap(text).text);

  it('folds every fixture comment exactly as the character-by-character fold does', () => {
    for (const text of corpusOf(loadRecordPages())) agreesWithMap(text);
  });

  it('agrees with the character-by-character fold on edge cases of whitespace, quotes and dashes', () => {
    for (const text of ['', ' ', '\t\n', ' ’A’ — “B” – ʼc ', 'x\u000by\fz\r', 'MIXED Case  \n\n words', 'dash—en–em', 'ΟΔΟΣ', 'İstanbul ß']) {
      agreesWithMap(text);
    }
  });
});

describe('normalizeWithMap', () => {
  it('maps each folded character back to its position in the original', () => {
    const original = 'A  é\nb';
    const { text, origin } = normalizeWithMap(original);
    expect(text).toBe('a e b');
    expect(origin.slice(0, text.length).map((i) => original[i])).toEqual(['A', ' ', 'é', '\n', 'b']);
    expect(origin[text.length]).toBe(original.length);
  });
});

describe('parseQuery', () => {
  it('splits words and keeps quoted phrases whole', () => {
    expect(parseQuery('"Early  Release" scheme').terms).toEqual(['early release', 'scheme']);
  });

  it('treats typographic quotes as quotes and an unclosed quote as running to the end', () => {
    expect(parseQuery('“end of custody” sds "home detention').terms).toEqual(['end of custody', 'sds', 'home detention']);
  });

  it('gives no terms for blank text or empty quotes', () => {
    expect(parseQuery('   ""  ').terms).toEqual([]);
  });
});

describe('findTermRanges', () => {
  it('finds accent-insensitive matches at their original positions', () => {
    const text = 'The Café said cafe.';
    const ranges = findTermRanges(text, ['cafe']);
    expect(ranges.map(([start, end]) => text.slice(start, end))).toEqual(['Café', 'cafe']);
  });

  it('finds a phrase across a line break and merges overlapping terms', () => {
    const text = 'early\nrelease scheme';
    const ranges = findTermRanges(text, ['early release', 'release scheme']);
    expect(ranges).toEqual([[0, text.length]]);
  });

  it('handles decomposed accents in the original text', () => {
    const text = 'cafe\u0301 ok';
    const ranges = findTermRanges(text, ['cafe']);
    expect(ranges.map(([start, end]) => text.slice(start, end))).toEqual(['cafe']);
  });
});

describe('containsWholeWords', () => {
  it('matches whole words and phrases only', () => {
    expect(containsWholeWords('a rar order', 'rar')).toBe(true);
    expect(containsWholeWords('a rare order', 'rar')).toBe(false);
    expect(containsWholeWords('the early release scheme', 'early release')).toBe(true);
    expect(containsWholeWords('anything', '')).toBe(false);
  });
});

describe('countWords', () => {
  it('counts runs of letters or digits, contractions as one word', () => {
    expect(countWords("Don't do it, 2 times!")).toBe(5);
    expect(countWords('  ')).toBe(0);
  });
});
