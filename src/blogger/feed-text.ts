/**
 * A comment feed page read as plain-text records without a DOM (the background is a service worker in Chrome: no
 * DOMParser, no sanitizer). The text is the same as safeHtmlToText gives for the sanitized body (line breaks at <br>,
 * paragraphs and quotes), and it is only ever used as text (reply inference), never inserted as HTML.
 */
import type { Comment } from './types';
import { commentFromEntry, isObject, text } from './feed-entry';

/** One feed comment with its plain text instead of its body. */
export type FeedTextRecord = Omit<Comment, 'html'> & { text: string };

/** One feed page: its records, the feed's announced total (null when it announces none) and how many entries it held. */
export interface FeedTextPage {
  records: FeedTextRecord[];
  total: number | null;
  entryCount: number;
}

/** Read an alt=json comment feed page; throws a TypeError for anything that is not a feed object. */
export function parseFeedTextPage(json: unknown): FeedTextPage {
  if (!isObject(json) || !isObject(json.feed)) throw new TypeError('comment feed JSON has no "feed" object');
  const feed = json.feed;
  const entries = Array.isArray(feed.entry) ? feed.entry : [];
  const records: FeedTextRecord[] = [];
  for (const entry of entries) {
    const comment = isObject(entry) ? commentFromEntry(entry) : null;
    if (!comment) continue;
    const { untrustedHtml, ...fields } = comment;
    records.push({ ...fields, text: htmlToPlainText(untrustedHtml) });
  }
  const totalText = text(feed['openSearch$totalResults']);
  return { records, total: /^\d+$/.test(totalText) ? Number(totalText) : null, entryCount: entries.length };
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  ndash: '–',
  mdash: '—',
  pound: '£',
  euro: '€',
};

/** Characters of the few entities comment bodies use, numeric ones included; unknown ones stay as written. */
function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * The plain text of an untrusted HTML string, by string rules only: the contents of script, style and template are
 * dropped, <br> and paragraph or quote boundaries become one newline, other tags vanish, entities are decoded and
 * whitespace runs become one space. The result is text: it must never be put back into a page as HTML.
 */
export function htmlToPlainText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(script|style|template|noscript)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<br\b[^>]*>/gi, '\n')
      .replace(/<\/?(p|blockquote|div|li)\b[^>]*>/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}
