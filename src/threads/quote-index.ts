/** Finds quoted passages in a comment and looks them up in a shingle index of earlier comments and the post. */

/** A passage the comment quotes: in straight or curly quotes, or on `>`-prefixed lines. */
export interface QuotedSpan {
  text: string;
  start: number;
  end: number;
}

/** Words per shingle: quotes are matched by runs of this many consecutive normalised words. */
export const SHINGLE_WORDS = 4;
/** Share of a quote's shingles an earlier text must contain to count as its source (tolerates small edits). */
export const MIN_COVERAGE = 0.7;
/** Shingles found in more texts than this say nothing about which text is quoted, and are skipped. */
export const MAX_POSTINGS = 64;
/** At most this many shingles of a long quote are looked up, evenly spread over it. */
const MAX_SHINGLES_PER_QUOTE = 48;

/** Lower-cased words with punctuation, apostrophes and spacing removed: "Don’t  need, ANY" → [dont, need, any]. */
export function normalisedWords(text: string): string[] {
  // Plain ASCII (most comments) needs neither Unicode normalisation nor the Unicode letter test.
  const ascii = !NON_ASCII.test(text);
  let lower = (ascii ? text : text.normalize('NFKC')).toLowerCase();
  if (APOSTROPHE_TEST.test(lower)) lower = lower.replace(APOSTROPHES, '');
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= lower.length; i += 1) {
    const inWord = i < lower.length && (ascii ? isAsciiWordCode(lower.charCodeAt(i)) : isWordCode(lower.charCodeAt(i), lower, i));
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      words.push(lower.slice(start, i));
      start = -1;
    }
  }
  return words;
}

const NON_ASCII = /[\u0080-\uffff]/;
const APOSTROPHE_TEST = /[’‘'`´]/;
const APOSTROPHES = /[’‘'`´]/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

function isAsciiWordCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a);
}

function isWordCode(code: number, text: string, index: number): boolean {
  if (code < 0x80) return isAsciiWordCode(code);
  if (code >= 0xd800 && code <= 0xdfff) return false; // astral characters (emoji) separate words
  return LETTER_OR_DIGIT.test(text[index]!);
}

const PAIRED_QUOTES: RegExp[] = [
  /“([^“”\n]+)”/g,
  /"([^"\n]+)"/g,
  /‘((?:[^‘’\n]|’(?=\p{L}))+)’(?!\p{L})/gu,
  /(?<![\p{L}\p{N}])'((?:[^'\n]|'(?=\p{L}))+)'(?![\p{L}])/gu,
];
/** An opening quote whose closing mark never comes on that line (pasted text cut short). */
const UNCLOSED_QUOTES: RegExp[] = [/^\s*“([^“”\n]+)$/gm, /^\s*"([^"\n]+)$/gm];
const BLOCK_QUOTE_LINE = /^[ \t]*>[ \t]?(.+)$/gm;

/** The patterns in the order they claim text, each with the mark it cannot match without. */
const QUOTE_PATTERNS: ReadonlyArray<{ pattern: RegExp; mark: string }> = [
  { pattern: PAIRED_QUOTES[0]!, mark: '“' },
  { pattern: PAIRED_QUOTES[1]!, mark: '"' },
  { pattern: PAIRED_QUOTES[2]!, mark: '‘' },
  { pattern: PAIRED_QUOTES[3]!, mark: "'" },
  { pattern: UNCLOSED_QUOTES[0]!, mark: '“' },
  { pattern: UNCLOSED_QUOTES[1]!, mark: '"' },
  { pattern: BLOCK_QUOTE_LINE, mark: '>' },
];

/**
 * Quoted passages in the text, in order, without overlaps. A pattern whose mark is not in the text is not run;
 * the others are run with exec on the shared pattern (every match is at least a quote mark long), not matchAll,
 * which copies the pattern for each text.
 */
export function extractQuotes(text: string): QuotedSpan[] {
  let spans: QuotedSpan[] | null = null;
  for (const { pattern, mark } of QUOTE_PATTERNS) {
    if (!text.includes(mark)) continue;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const start = match.index;
      const end = start + match[0].length;
      if (spans?.some((span) => start < span.end && end > span.start)) continue;
      (spans ??= []).push({ text: match[1]!, start, end });
    }
  }
  return spans === null ? [] : spans.sort((a, b) => a.start - b.start);
}

/** The comment's own words: its text with the quoted passages blanked out. */
export function ownText(text: string, quotes: QuotedSpan[]): string {
  let result = '';
  let cursor = 0;
  for (const quote of quotes) {
    result += text.slice(cursor, quote.start) + ' ';
    cursor = quote.end;
  }
  return result + text.slice(cursor);
}

