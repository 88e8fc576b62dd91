/** Reads Threadline's restructured comment section through the public DOM contract (data-thread-* hooks). */
import { expect, type Locator, type Page } from '@playwright/test';

export const ROOT = '[data-thread-root]';
export const READY_ROOT = '[data-thread-root][data-state="ready"]';

/** One rendered comment as a reader sees it. */
export interface ViewComment {
  id: string;
  parent: string;
  source: string;
  /** The comment's own text (header, body, actions), without its nested replies. */
  ownText: string;
}

export async function waitForReady(page: Page, timeout = 15_000): Promise<void> {
  await expect(page.locator(READY_ROOT)).toBeAttached({ timeout });
}

/** Every `[data-thread-comment]` element in document order, read in one pass inside the shadow root. */
export async function readThreadView(page: Page): Promise<ViewComment[]> {
  return page.evaluate((rootSelector) => {
    const host = document.querySelector(rootSelector);
    const scope: ParentNode | null = host?.shadowRoot ?? host;
    if (!scope) return [];
    return [...scope.querySelectorAll('[data-thread-comment]')].map((element) => {
      const copy = element.cloneNode(true) as Element;
      copy.querySelectorAll('[data-thread-comment]').forEach((nested) => nested.remove());
      return {
        id: element.getAttribute('data-thread-comment') ?? '',
        parent: element.getAttribute('data-thread-parent') ?? '',
        source: element.getAttribute('data-thread-source') ?? '',
        ownText: (copy.textContent ?? '').replace(/\s+/g, ' ').trim(),
      };
    });
  }, ROOT);
}

/** The element of one comment. */
export function commentLocator(page: Page, id: string): Locator {
  return page.locator(`[data-thread-comment="${id}"]`);
}

/** The toggle that belongs to comment `id` itself (not to one of its replies). */
export function ownToggle(page: Page, id: string): Locator {
  return page.locator(`[data-thread-comment="${id}"] button[data-thread-action="toggle"]`).first();
}

/** The reply button of comment `id` itself. */
export function ownReplyButton(page: Page, id: string): Locator {
  return page.locator(`[data-thread-comment="${id}"] [data-thread-action="reply"]`).first();
}

/** Ids that appear more than once in `ids`. */
export function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
}
