/** The compiled glossary matcher: one tokenizing regex pass over a string, Map look-ups per token, guards and sense choice. */
import type { FindOptions, GlossaryEntry, TermHit } from './types';

/** Every glossary form compiled into one regex and look-up tables; build once with buildMatcher, reuse for every text. */
export interface Matcher {
  /** One alternation of every form (longest first) between word boundaries: the single pass over a text. */
  readonly pattern: RegExp;
  /** Canonical term → entry. */
  readonly entries: ReadonlyMap<string, GlossaryEntry>;
  /** Exact surface form (canonical, all-caps variant, explicit forms) → entry. */
  readonly exact: ReadonlyMap<string, GlossaryEntry>;
  /** All-lower-case form → entry, only for entries marked lowercaseSafe. */
  readonly lower: ReadonlyMap<string, GlossaryEntry>;
  /** Canonical term → one regex of context words per sense (ambiguous entries only), run on lower-cased text. */
  readonly senseContexts: ReadonlyMap<string, ReadonlyArray<RegExp | null>>;
}

/**
 * Word tokens for the acronym-like listing (wordTokens). Letters are ASCII plus everything from U+00C0 except the
 * general punctuation block (so ’ “ ” end a word); a word must not follow a letter or digit, so "3PM" is no word.
 * A possessive ('s, ’s, ') simply ends the token. URLs, e-mails and handles are recognised per hit (insideLinkText).
 */
const WORD_PATTERN = /(?<![0-9A-Za-z\u00C0-\u1FFF\u2070-\uFFFF])[A-Za-z\u00C0-\u1FFF\u2070-\uFFFF][0-9A-Za-z\u00C0-\u1FFF\u2070-\uFFFF]*/g;
const LINK_CHUNK = /:\/\/|^www\.|@|\.(?:uk|com|org|net|gov|io|info|eu)\b/i;

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 160;
}

/** True when the token sits inside a URL, an e-mail address, a @handle or #tag, or a bare domain name. */
export function insideLinkText(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && start - from < 200 && !isSpace(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && to - end < 200 && !isSpace(text.charCodeAt(to))) to++;
  const before = text[start - 1];
  if (before === '@' || before === '#') return true;
  if (to - from - (end - start) < 2) return false; // at most one punctuation mark around the word
  return LINK_CHUNK.test(text.slice(from, to));
}