/** Words an unmarked echo needs: "You CAN have a consecutive sentence to a life sentence" repeats an earlier line. */
export const MIN_ECHO_WORDS = 6;
const MAX_ECHO_WORDS = 30;

/**
 * The normalised words of the comment's first sentence (quoted passages removed), when it is long enough to be an
 * unmarked repeat of an earlier comment's words; null otherwise.
 */
export function openingSentenceWords(own: string): string[] | null {
  const first = firstSentence(own);
  const words = normalisedWords(first).slice(0, MAX_ECHO_WORDS);
  return words.length >= MIN_ECHO_WORDS ? words : null;
}

/**
 * The first sentence of the text with words in it (up to ".", "!" or "?" and spacing, or a line break), as found in
 * `text.trim().split(/(?<=[.!?])\s+|\n/u)`, give or take spacing at its end; '' when there is none. Only the text up to
 * that sentence is looked at: no copy of the whole text, no list of all its sentences.
 */
function firstSentence(text: string): string {
  const start = text.search(/\S/);
  if (start < 0) return '';
  SENTENCE_BREAK.lastIndex = start;
  let from = start;
  for (;;) {
    const match = SENTENCE_BREAK.exec(text);
    const part = text.slice(from, match ? match.index : text.length);
    if (NOT_SPACE.test(part)) return part;
    if (!match) return '';
    from = SENTENCE_BREAK.lastIndex;
  }
}

const SENTENCE_BREAK = /(?<=[.!?])\s+|\n/gu;
const NOT_SPACE = /\S/;

/** Long enough to identify its source: five words, or four with at least 16 letters. */
export function isQuoteLongEnough(words: string[]): boolean {
  if (words.length >= 5) return true;
  return words.length === SHINGLE_WORDS && words.join('').length >= 16;
}

/**
 * Words a quote needs, IDF-style, from how many other comments of the page carry the same words: `usedBy` in their
 * own words, `quotedBy` in quote marks. Words one comment wrote and others quote point at that comment: the ordinary
 * rule (isQuoteLongEnough). Words several comments use are a shared name or phrase ("Transforming Rehabilitation
 * has failed us"): five words, and two more for each further user. Once two comments carry them at all, the
 * four-word exception is gone ("Violent crime down 46%", pasted by one and quoted by another, is a slogan).
 */
export function wordsNeededWhenShared(usedBy: number, quotedBy: number): number {
  if (usedBy >= 2) return 5 + 2 * (usedBy - 1);
  return usedBy + quotedBy >= 2 ? 5 : 0;
}

/** 32-bit FNV-1a of a word. */
function wordHash(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i += 1) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * Each run of SHINGLE_WORDS words as one number below 2^30, so the index keys are small integers (no boxed numbers
 * to allocate or hash). Two independent 32-bit mixes are folded together; a collision between different runs only
 * adds one shingle's postings to another, and a quote needs most of its shingles to match, so it cannot make a match.
 */
function shingles(words: string[]): number[] {
  if (words.length < SHINGLE_WORDS) return [];
  const hashes = new Array<number>(words.length);
  for (let i = 0; i < words.length; i += 1) hashes[i] = wordHash(words[i]!);
  return shinglesOfHashes(hashes);
}

/** The shingles of words given by their wordHash. */
function shinglesOfHashes(hashes: number[]): number[] {
  const count = hashes.length - SHINGLE_WORDS + 1;
  if (count <= 0) return [];
  const result = new Array<number>(count);
  for (let i = 0; i < count; i += 1) {
    let a = 0x9e3779b9;
    let b = 0x85ebca6b;
    for (let j = i; j < i + SHINGLE_WORDS; j += 1) {
      a = Math.imul(a ^ hashes[j]!, 0x27d4eb2d);
      a ^= a >>> 15;
      b = Math.imul(b + hashes[j]!, 0x165667b1);
      b ^= b >>> 13;
    }
    result[i] = (a ^ Math.imul(b, 0x2c1b3c6d)) & 0x3fffffff;
  }
  return result;
}

/** A text's shingles as QuoteIndex.addShingles takes them. */
export function textShingles(words: string[]): number[] {
  return shingles(words);
}

/**
 * textShingles(normalisedWords(text)) without making the words: plain ASCII text (most comments) is hashed word by
 * word as it is scanned, lower-cased by code and with apostrophes skipped (normalisedWords removes them); other
 * text goes through normalisedWords.
 */
