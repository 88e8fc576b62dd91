/** Text normalisation and query parsing for the filters: case- and accent-insensitive terms, quoted phrases, match ranges. */

const COMBINING_MARKS = /\p{M}/gu;
const WHITESPACE = /\s/u;
const FOLDED_PUNCTUATION: Record<string, string> = {
  '‘': "'",
  '’': "'",
  ʼ: "'",
  '“': '"',
  '”': '"',
  '–': '-',
  '—': '-',
};

/** One character folded for comparison: no accents, lower case, typographic quotes as plain ones. */
function foldChar(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 0x20) : char; // ASCII fast path
  const punctuation = FOLDED_PUNCTUATION[char];
  if (punctuation !== undefined) return punctuation;
  return char.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** Text made only of ASCII and the typographic punctuation above folds without per-character work. */
const PLAIN_TEXT = /^[\x00-\x7f‘’ʼ“”–—]*$/;
const TYPOGRAPHIC = /[‘’ʼ“”–—]/g;

/** Text folded for comparison (NFD, diacritics stripped, lower case, whitespace runs as one space). */
export function normalizeText(text: string): string {
  if (!PLAIN_TEXT.test(text)) return normalizeWithMap(text).text;
  return text
    .replace(TYPOGRAPHIC, (char) => FOLDED_PUNCTUATION[char] ?? char)
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A folded text plus, for each of its characters, the index in the original text it came from. */
export interface NormalizedText {
  text: string;
  /** `origin[i]` is the index (UTF-16) in the original text of normalized character `i`; one extra entry marks the end. */
  origin: number[];
}

/** Fold a text and keep where each folded character came from, so matches can be highlighted in the original. */
export function normalizeWithMap(text: string): NormalizedText {
  let out = '';
  const origin: number[] = [];
  let previousWasSpace = true; // leading whitespace is dropped
  let index = 0;
  for (const char of text) {
    if (WHITESPACE.test(char)) {
      if (!previousWasSpace) {
        out += ' ';
        origin.push(index);
        previousWasSpace = true;
      }
    } else {
      const folded = foldChar(char);
      for (let i = 0; i < folded.length; i += 1) origin.push(index);
      out += folded;
      previousWasSpace = false;
    }
    index += char.length;
  }
  if (out.endsWith(' ')) {
    out = out.slice(0, -1);
    origin.pop();
  }
  origin.push(index);
  return { text: out, origin };
}

/** A parsed search: every term must occur (AND); a term is a word or a quoted phrase, already folded. */
export interface ParsedQuery {
  terms: string[];
}

/** Split a query into folded terms: `"early release" scheme` → ["early release", "scheme"]. An open quote runs to the end. */
export function parseQuery(query: string): ParsedQuery {
  const terms: string[] = [];
  const folded = normalizeText(query);
  const pattern = /"([^"]*)"?|([^\s"]+)/g;
  for (const match of folded.matchAll(pattern)) {
    const term = (match[1] ?? match[2] ?? '').trim();
    if (term !== '' && !terms.includes(term)) terms.push(term);
  }
  return { terms };
}

/** True when every term occurs in the folded text. */
export function matchesAllTerms(foldedText: string, terms: readonly string[]): boolean {
  return terms.every((term) => foldedText.includes(term));
}

/** Where the terms occur in an original text, as [start, end) ranges of it, sorted and merged. */
export function findTermRanges(original: string, terms: readonly string[]): Array<[number, number]> {
  if (terms.length === 0) return [];
  const { text, origin } = normalizeWithMap(original);
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    let from = text.indexOf(term);
    while (from >= 0) {
      const end = from + term.length;
      ranges.push([origin[from]!, origin[end - 1]! + charLengthAt(original, origin[end - 1]!)]);
      from = text.indexOf(term, end);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

function charLengthAt(text: string, index: number): number {
  const code = text.codePointAt(index);
  return code !== undefined && code > 0xffff ? 2 : 1;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when the folded text holds the folded word or phrase as whole words ("rar" does not mute "rare"). */
export function containsWholeWords(foldedText: string, foldedWords: string): boolean {
  if (foldedWords === '') return false;
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(foldedWords)}(?![\\p{L}\\p{N}])`, 'u').test(foldedText);
}

/** Number of words in a text (letters or digits runs; "don't" is one word). */
export function countWords(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)) count += 1;
  return count;
}
