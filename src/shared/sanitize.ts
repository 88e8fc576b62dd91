/** The content script's sanitizer: untrusted comment HTML (parsed or as a string) into SafeHtml, SafeHtml into inert DOM. */
import type { SafeHtml } from './safe-html';
import { ALLOWED_TAGS, FORM_ELEMENTS, LINK_REL, LINK_TARGET, SAFE_URL, toFixedPoint } from './sanitize-policy';

/**
 * Sanitize an untrusted HTML string (a stored or imported excerpt, a text excerpt) with Threadline's allow-list: the
 * string is parsed into an inert document (DOMParser runs no script and loads nothing) and written out by the same
 * walker as page bodies. The leading whitespace the parser drops is kept, as DOMPurify keeps it; tests hold the result
 * equal to DOMPurify's (src/shared/sanitize-purify.ts, which only the feed chunk ships).
 */
export function sanitizeHtml(untrusted: string): SafeHtml {
  return toFixedPoint(sanitizeOnce(untrusted), sanitizeOnce);
}

function sanitizeOnce(untrusted: string): SafeHtml {
  const leading = /^[\r\n\t ]+/.exec(untrusted)?.[0] ?? '';
  const parsed = new DOMParser().parseFromString(untrusted, 'text/html');
  const out: string[] = leading ? [escapeText(leading)] : [];
  if (parsed.body) writeChildren(parsed.body, out);
  return out.join('') as SafeHtml;
}

