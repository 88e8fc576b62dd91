/** Reaches the toolbar's tools wherever they live: in the row, behind the "More" menu, or in the filter area. */
import { expect, type Locator, type Page } from '@playwright/test';
import { ROOT } from './thread-view';

/** Actions that live in the toolbar's "More" menu. */
const MENU_ACTIONS = new Set(['collapse-all', 'expand-all', 'save-post', 'glossary', 'shortcuts', 'options', 'latest']);

/** Open the "More" menu (if closed) and answer its item for `action`; other actions are answered as they are. */
export async function toolbarAction(page: Page, action: string): Promise<Locator> {
  const item = page.locator(`${ROOT} [data-thread-action="${action}"]`);
  if (MENU_ACTIONS.has(action)) {
    const button = page.locator(`${ROOT} .toolbar [data-thread-action="menu"]`);
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    await expect(item).toBeVisible();
  }
  return item;
}

/** Open the filter area (if closed), so the filter controls can be used. */
export async function openFilterArea(page: Page): Promise<void> {
  const button = page.locator(`${ROOT} [data-thread-action="filter"]`);
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await expect(page.locator(`${ROOT} #tl-filter-area`)).toBeVisible();
}
