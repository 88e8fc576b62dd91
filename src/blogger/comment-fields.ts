/** Small field readers shared by every layout: ids, permalinks, author links, removal sentences, element text. */

const COMMENT_ELEMENT_ID = /^c(\d{5,})$/;
const SHOW_COMMENT_MS = /[?&]showComment=(\d+)/;
const REMOVED_SENTENCE = /^This comment has been removed by (?:the author|a blog administrator)\.?$/i;
const SAID_SUFFIX = /\s*said\.{0,3}\s*$/i;

/** The Blogger comment id ("digits", kept as a string) from an element id like "c8195449246400116162", else null. */
export function commentIdFromElementId(elementId: string): string | null {
  return COMMENT_ELEMENT_ID.exec(elementId.trim())?.[1] ?? null;
}

/** Epoch milliseconds from a `?showComment=<ms>` permalink, NaN when the link carries none. */
export function msFromPermalink(href: string | null | undefined): number {
  const match = href ? SHOW_COMMENT_MS.exec(href) : null;
  return match?.[1] ? Number(match[1]) : Number.NaN;
}

/** An absolute http(s) URL for an author link, or null for anything else (javascript:, data:, empty...). */
export function httpUrlOrNull(href: string | null | undefined, base: string): string | null {
  if (!href || !href.trim()) return null;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** An absolute http(s) URL, or null for relative, empty or other-scheme values. */
export function absoluteHttpUrlOrNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return /^https?:\/\//i.test(trimmed) ? httpUrlOrNull(trimmed, trimmed) : null;
}

/** Text with whitespace runs collapsed to single spaces and trimmed. */
export function squish(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Text as the blog shows it: only the markup's own ASCII whitespace runs (line breaks, indentation) collapse to one
 * space; U+202F before AM/PM, U+00A0 and every other character stay as written (normalise only where matching).
 */
export function verbatimText(text: string | null | undefined): string {
  return (text ?? '').replace(/[ \t\n\r\f]+/g, ' ').replace(/^ | $/g, '');
}

/**
 * True when a body's text is one of Blogger's English "This comment has been removed by ..." sentences. A fallback
 * only: other languages translate the sentence ("Tento komentár bol odstránený autorom."), so the markup
 * (`.deleted-comment`, `.comment-body.deleted`) and the feed's `blogger.contentRemoved` are read first.
 */
export function isRemovedSentence(text: string): boolean {
  // Most bodies are long and say nothing of the kind: a scan for the words first, no copy of the text.
  return /removed by/i.test(text) && REMOVED_SENTENCE.test(squish(text));
}

/** A flat-layout author line ("Name said...") without its "said..." suffix. */
export function stripSaid(text: string): string {
  return squish(text).replace(SAID_SUFFIX, '').trim();
}

/** Whether an element carries a class (reads the attribute: much cheaper than classList in jsdom, same answer). */
export function hasClass(element: Element, className: string): boolean {
  const classes = element.getAttribute('class');
  if (!classes) return false;
  if (classes === className) return true;
  const at = classes.indexOf(className);
  if (at < 0) return false;
  return classes.split(/[\t\n\f\r ]+/).includes(className);
}

/** The first element child of `parent` carrying `className` (direct children only: no document-wide search). */
export function childWithClass(parent: Element, className: string): Element | null {
  for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
    if (hasClass(child, className)) return child;
  }
  return null;
}

/** The first element child of `parent` with the given tag name (lower case). */
export function childWithTag(parent: Element, tagName: string): Element | null {
  const upper = tagName.toUpperCase();
  for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
    if (child.tagName === upper) return child;
  }
  return null;
}

/** Plain text of an element with line breaks for <br> and block boundaries, spaces collapsed within lines. */
export function blockText(root: Element): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        parts.push(child.nodeValue ?? '');
      } else if (child.nodeType === 1) {
        const tag = (child as Element).tagName;
        if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') continue;
        if (tag === 'BR') {
          parts.push('\n');
          continue;
        }
        const block = BLOCK_TAGS.has(tag);
        if (block) parts.push('\n');
        walk(child);
        if (block) parts.push('\n');
      }
    }
  };
  walk(root);
  return parts
    .join('')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n[\s]*/g, (run) => (run.split('\n').length > 2 ? '\n\n' : '\n'))
    .trim();
}

const BLOCK_TAGS = new Set(['P', 'DIV', 'BLOCKQUOTE', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'TR', 'SECTION', 'ARTICLE']);
