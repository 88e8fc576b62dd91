/** Telling reposts apart: a text's key (case and spacing evened out), worked out lazily, and a print of it made without it. */

/** A text and what is worked out about its key, kept with it (an inference run's analysis of one text). */
export interface KeyedText {
  text: string;
  /**
   * The whole text normalised (textKeyOf): equal keys are the same text (a double post, a repost), never each other's
   * reply. Worked out when first compared: only texts that quote lookups find are ever compared.
   */
  key?: string;
  /** keyPrintOf's hash of the key (NO_PRINT when the text has U+FEFF) and the key's length. */
  keyPrint?: number;
  keyLength?: number;
}

/** The text with case and spacing evened out: two comments with the same key are the same text posted twice. */
function textKeyOf(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * True when two texts have the same textKeyOf (a double post, a repost: never each other's reply). The texts compared
 * here have words (a quote or an opening long enough to look up, a text the lookup found), so their keys are never
 * empty; copies of one string share one analysis, so most comparisons need no key at all.
 */
export function isSameText(analysis: KeyedText, other: KeyedText | null): boolean {
  if (other === analysis) return true;
  return other !== null && sameKey(analysis, other) && keyOf(analysis) !== '';
}

/** True when the two comments' texts have equal keys ('' for a removed comment), made only when prints agree. */
export function sameKey(a: KeyedText | null, b: KeyedText | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return keyOrEmpty(a) === keyOrEmpty(b);
  const print = keyPrintOf(a);
  const otherPrint = keyPrintOf(b);
  if (print !== NO_PRINT && otherPrint !== NO_PRINT && (print !== otherPrint || a.keyLength !== b.keyLength)) return false;
  return keyOf(a) === keyOf(b);
}

/** The analysis's textKeyOf, worked out once, when first needed. */
function keyOf(analysis: KeyedText): string {
  return (analysis.key ??= textKeyOf(analysis.text));
}

/** The text key of a comment; '' for a removed comment. */
function keyOrEmpty(analysis: KeyedText | null): string {
  return analysis ? keyOf(analysis) : '';
}

/**
 * A hash of the text's key (textKeyOf) and the key's length, worked out in one pass without making the key (equal
 * keys, equal prints). Plain ASCII text is lower-cased character by character as it is read; other text is
 * lower-cased whole first (case can depend on the letters around), then its spacing evened out as it is read:
 * the same key, since no spacing changes case or is made by it. Text with U+FEFF, spacing that case mapping
 * skips over (a Greek final sigma can depend on it), gets NO_PRINT and is compared by key.
 */
function keyPrintOf(analysis: KeyedText): number {
  if (analysis.keyPrint !== undefined) return analysis.keyPrint;
  let text = analysis.text;
  if (NON_ASCII.test(text)) {
    if (text.includes('\ufeff')) return (analysis.keyPrint = NO_PRINT);
    text = text.toLowerCase();
  }
  let hash = 0x811c9dc5;
  let length = 0;
  let spaceDue = false;
  for (let i = 0; i < text.length; i += 1) {
    let code = text.charCodeAt(i);
    if (isSpaceCode(code)) {
      spaceDue = length > 0; // a run of spacing becomes one space, none at either end
      continue;
    }
    if (spaceDue) {
      hash = Math.imul(hash ^ 0x20, 0x01000193);
      length += 1;
      spaceDue = false;
    }
    if (code >= 0x41 && code <= 0x5a) code += 0x20;
    hash = Math.imul(hash ^ code, 0x01000193);
    length += 1;
  }
  analysis.keyLength = length;
  return (analysis.keyPrint = hash >>> 0);
}

const NON_ASCII = /[\u0080-\uffff]/;

/** What `\s` matches (and trim removes): ASCII spacing, line and paragraph separators, Unicode space separators. */
function isSpaceCode(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

const NO_PRINT = -1;