/** Characters allowed between two words of one shouted run ("BULL. SHIT.", "WE WARNED YOU"). */
const RUN_GAP = /^[\s,.!?;:"'’“”()*\-–]{1,4}$/;
const SENSE_WINDOW_CHARS = 320;

const WORD_CHARS = '0-9A-Za-z\\u00C0-\\u1FFF\\u2070-\\uFFFF';

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * All forms as one regex: whole tokens only (no word character before or after), longest alternative first.
 * Equivalent to tokenising and looking every token up, but irregexp rejects most positions by their first character.
 */
function compileForms(forms: string[]): RegExp {
  const unique = [...new Set(forms)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const body = unique.length > 0 ? unique.map(escapeRegex).join('|') : '(?!)';
  return new RegExp(`(?<![${WORD_CHARS}])(?:${body})(?![${WORD_CHARS}])`, 'g');
}

/** One alternation of a sense's context words as whole words (null when it has none). */
function contextPattern(words: string[]): RegExp | null {
  if (words.length === 0) return null;
  const escaped = words.map((word) => escapeRegex(word.toLowerCase()));
  return new RegExp(`(?<![0-9a-z\\u00C0-\\uFFFF])(?:${escaped.join('|')})(?![0-9a-z\\u00C0-\\uFFFF])`, 'g');
}

/** Build the look-up tables. Later entries win over earlier ones with the same forms (put custom terms last). */
export function buildMatcher(entries: readonly GlossaryEntry[]): Matcher {
  // Terms are one entry per case-insensitive spelling: a later "OASYS" replaces an earlier "OASys".
  const byLowerTerm = new Map<string, GlossaryEntry>();
  for (const entry of entries) {
    byLowerTerm.delete(entry.term.toLowerCase());
    byLowerTerm.set(entry.term.toLowerCase(), entry);
  }
  const byTerm = new Map<string, GlossaryEntry>([...byLowerTerm.values()].map((entry) => [entry.term, entry]));
  const exact = new Map<string, GlossaryEntry>();
  const plurals = new Map<string, GlossaryEntry>();
  const lower = new Map<string, GlossaryEntry>();
  const senseContexts = new Map<string, ReadonlyArray<RegExp | null>>();
  for (const entry of byTerm.values()) {
    const upper = entry.term.toUpperCase();
    const isMixedCase = upper !== entry.term;
    // An all-caps variant of a mixed-case term (OASYS, PQIP, NAPO), unless that variant is an English word (POP).
    const forms = [entry.term, ...(isMixedCase && !entry.englishWord ? [upper] : []), ...(entry.forms ?? [])];
    // Plurals (CRCs, PSOs, DASOS is listed as a form) go in first so that no real form is ever shadowed by one.
    for (const form of forms) if (/[A-Z0-9]$/.test(form) && !exact.has(`${form}s`)) plurals.set(`${form}s`, entry);
    for (const form of forms.slice(1)) exact.set(form, entry);
    if (entry.lowercaseSafe) {
      lower.set(entry.term.toLowerCase(), entry);
      lower.set(`${entry.term.toLowerCase()}s`, entry);
    }
    if (entry.senses && entry.senses.length > 1) {
      senseContexts.set(
        entry.term,
        entry.senses.map((sense) => contextPattern(sense.context)),
      );
    }
  }
  for (const [plural, entry] of plurals) if (!exact.has(plural)) exact.set(plural, entry);
  // Canonical forms last so that they are never shadowed by another entry's variant or plural.
  for (const entry of byTerm.values()) exact.set(entry.term, entry);
  return { pattern: compileForms([...exact.keys(), ...lower.keys()]), entries: byTerm, exact, lower, senseContexts };
}

/** How a word token resolved: the entry, and whether it matched through the lower-case table. */
interface Resolved {
  entry: GlossaryEntry;
  viaLowercase: boolean;
}

/** Resolve a word (possessive already cut off) to an entry: exact forms and plurals first, then lower-case forms. */
export function resolveWord(word: string, matcher: Matcher): Resolved | null {
  const direct = matcher.exact.get(word);
  if (direct) return { entry: direct, viaLowercase: false };
  const lowered = matcher.lower.get(word);
  return lowered ? { entry: lowered, viaLowercase: true } : null;
}

function isAllCapsWord(word: string): boolean {
  return word !== word.toLowerCase() && word === word.toUpperCase();
}

/** The word right before `index`, if only a short run gap separates them. */
function wordBefore(text: string, index: number): string | null {
  let i = index;
  while (i > 0 && index - i < 4 && !/[\p{L}\p{N}]/u.test(text[i - 1] ?? '')) i--;
  if (i === index || !RUN_GAP.test(text.slice(i, index))) return null;
  let j = i;
  while (j > 0 && /[\p{L}\p{N}]/u.test(text[j - 1] ?? '')) j--;
  return j < i ? text.slice(j, i) : null;
}

/** The word right after `index`, if only a short run gap separates them. */
function wordAfter(text: string, index: number): string | null {
  let i = index;
  while (i < text.length && i - index < 4 && !/[\p{L}\p{N}]/u.test(text[i] ?? '')) i++;
  if (i === index || !RUN_GAP.test(text.slice(index, i))) return null;
  let j = i;
  while (j < text.length && /[\p{L}\p{N}]/u.test(text[j] ?? '')) j++;
  return j > i ? text.slice(i, j) : null;
}

/** A neighbour that makes a run of shouting: an all-caps word that is not itself a (non-English-word) acronym. */
function isShoutingNeighbour(word: string | null, matcher: Matcher): boolean {
  if (!word || !isAllCapsWord(word) || /\p{N}/u.test(word)) return false;
  const known = resolveWord(word, matcher);
  return !known || Boolean(known.entry.englishWord);
}

/** True when the token [start, end) is an English word shouted among other capitalised words (WE WARNED YOU). */
export function isInShoutedRun(text: string, start: number, end: number, matcher: Matcher): boolean {
  return isShoutingNeighbour(wordBefore(text, start), matcher) || isShoutingNeighbour(wordAfter(text, end), matcher);
}

function followsNumber(text: string, start: number): boolean {
  let i = start;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\u00a0')) i--;
  return i > 0 && /\d/.test(text[i - 1] ?? '');
}

function opensLineWithPunctuation(text: string, start: number, end: number): boolean {
  const next = text[end];
  if (next !== ':' && next !== '.') return false;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return text.slice(lineStart, start).trim() === '';
}

function isHyphenJoined(text: string, start: number, end: number): boolean {
  return (text[start - 1] === '-' && /\p{L}/u.test(text[start - 2] ?? '')) || (text[end] === '-' && /\p{L}/u.test(text[end + 1] ?? ''));
}

/**
 * Pick the sense whose context words occur most often within SENSE_WINDOW_CHARS of the occurrence; ties and no
 * evidence keep sense 0. `lowerText` is the whole text lower-cased (computed once per findTerms call).
 */
export function chooseSense(lowerText: string, start: number, end: number, contexts: ReadonlyArray<RegExp | null>): number {
  const from = Math.max(0, start - SENSE_WINDOW_CHARS);
  const to = Math.min(lowerText.length, end + SENSE_WINDOW_CHARS);
  const window = lowerText.slice(from, to);
  let best = 0;
  let bestScore = 0;
  contexts.forEach((pattern, index) => {
    if (!pattern) return;
    let score = 0;
    pattern.lastIndex = 0;
    while (pattern.exec(window)) score++;
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

/** Every glossary occurrence in `text`, in order. Pure: no DOM. */
export function findTerms(text: string, matcher: Matcher, opts: FindOptions = {}): TermHit[] {
  const hits: TermHit[] = [];
  const firstOnly = opts.mode === 'first';
  const seen = opts.seen ?? new Set<string>();
  let lowerText: string | null = null;
  const pattern = matcher.pattern; // findTerms is synchronous, so the one compiled regex is reused from index 0
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const word = match[0];
    const resolved = resolveWord(word, matcher);
    if (!resolved) continue;
    const { entry, viaLowercase } = resolved;
    const start = match.index;
    const end = start + word.length;
    if (insideLinkText(text, start, end)) continue;
    if (viaLowercase && isHyphenJoined(text, start, end)) continue;
    if (entry.englishWord && isAllCapsWord(word) && isInShoutedRun(text, start, end, matcher)) continue;
    if (entry.notAfterNumber && followsNumber(text, start)) continue;
    if (entry.notAsLineOpener && opensLineWithPunctuation(text, start, end)) continue;
    if (firstOnly && seen.has(entry.term)) continue;
    seen.add(entry.term);
    const contexts = matcher.senseContexts.get(entry.term);
    if (contexts && lowerText === null) lowerText = text.toLowerCase();
    hits.push({ start, end, term: entry.term, senseIndex: contexts && lowerText ? chooseSense(lowerText, start, end, contexts) : 0 });
  }
  return hits;
}

/** Every word token of a text (tokens inside URLs, e-mails and handles excluded), with offsets. */
export function* wordTokens(text: string): Generator<{ word: string; start: number; end: number }> {
  const pattern = new RegExp(WORD_PATTERN.source, WORD_PATTERN.flags);
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (!insideLinkText(text, start, end)) yield { word: match[0], start, end };
  }
}
