/** Reaches a comment's actions wherever they live: in its action row, or behind its "More actions" menu. */
import { expect, type Locator, type Page } from '@playwright/test';
import { ROOT } from './thread-view';

/** The comment's own action row (not its replies'). */
function rowOf(page: Page, commentId: string): Locator {
  return page.locator(`${ROOT} [data-thread-comment="${commentId}"] > .comment-main > .comment-actions`).first();
}

/** The comment's "More actions" button. */
export function commentMenuButton(page: Page, commentId: string): Locator {
  return rowOf(page, commentId).locator(':scope > [data-thread-action="menu"]');
}

/** Answer the comment's `action`: from its row, else from its "More actions" menu, opened (if closed) to show it. */
export async function commentAction(page: Page, commentId: string, action: string): Promise<Locator> {
  const row = rowOf(page, commentId);
  const item = row.locator(`[data-thread-action="${action}"]`).first();
  if ((await item.count()) > 0) return item;
  const button = commentMenuButton(page, commentId);
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await expect(item).toBeVisible();
  return item;
}