/** Elements whose whole content is dropped, as DOMPurify's default FORBID_CONTENTS does (kept in step with it). */
const DROPPED_WITH_CONTENT = new Set([
  ...FORM_ELEMENTS,
  'annotation-xml',
  'audio',
  'colgroup',
  'desc',
  'foreignobject',
  'head',
  'iframe',
  'math',
  'mi',
  'mn',
  'mo',
  'ms',
  'mtext',
  'noembed',
  'noframes',
  'noscript',
  'plaintext',
  'script',
  'selectedcontent',
  'style',
  'svg',
  'template',
  'thead',
  'title',
  'video',
  'xmp',
]);
const KEPT_TAGS = new Set(ALLOWED_TAGS);
const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
/** Characters DOMPurify ignores when judging a URL (it tests the URL with them removed). */
const URL_IGNORED = /[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g;

/**
 * sanitizeHtml(element.innerHTML) for an element the browser has already parsed (a comment body on the page), without
 * serializing and re-parsing it: walks the element's children and writes only escaped text and the allow-listed tags,
 * links with a checked href plus Threadline's rel/target. Anything else keeps only its text; script-like elements go
 * whole. The output cannot carry markup that was not written here. Tests hold it equal to DOMPurify (purifyHtml).
 */
export function sanitizeChildren(element: Element): SafeHtml {
  const out: string[] = [];
  writeChildren(element, out);
  return toFixedPoint(out.join('') as SafeHtml, sanitizeOnce);
}

/** Node and Element accessors read from the prototypes, once: a form's named controls can shadow its own properties. */
interface DomAccess {
  firstChild(node: Node): Node | null;
  nextSibling(node: Node): Node | null;
  nodeType(node: Node): number;
  nodeValue(node: Node): string | null;
  localName(element: Node): string;
  namespaceURI(element: Node): string | null;
  getAttribute(element: Node, name: string): string | null;
}

let access: DomAccess | null = null;

/**
 * The walker never asks a node for `firstChild`, `nextSibling` or `getAttribute` itself: `<input form="f"
 * name="nextSibling">` makes a form's own `nextSibling` that control (Chromium: an endless walk; another comment's
 * content shown as this one's). Captured on first use, from the realm the walker runs in.
 */
function domAccess(): DomAccess {
  if (access) return access;
  const getter = (proto: object, name: string) => Object.getOwnPropertyDescriptor(proto, name)!.get!;
  const firstChild = getter(Node.prototype, 'firstChild');
  const nextSibling = getter(Node.prototype, 'nextSibling');
  const nodeType = getter(Node.prototype, 'nodeType');
  const nodeValue = getter(Node.prototype, 'nodeValue');
  const localName = getter(Element.prototype, 'localName');
  const namespaceURI = getter(Element.prototype, 'namespaceURI');
  const getAttribute = Element.prototype.getAttribute;
  access = {
    firstChild: (node) => firstChild.call(node) as Node | null,
    nextSibling: (node) => nextSibling.call(node) as Node | null,
    nodeType: (node) => nodeType.call(node) as number,
    nodeValue: (node) => nodeValue.call(node) as string | null,
    localName: (element) => localName.call(element) as string,
    namespaceURI: (element) => namespaceURI.call(element) as string | null,
    getAttribute: (element, name) => getAttribute.call(element as Element, name),
  };
  return access;
}

/**
 * Write the sanitized children of `root` into `out`, iteratively (no recursion to exhaust on deep nesting): only
 * escaped text and the allow-listed tags; other elements keep only their text, script-like ones and forms go whole.
 */
function writeChildren(root: Node, out: string[]): void {
  const dom = domAccess();
  // One level per open element: the next child to visit there, and the tag that closes the level.
  const levels: Array<{ next: Node | null; close: string }> = [{ next: dom.firstChild(root), close: '' }];
  while (levels.length > 0) {
    const level = levels[levels.length - 1]!;
    const node = level.next;
    if (!node) {
      levels.pop();
      out.push(level.close);
      continue;
    }
    level.next = dom.nextSibling(node);
    const type = dom.nodeType(node);
    if (type === 3) {
      out.push(escapeText(dom.nodeValue(node) ?? ''));
      continue;
    }
    if (type !== 1) continue; // comments, processing instructions
    const name = dom.localName(node);
    if (DROPPED_WITH_CONTENT.has(name)) continue;
    if (dom.namespaceURI(node) !== HTML_NAMESPACE || !KEPT_TAGS.has(name)) {
      levels.push({ next: dom.firstChild(node), close: '' });
      continue;
    }
    if (name === 'br') {
      out.push('<br>');
      continue;
    }
    out.push(name === 'a' ? openLink(dom.getAttribute(node, 'href')) : `<${name}>`);
    levels.push({ next: dom.firstChild(node), close: `</${name}>` });
  }
}

function openLink(href: string | null): string {
  if (href === null || !SAFE_URL.test(href.replace(URL_IGNORED, '')) || !SAFE_URL.test(href.trim())) return '<a>';
  return `<a href="${escapeAttribute(href.trim())}" rel="${LINK_REL}" target="${LINK_TARGET}">`;
}

function escapeText(text: string): string {
  return text.replace(/[&<>\u00A0]/g, (char) => TEXT_ESCAPES[char]!);
}

function escapeAttribute(value: string): string {
  return value.replace(/[&"<>\u00A0]/g, (char) => TEXT_ESCAPES[char]!);
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\u00A0': '&nbsp;' };

/** A tag (attribute values are always double-quoted once serialized, and may hold ">") or a comment. */
const SERIALIZED_TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:[^>"]|"[^"]*")*>|<!--[\s\S]*?-->/g;
/** The only character references an HTML serializer writes (text and attribute escaping). */
const SERIALIZED_ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&nbsp;': '\u00A0' };
/** Elements whose boundaries are line breaks in the text. */
const LINE_BREAKING = new Set(['br', 'p', 'blockquote']);

/**
 * Plain text of some SafeHtml, for search, previews and scanning: <br> and paragraph/quote boundaries become one
 * newline (never glue two lines into one word), other whitespace runs become one space.
 *
 * Read from the string, not a parse: SafeHtml is always a serializer's output (ours or the browser's, through
 * DOMPurify), so its tags are well formed and it holds no character reference but the five a serializer writes.
 * Parsing 640 bodies into templates for their text took 20 ms of a 640-comment load. The result is the same as the
 * parsed fragment's (tests/unit/shared/sanitize.test.ts checks it against that on every fixture body).
 */
export function safeHtmlToText(safe: SafeHtml): string {
  return safe
    .replace(SERIALIZED_TAG, (_tag, _close: string | undefined, name: string | undefined) =>
      name && LINE_BREAKING.has(name.toLowerCase()) ? '\n' : '',
    )
    .replace(/&(?:amp|lt|gt|quot|nbsp);/g, (entity) => SERIALIZED_ENTITIES[entity]!)
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}

/**
 * Parse already-sanitized HTML into an inert fragment (a <template> neither runs scripts nor loads resources).
 * Only accepts SafeHtml, which only the sanitizers produce.
 */
export function safeFragment(safe: SafeHtml, doc: Document = document): DocumentFragment {
  const template = doc.createElement('template');
  template.innerHTML = safe;
  return template.content;
}

/** Replace an element's children with the nodes of some SafeHtml. */
export function replaceWithSafeHtml(target: Element, safe: SafeHtml): void {
  target.replaceChildren(safeFragment(safe, target.ownerDocument));
}
