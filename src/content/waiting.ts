/**
 * The blog's comment list waits, unlaid-out, while Threadline reads it: early.js marks the page at document start,
 * early.css hides the list while the mark is there, and the content script takes the mark away once it has mounted its
 * view (which hides the list itself) or left the page alone. No mark, nothing hidden: the page is never left without
 * its comments.
 */

/** On `<html>` while the comment list waits: "pending" from document start, "claimed" once the content script runs. */
export const WAITING_ATTRIBUTE = 'data-threadline-waiting';

/** After the page's load event, how long an unclaimed mark stays (the content script is injected by load at the latest). */
export const UNCLAIMED_RELEASE_MS = 1_000;

/** Mark the page at document start (early.js); gives the list back by itself if no content script claims the page. */
export function markWaiting(doc: Document): void {
  const root = doc.documentElement;
  if (!root || root.hasAttribute(WAITING_ATTRIBUTE)) return;
  root.setAttribute(WAITING_ATTRIBUTE, 'pending');
  const view = doc.defaultView;
  const releaseUnclaimed = () =>
    view?.setTimeout(() => {
      if (root.getAttribute(WAITING_ATTRIBUTE) === 'pending') root.removeAttribute(WAITING_ATTRIBUTE);
    }, UNCLAIMED_RELEASE_MS);
  if (doc.readyState === 'complete') releaseUnclaimed();
  else view?.addEventListener('load', releaseUnclaimed, { once: true });
}

/** The content script has started: the mark stays until it releases it. */
export function claimWaiting(doc: Document): void {
  if (doc.documentElement?.hasAttribute(WAITING_ATTRIBUTE)) doc.documentElement.setAttribute(WAITING_ATTRIBUTE, 'claimed');
}

/** Start-up is over, whatever its outcome: the list shows unless Threadline's view has hidden it. */
export function releaseWaiting(doc: Document): void {
  doc.documentElement?.removeAttribute(WAITING_ATTRIBUTE);
}
