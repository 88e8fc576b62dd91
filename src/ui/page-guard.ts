/** Hides and restores the blog's own comment rendering without ever removing it from the page. */

const MARK = 'data-threadline-hidden';

/** Hide the blog's comment container while Threadline shows its view (the element stays in the document). */
export function hideOriginal(container: HTMLElement): void {
  if (container.hasAttribute(MARK)) return;
  container.setAttribute(MARK, container.style.getPropertyValue('display'));
  container.style.setProperty('display', 'none', 'important');
}

/** Show the blog's comment container exactly as it was. */
export function restoreOriginal(container: HTMLElement): void {
  if (!container.hasAttribute(MARK)) return;
  const previous = container.getAttribute(MARK) ?? '';
  container.removeAttribute(MARK);
  if (previous) container.style.setProperty('display', previous);
  else container.style.removeProperty('display');
  if (container.getAttribute('style') === '') container.removeAttribute('style');
}
