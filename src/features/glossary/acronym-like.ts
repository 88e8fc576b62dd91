/** Finds acronym-like tokens in text (for the seed listing and the panel's "not yet defined" list). */
import { isInShoutedRun, resolveWord, wordTokens, type Matcher } from './matcher';
import { NOT_ACRONYMS } from './not-acronyms';

/**
 * Acronym-like: at least two capitals, capitals at least half of the letters (NPS, PQiP, HofA, DASOs;
 * not McAllister or ReplyDelete), and at most 10 characters. A trailing plural "s" or possessive is removed.
 */
export function acronymStem(word: string): string | null {
  const stem = word.length > 2 && /[A-Z]s$/.test(word) ? word.slice(0, -1) : word;
  if (stem.length > 10) return null;
  const letters = stem.replace(/[^\p{L}]/gu, '');
  const capitals = letters.replace(/[^\p{Lu}]/gu, '');
  if (capitals.length < 2 || capitals.length * 2 < letters.length) return null;
  return stem;
}

/** Every acronym-like token of a text with counts (no glossary filtering): the seed listing. */
export function countAcronymLike(text: string, counts: Map<string, number> = new Map()): Map<string, number> {
  for (const { word } of wordTokens(text)) {
    const stem = acronymStem(word);
    if (stem) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  }
  return counts;
}

/**
 * Acronym-like tokens the glossary does not know and that are not shouting, names or common words:
 * what the glossary panel lists as "not yet defined".
 */
export function findUnknownAcronyms(text: string, matcher: Matcher, counts: Map<string, number> = new Map()): Map<string, number> {
  for (const { word, start, end } of wordTokens(text)) {
    const stem = acronymStem(word);
    if (!stem || NOT_ACRONYMS.has(stem) || NOT_ACRONYMS.has(word)) continue;
    if (resolveWord(word, matcher) || resolveWord(stem, matcher)) continue;
    if (/^\p{Lu}+$/u.test(stem) && isInShoutedRun(text, start, end, matcher) && hasShoutedEnglishNeighbour(text, start, end)) continue;
    counts.set(stem, (counts.get(stem) ?? 0) + 1);
  }
  return counts;
}

/** True when a capitalised neighbour is a known shouted word (so "ENTERPRISE" next to "PRIVATE" is shouting). */
function hasShoutedEnglishNeighbour(text: string, start: number, end: number): boolean {
  const before = /([\p{L}]+)[\s,.!?;:"'’()*\-–]{1,4}$/u.exec(text.slice(Math.max(0, start - 30), start))?.[1];
  const after = /^[\s,.!?;:"'’()*\-–]{1,4}([\p{L}]+)/u.exec(text.slice(end, end + 30))?.[1];
  return [before, after].some((word) => word !== undefined && NOT_ACRONYMS.has(word));
}
