/** Toolbar popup (opened as a page with ?tab=<id>, since no driver can click the toolbar): state, quick switches, axe. */
import type { Page } from '@playwright/test';
import { fixtureByName } from '../fixtures/serve';
import { expect } from './fixtures';
import { axeViolations, screenshotFile, settingsIn, tabIdOf, test } from './options-support';

const POST = fixtureByName('threaded-v2-004');

async function openBlog(page: Page) {
  await page.goto(POST.url);
  await expect(page.locator('[data-thread-root][data-state="ready"]')).toBeAttached();
}

test('on a blog post the popup shows the page state and switches its view', async ({ page, openExtensionPage }) => {
  await openBlog(page);
  const probe = await openExtensionPage('popup.html');
  const tabId = await tabIdOf(probe, POST.url);
  const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
  await expect(popup.locator('.state')).toHaveText(new RegExp(`^${POST.commentCount} comments, \\d+ new, 0 saved$`));

  await popup.getByRole('button', { name: 'As posted' }).click();
  await expect(page.locator('[data-thread-view="posted"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(popup.getByRole('button', { name: 'As posted' })).toHaveAttribute('aria-pressed', 'true');
  await popup.getByRole('button', { name: 'Threaded' }).click();
  await expect(page.locator('[data-thread-view="threaded"]')).toHaveAttribute('aria-pressed', 'true');
});

test('saving a comment on the page shows in the popup count', async ({ page, openExtensionPage }) => {
  await openBlog(page);
  await page.locator('[data-thread-action="save"]').first().click();
  const probe = await openExtensionPage('popup.html');
  const popup = await openExtensionPage(`popup.html?tab=${await tabIdOf(probe, POST.url)}`);
  await expect(popup.locator('.state')).toHaveText(/, 1 saved$/);
});

test('the tooltip and glossary switches are saved as settings', async ({ page, openExtensionPage, readExtensionStorage }) => {
  await openBlog(page);
  const probe = await openExtensionPage('popup.html');
  const popup = await openExtensionPage(`popup.html?tab=${await tabIdOf(probe, POST.url)}`);
  await popup.getByLabel('Acronym tooltips').uncheck();
  await expect.poll(async () => (await settingsIn(readExtensionStorage)).tooltips?.enabled).toBe(false);
  await popup.getByLabel('Probation glossary on this site').uncheck();
  await expect.poll(async () => (await settingsIn(readExtensionStorage)).sites?.['probationmatters.blogspot.com']?.glossary).toBe(false);
  await expect(popup.getByRole('button', { name: /^Disable on/ })).toHaveCount(0);
});

test('away from a blog the popup says where it works, and has no axe violations there or on a blog', async ({ page, openExtensionPage }) => {
  const elsewhere = await openExtensionPage('popup.html');
  await expect(elsewhere.getByText('Threadline works on Blogger blogs.', { exact: false })).toBeVisible();
  expect(await axeViolations(elsewhere)).toEqual([]);

  await openBlog(page);
  const popup = await openExtensionPage(`popup.html?tab=${await tabIdOf(elsewhere, POST.url)}`);
  await expect(popup.locator('.state')).toHaveText(/comments/);
  for (const colorScheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme });
    expect(await axeViolations(popup), colorScheme).toEqual([]);
  }
});

test('screenshots of the popup on a blog post for the README (light and dark)', async ({ page, openExtensionPage, browserName }) => {
  test.skip(browserName !== 'chromium' || !process.env.E2E_SCREENSHOT, 'set E2E_SCREENSHOT=1 to refresh the README images (Chromium)');
  await openBlog(page);
  const probe = await openExtensionPage('popup.html');
  const popup = await openExtensionPage(`popup.html?tab=${await tabIdOf(probe, POST.url)}`);
  await popup.setViewportSize({ width: 330, height: 600 });
  await expect(popup.locator('.state')).toHaveText(/comments/);
  for (const colorScheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await popup.locator('main').screenshot({ path: screenshotFile(`popup-${colorScheme}`) });
  }
});
