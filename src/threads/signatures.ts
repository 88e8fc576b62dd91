/** Names that sign a comment ("'Getafix", "- Pearly Gates") and mentions of such names in later comments. */

/** A name that signs a text, and where the signature starts (mentions are not searched from there on). */
export interface Signature {
  name: string;
  index: number;
}

const NAME = String.raw`\p{Lu}[\p{L}'’-]*(?:[ \t]+\p{Lu}[\p{L}'’-]*){0,2}`;
/** "'Getafix" alone on the last line or after the last sentence. */
const APOSTROPHE_SIGNATURE = new RegExp(String.raw`(?:^|[.!?…)]\s+)['‘’](${NAME})\.?\s*$`, 'u');
/** "- Pearly Gates", "~ Bob" at the end of the last line. */
const DASH_SIGNATURE = new RegExp(String.raw`(?:^|\s)[-–—~]+[ \t]*(${NAME})\.?\s*$`, 'u');
/** A last line that is only a name: "Pearly Gates". */
const NAME_LINE = new RegExp(String.raw`^(${NAME})\.?$`, 'u');
const SIGNATURE_PATTERNS = [APOSTROPHE_SIGNATURE, DASH_SIGNATURE, NAME_LINE];

/** Words that end comments or open sentences but are not anyone's name. */
const NOT_NAMES = new Set(
  [
    'anon',
    'anonymous',
    'unknown',
    'the',
    'a',
    'an',
    'i',
    'yes',
    'no',
    'ok',
    'okay',
    'thanks',
    'thank',
    'agreed',
    'indeed',
    'exactly',
    'well',
    'so',
    'and',
    'but',
    'delete',
    'reply',
    'replies',
    'hi',
    'hello',
    'bye',
    'dear',
    'lol',
    'true',
    'sorry',
    'wow',
    'quite',
    'absolutely',
    'cheers',
    'regards',
    'best',
    'probation',
    'napo',
    'me',
    'you',
    'he',
    'she',
    'we',
    'they',
    'it',
    'this',
    'that',
    'what',
    'why',
    'how',
    'who',
    'when',
    'where',
    'not',
    'never',
    'always',
    'good',
    'great',
    'sad',
    'shame',
    'rubbish',
    'nonsense',
    'enough',
    'amen',
    'ditto',
    'same',
    'again',
    'too',
    'all',
    'more',
    'less',
    'now',
    'then',
    'here',
    'there',
    'just',
    'still',
    'only',
    'really',
    'very',
    'oh',
    'ah',
    'hmm',
    'sir',
    'madam',
    'mate',
    'folks',
    'everyone',
    'all the best',
    'good luck',
    'well said',
  ].map((word) => word.toLowerCase()),
);

/** Lower-cased, possessive and surrounding apostrophes removed: "Getafix’s" → "getafix". */
export function nameKey(name: string): string {
  let key = name.toLowerCase();
  if (/\s/.test(key)) key = key.replace(/\s+/g, ' ').trim();
  if (key.endsWith("'s") || key.endsWith('’s')) key = key.slice(0, -2);
  let start = 0;
  let end = key.length;
  while (start < end && APOSTROPHES.includes(key[start]!)) start += 1;
  while (end > start && APOSTROPHES.includes(key[end - 1]!)) end -= 1;
  return key.slice(start, end);
}

const APOSTROPHES = "'‘’";

/** False for words such as "Anonymous", "Thanks" or "Delete" that sign nothing. */
export function isAddressableName(name: string): boolean {
  const key = nameKey(name);
  if (key.length < 2 || NOT_NAMES.has(key)) return false;
  return !NOT_NAMES.has(key.split(' ')[0]!);
}

/** The name a text is signed with at its end, if any. */
export function findSignature(text: string): Signature | null {
  const trimmed = text.trimEnd(); // what replace(/\s+$/, '') gives, without trying every run of spaces
  const lastLineStart = trimmed.lastIndexOf('\n') + 1;
  const lastLine = trimmed.slice(lastLineStart);
  const line = lastLine.trim();
  for (const pattern of SIGNATURE_PATTERNS) {
    const match = pattern.exec(line);
    if (!match) continue;
    const name = match[1]!.trim();
    if (!isAddressableName(name)) continue;
    if (pattern === NAME_LINE && (lastLineStart === 0 || /\b\p{Lu}{2,}\b/u.test(name))) continue; // one-line comments and acronym lines ("HMP Wealstun") sign nothing
    return { name, index: lastLineStart + lastLine.indexOf(match[0].trim()) };
  }
  return null;
}

/** One name a text mentions, at a word boundary; `key` is the nameKey of the words. */
export interface NameMention {
  key: string;
  evidence: string;
  index: number;
}

const LONGEST_NAME_WORDS = 3;

/** What findNameMentions asks about names: the words they start with, and whether a key is one. */
export interface NameLookup {
  /** The first word (as a nameKey) of every known name. */
  firstWords(): Iterable<string>;
  has(key: string): boolean;
}

const WORD_AT = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/uy;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The word that starts exactly at `index`, if any. */
function wordAt(text: string, index: number): { word: string; index: number } | null {
  WORD_AT.lastIndex = index;
  const match = WORD_AT.exec(text);
  return match ? { word: match[0], index } : null;
}

/**
 * Mentions of known names (keys from nameKey) in the text, at most one per position, longest name first.
 * Only places where a known name's first word occurs are examined, so the cost follows the text's length.
 * A name written with a leading apostrophe ("'Getafix" mid-text) is the writer's own signature style, not a mention.
 */
export function findNameMentions(text: string, names: NameLookup): NameMention[] {
  const lower = text.toLowerCase();
  let starts: number[] | null = null;
  let firstWordsFound = 0;
  for (const firstWord of names.firstWords()) {
    if (firstWord === '') continue;
    let found = false;
    for (let at = lower.indexOf(firstWord); at >= 0; at = lower.indexOf(firstWord, at + 1)) {
      if (at === 0 || !WORD_CHAR.test(text[at - 1]!)) {
        (starts ??= []).push(at);
        found = true;
      }
    }
    if (found) firstWordsFound += 1;
  }
  if (starts === null) return [];
  if (firstWordsFound > 1) starts.sort((a, b) => a - b); // one first word's places come in order already
  const mentions: NameMention[] = [];
  let coveredUntil = -1;
  let previous = -1;
  for (const start of starts) {
    if (start === previous) continue; // two first words at one place ("jim", "jimbo")
    previous = start;
    if (start < coveredUntil) continue;
    if (start > 0 && /['‘’]/.test(text[start - 1]!)) continue;
    const words: Array<{ word: string; index: number }> = [];
    let cursor = start;
    while (words.length < LONGEST_NAME_WORDS) {
      const word = wordAt(text, cursor);
      if (!word) break;
      words.push(word);
      const gap = /^[ \t]+/.exec(text.slice(cursor + word.word.length, cursor + word.word.length + 8));
      if (!gap) break;
      cursor += word.word.length + gap[0].length;
    }
    const keys: string[] = [];
    for (const word of words) keys.push(keys.length === 0 ? nameKey(word.word) : `${keys.at(-1)!} ${nameKey(word.word)}`);
    for (let length = keys.length; length >= 1; length -= 1) {
      if (!names.has(keys[length - 1]!)) continue;
      const last = words[length - 1]!;
      mentions.push({ key: keys[length - 1]!, evidence: text.slice(start, last.index + last.word.length), index: start });
      coveredUntil = last.index + last.word.length;
      break;
    }
  }
  return mentions;
}
