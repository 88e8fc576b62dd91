/** The one import of DOMPurify: turns untrusted comment HTML into SafeHtml and SafeHtml into inert DOM. */
import DOMPurify from 'dompurify';
import type { SafeHtml } from '../blogger/types';

const ALLOWED_TAGS = ['a', 'b', 'i', 'em', 'strong', 'br', 'p', 'blockquote'];
const ALLOWED_ATTR = ['href'];
const SAFE_URL = /^(?:https?:|mailto:)/i;

let purifier: ReturnType<typeof DOMPurify> | null = null;

/** One configured DOMPurify instance per window (lazily created so tests can swap globals first). */
function getPurifier(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  const instance = DOMPurify(window);
  instance.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A') return;
    const anchor = node as Element;
    const href = anchor.getAttribute('href')?.trim() ?? '';
    if (!SAFE_URL.test(href)) {
      anchor.removeAttribute('href');
      return;
    }
    anchor.setAttribute('rel', 'noopener nofollow ugc');
    anchor.setAttribute('target', '_blank');
  });
  purifier = instance;
  return instance;
}

/** Sanitize untrusted HTML with Threadline's strict allow-list (text, links, b i em strong br p blockquote). */
export function sanitizeHtml(untrusted: string): SafeHtml {
  return getPurifier().sanitize(untrusted, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP: SAFE_URL,
    KEEP_CONTENT: true,
    WHOLE_DOCUMENT: false,
    RETURN_TRUSTED_TYPE: false,
  }) as unknown as SafeHtml;
}

/**
 * Plain text of some SafeHtml, for search, previews and scanning: <br> and paragraph/quote boundaries become one
 * newline (never glue two lines into one word), other whitespace runs become one space.
 */
export function safeHtmlToText(safe: SafeHtml): string {
  const fragment = safeFragment(safe);
  const doc = fragment.ownerDocument;
  for (const br of fragment.querySelectorAll('br')) br.replaceWith(doc.createTextNode('\n'));
  for (const block of fragment.querySelectorAll('p, blockquote')) {
    block.before(doc.createTextNode('\n'));
    block.after(doc.createTextNode('\n'));
  }
  return (fragment.textContent ?? '')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}

/**
 * Parse already-sanitized HTML into an inert fragment (a <template> neither runs scripts nor loads resources).
 * Only accepts SafeHtml, which only sanitizeHtml produces.
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
