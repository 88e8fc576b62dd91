/** The one import of DOMPurify, for comment-feed HTML strings; only the on-demand feed chunk (feed.js) ships it. */
import DOMPurify from 'dompurify';
import type { SafeHtml } from './safe-html';
import { ALLOWED_ATTR, ALLOWED_TAGS, ATTR_OWNERS, FORM_ELEMENTS, LINK_REL, LINK_TARGET, SAFE_URL, toFixedPoint } from './sanitize-policy';

type Purifier = ReturnType<typeof DOMPurify>;

const BASE_CONFIG = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOWED_URI_REGEXP: SAFE_URL,
  // DOMPurify keeps data-* and aria-* by default: a comment could then forge Threadline's data-thread-* hooks.
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  KEEP_CONTENT: true,
  // Forms and their controls go whole, as in the page walker (a named control can shadow its form's properties).
  ADD_FORBID_CONTENTS: FORM_ELEMENTS,
  WHOLE_DOCUMENT: false,
  RETURN_TRUSTED_TYPE: false,
};

let purifier: Purifier | null = null;

/** A DOMPurify instance with Threadline's link hook, configured once (per-call configs are re-parsed every call). */
function createPurifier(config: Parameters<Purifier['setConfig']>[0]): Purifier {
  const instance = DOMPurify(window);
  instance.setConfig(config);
  // One policy per tag, as the page walker applies it: an allowed attribute stays only on the elements it is for.
  instance.addHook('uponSanitizeAttribute', (node, data) => {
    const owners = ATTR_OWNERS[data.attrName];
    if (owners && !owners.includes(node.nodeName.toLowerCase())) data.keepAttr = false;
  });
  instance.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A') return;
    const anchor = node as Element;
    const href = anchor.getAttribute('href')?.trim() ?? '';
    if (!SAFE_URL.test(href)) {
      anchor.removeAttribute('href');
      return;
    }
    anchor.setAttribute('rel', LINK_REL);
    anchor.setAttribute('target', LINK_TARGET);
  });
  return instance;
}

/** One configured DOMPurify instance per window (lazily created so tests can swap globals first). */
function getPurifier(): Purifier {
  purifier ??= createPurifier(BASE_CONFIG);
  return purifier;
}

/** Sanitize untrusted HTML with Threadline's strict allow-list (text, links, b i em strong br p blockquote). */
export function purifyHtml(untrusted: string): SafeHtml {
  const once = (html: string) => getPurifier().sanitize(html) as unknown as SafeHtml;
  return toFixedPoint(once(untrusted), once);
}

/**
 * purifyHtml for each item, each parsed on its own: joining bodies into one parse let one body's unclosed
 * <textarea>, <xmp>, <select> or table swallow the next body's markup, and a later body forge another's slot.
 */
export function purifyHtmlEach(untrusted: readonly string[]): SafeHtml[] {
  return untrusted.map(purifyOrShowAsText);
}

/**
 * One body that cannot be sanitized (thousands of nested elements overflow DOMPurify's recursion) never costs the
 * others: it is shown as its own text, every character escaped, with no markup at all.
 */
function purifyOrShowAsText(untrusted: string): SafeHtml {
  try {
    return purifyHtml(untrusted);
  } catch {
    return untrusted.replace(/[&<>"\u00A0]/g, (char) => ESCAPES[char]!) as SafeHtml;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\u00A0': '&nbsp;' };