export function textShinglesOf(text: string): number[] {
  if (NON_ASCII.test(text)) return shingles(normalisedWords(text));
  const hashes: number[] = [];
  let hash = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i += 1) {
    let code = text.charCodeAt(i);
    if (code === 0x27 || code === 0x60) continue; // ' and `: removed, so the letters either side join
    if (isAsciiWordCode(code)) {
      if (code <= 0x5a && code >= 0x41) code += 0x20;
      if (!inWord) {
        hash = 0x811c9dc5;
        inWord = true;
      }
      hash = Math.imul(hash ^ code, 0x01000193);
    } else if (inWord) {
      hashes.push(hash >>> 0);
      inWord = false;
    }
  }
  if (inWord) hashes.push(hash >>> 0);
  return shinglesOfHashes(hashes);
}

/** The shingles QuoteIndex.findQuery looks up for a quote: distinct, at most MAX_SHINGLES_PER_QUOTE, spread over it. */
export function quoteQuery(quoteWords: string[]): number[] {
  return spreadSample(uniqueNumbers(shingles(quoteWords)), MAX_SHINGLES_PER_QUOTE);
}

function uniqueNumbers(values: number[]): number[] {
  if (values.length < 2) return values;
  if (values.length <= SCAN_FOR_REPEATS) {
    // An opening sentence (at most 27 shingles) or a short quote: a scan of what was kept beats a set.
    const unique: number[] = [];
    for (const value of values) if (!unique.includes(value)) unique.push(value);
    return unique;
  }
  const seen = new Set<number>();
  const unique: number[] = [];
  for (const value of values)
    if (!seen.has(value)) {
      seen.add(value);
      unique.push(value);
    }
  return unique;
}

const SCAN_FOR_REPEATS = 32;

function spreadSample<T>(items: T[], limit: number): T[] {
  if (items.length <= limit) return items;
  const step = items.length / limit;
  return Array.from({ length: limit }, (_, i) => items[Math.floor(i * step)]!);
}

/** Shingles of earlier comments' own words; lookups touch only the postings of the quote's shingles. */
export class QuoteIndex<T> {
  private readonly postings = new Map<number, T[]>();
  /** Scratch counts of one lookup, kept between lookups so each does not allocate its own map. */
  private readonly hits = new Map<T, number>();

  /** Indexes a text under a value; callers add comments in the order they were posted. */
  add(value: T, text: string): void {
    this.addWords(value, normalisedWords(text));
  }

  /** Indexes already normalised words under a value. */
  addWords(value: T, words: string[]): void {
    this.addShingles(value, shingles(words));
  }

  /** Indexes a text's shingles (textShingles) under a value: a text analysed once is indexed without hashing it again. */
  addShingles(value: T, textShingles: readonly number[]): void {
    for (const shingle of textShingles) {
      const list = this.postings.get(shingle);
      if (!list) this.postings.set(shingle, [value]);
      else if (list.length <= MAX_POSTINGS && list[list.length - 1] !== value) list.push(value); // once per text
    }
  }

  /**
   * Values whose text contains the quote (at least MIN_COVERAGE of its shingles), in no particular order. The work is
   * bounded by the quote's length, not by the number of earlier texts: at most MAX_SHINGLES_PER_QUOTE shingles are
   * looked up, each with at most MAX_POSTINGS values.
   */
  find(quoteWords: string[]): T[] {
    return this.findQuery(quoteQuery(quoteWords));
  }

  /** Like find, for a query worked out once with quoteQuery (a quote looked up in several indices is hashed once). */
  findQuery(quoteShingles: readonly number[]): T[] {
    if (this.postings.size === 0) return []; // nothing indexed (a post without text): nothing can match
    const hits = this.hits;
    hits.clear();
    let usable = 0;
    for (const shingle of quoteShingles) {
      const list = this.postings.get(shingle);
      if (list && list.length > MAX_POSTINGS) continue;
      usable += 1;
      if (list) for (const value of list) hits.set(value, (hits.get(value) ?? 0) + 1);
    }
    if (usable === 0 || usable < quoteShingles.length / 2) return [];
    const found: T[] = [];
    for (const [value, count] of hits) if (count / usable >= MIN_COVERAGE) found.push(value);
    hits.clear();
    return found;
  }

  /** True when the text contains the quote (the post body uses this to tell quotes of the post). */
  contains(quoteWords: string[]): boolean {
    return this.find(quoteWords).length > 0;
  }

  /** Like contains, for a query from quoteQuery. */
  containsQuery(quoteShingles: readonly number[]): boolean {
    return this.findQuery(quoteShingles).length > 0;
  }
}
