/** Marks search matches inside a rendered comment body with <mark> elements, and takes them out again (no innerHTML). */
import { findTermRanges } from '../../threads/filter-text';

/** Attribute on the <mark> elements Threadline adds, so only those are ever removed. */
export const MATCH_ATTRIBUTE = 'data-thread-match';

const SKIPPED_PARENTS = new Set(['SCRIPT', 'STYLE', 'MARK', 'TEXTAREA']);

/** Wrap every occurrence of the folded terms in `body`'s text with <mark data-thread-match>; returns how many were marked. */
export function highlightTerms(body: HTMLElement, terms: readonly string[]): number {
  if (terms.length === 0) return 0;
  const doc = body.ownerDocument;
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  const textNodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && !SKIPPED_PARENTS.has(parent.tagName) && (node as Text).data.trim() !== '') textNodes.push(node as Text);
  }
  let marked = 0;
  for (const node of textNodes) {
    const ranges = findTermRanges(node.data, terms);
    if (ranges.length === 0) continue;
    const fragment = doc.createDocumentFragment();
    let at = 0;
    for (const [start, end] of ranges) {
      if (start > at) fragment.append(doc.createTextNode(node.data.slice(at, start)));
      const mark = doc.createElement('mark');
      mark.setAttribute(MATCH_ATTRIBUTE, '');
      mark.textContent = node.data.slice(start, end);
      fragment.append(mark);
      at = end;
      marked += 1;
    }
    if (at < node.data.length) fragment.append(doc.createTextNode(node.data.slice(at)));
    node.replaceWith(fragment);
  }
  return marked;
}

/** Remove the marks `highlightTerms` added, restoring the text nodes as they were. */
export function clearHighlights(body: HTMLElement): void {
  const marks = body.querySelectorAll(`mark[${MATCH_ATTRIBUTE}]`);
  const parents = new Set<Node>();
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    mark.replaceWith(...mark.childNodes);
    parents.add(parent);
  }
  for (const parent of parents) parent.normalize();
}
