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

/** Words that end comments or open sentences but are not anyone's name. */
const NOT_NAMES = new Set(
  [
    'anon', 'anonymous', 'unknown', 'the', 'a', 'an', 'i', 'yes', 'no', 'ok', 'okay', 'thanks', 'thank', 'agreed',
    'indeed', 'exactly', 'well', 'so', 'and', 'but', 'delete', 'reply', 'replies', 'hi', 'hello', 'bye', 'dear',
    'lol', 'true', 'sorry', 'wow', 'quite', 'absolutely', 'cheers', 'regards', 'best', 'probation', 'napo', 'me',
    'you', 'he', 'she', 'we', 'they', 'it', 'this', 'that', 'what', 'why', 'how', 'who', 'when', 'where', 'not',
    'never', 'always', 'good', 'great', 'sad', 'shame', 'rubbish', 'nonsense', 'enough', 'amen', 'ditto', 'same',
    'again', 'too', 'all', 'more', 'less', 'now', 'then', 'here', 'there', 'just', 'still', 'only', 'really', 'very',
    'oh', 'ah', 'hmm', 'sir', 'madam', 'mate', 'folks', 'everyone', 'all the best', 'good luck', 'well said',
  ].map((word) => word.toLowerCase()),
);

/** Lower-cased, possessive and surrounding apostrophes removed: "Getafix’s" → "getafix". */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/^['‘’]+|['‘’]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** False for words such as "Anonymous", "Thanks" or "Delete" that sign nothing. */
export function isAddressableName(name: string): boolean {
  const key = nameKey(name);
  if (key.length < 2 || NOT_NAMES.has(key)) return false;
  return !NOT_NAMES.has(key.split(' ')[0]!);
}

/** The name a text is signed with at its end, if any. */
export function findSignature(text: string): Signature | null {
  const trimmed = text.replace(/\s+$/, '');
  const lastLineStart = trimmed.lastIndexOf('\n') + 1;
  const lastLine = trimmed.slice(lastLineStart);
  for (const pattern of [APOSTROPHE_SIGNATURE, DASH_SIGNATURE, NAME_LINE]) {
    const match = pattern.exec(lastLine.trim());
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

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const LONGEST_NAME_WORDS = 3;

/**
 * Mentions of known names (keys from nameKey) in the text, at most one per position, longest name first.
 * A name written with a leading apostrophe ("'Getafix" mid-text) is the writer's own signature style, not a mention.
 */
export function findNameMentions(text: string, isKnown: (key: string) => boolean): NameMention[] {
  const words = [...text.matchAll(WORD)];
  const mentions: NameMention[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const first = words[i]!;
    if (/['‘’]$/.test(text.slice(Math.max(0, first.index - 1), first.index))) continue;
    for (let length = Math.min(LONGEST_NAME_WORDS, words.length - i); length >= 1; length -= 1) {
      const last = words[i + length - 1]!;
      const evidence = text.slice(first.index, last.index + last[0].length);
      if (/\n/.test(evidence)) continue;
      const key = nameKey(evidence);
      if (!isKnown(key)) continue;
      mentions.push({ key, evidence, index: first.index });
      i += length - 1;
      break;
    }
  }
  return mentions;
}
