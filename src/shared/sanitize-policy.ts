/** What a sanitized comment body may hold: the allow-list both sanitizers (the walker and DOMPurify) apply. */

/** The only elements a comment body keeps; everything else keeps only its text (or goes whole, if script-like). */
export const ALLOWED_TAGS = ['a', 'b', 'i', 'em', 'strong', 'br', 'p', 'blockquote'];
/** The only attribute a comment body keeps (on links, when SAFE_URL accepts it). */
export const ALLOWED_ATTR = ['href'];
/** The elements that may carry ALLOWED_ATTR: `href` on a link only (`<b href>` loses it). */
export const ATTR_OWNERS: Readonly<Record<string, readonly string[]>> = { href: ['a'] };
/**
 * Forms and form controls go whole, content and all: a named control can shadow its form's DOM properties
 * (`name="nextSibling"`), and nothing in a comment needs a form.
 */
export const FORM_ELEMENTS = ['form', 'input', 'textarea', 'select', 'option', 'optgroup', 'datalist', 'button', 'fieldset', 'output', 'keygen'];
/** Link targets a comment may point at: web and mail addresses. */
export const SAFE_URL = /^(?:https?:|mailto:)/i;
/** What every kept link gets, so a comment link can neither reach back into the page nor pass on credit. */
export const LINK_REL = 'noopener nofollow ugc';
export const LINK_TARGET = '_blank';

/**
 * True when sanitized HTML nests what the HTML parser will not keep nested (a link in a link, a paragraph or quote in
 * a paragraph: foreign content and tables can build such trees), so parsing it again gives another tree.
 */
export function mayChangeOnReparse(html: string): boolean {
  return /<a\b[^>]*>(?:(?!<\/a>)[\s\S])*<a\b|<p>(?:(?!<\/p>)[\s\S])*<(?:p|blockquote)>/.test(html);
}

/**
 * Sanitize until parsing the output again changes nothing (at most three passes; the parser un-nests at each), so a
 * stored or re-rendered body never drifts from what was first shown.
 */
export function toFixedPoint<T extends string>(first: T, again: (html: T) => T): T {
  let current = first;
  for (let pass = 0; pass < 3 && mayChangeOnReparse(current); pass++) {
    const next = again(current);
    if (next === current) break;
    current = next;
  }
  return current;
}
