/** Tells a shortcut from typing: keys pressed in form fields, editable text or the blog's comment-form iframe are left alone. */

const TEXT_ENTRY_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const ACTIVATING_TAGS = new Set(['A', 'BUTTON', 'SUMMARY', 'INPUT', 'SELECT', 'TEXTAREA', 'LABEL', 'OPTION']);

function elementsOnPath(event: Event): Element[] {
  const path = typeof event.composedPath === 'function' ? event.composedPath() : [];
  const elements = path.filter((node): node is Element => (node as Node).nodeType === 1);
  if (elements.length === 0 && event.target && (event.target as Node).nodeType === 1) elements.push(event.target as Element);
  return elements;
}

/** The element that really has focus, looking inside open shadow roots. */
export function deepActiveElement(doc: Document): Element | null {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** True when the key went to a text field, a select, editable content, or an iframe (the blog's comment form). */
export function isTypingContext(event: Event, doc: Document): boolean {
  for (const element of elementsOnPath(event)) {
    if (TEXT_ENTRY_TAGS.has(element.tagName)) return true;
    if ((element as HTMLElement).isContentEditable) return true;
    const editable = element.getAttribute('contenteditable');
    if (editable !== null && editable !== 'false') return true;
  }
  const active = deepActiveElement(doc);
  return (
    active !== null && (active.tagName === 'IFRAME' || TEXT_ENTRY_TAGS.has(active.tagName) || (active as HTMLElement).isContentEditable === true)
  );
}

/** True when Enter would activate the element the key went to (a link, a button...), so Enter is not ours to take. */
export function isActivatingTarget(event: Event): boolean {
  const first = elementsOnPath(event)[0];
  if (!first) return false;
  return ACTIVATING_TAGS.has(first.tagName) || first.getAttribute('role') === 'button' || first.getAttribute('role') === 'link';
}
