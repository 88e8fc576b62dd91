/** Options page: accessible, every control saved to storage.sync, and an open blog page follows without a reload. */
import type { Page } from '@playwright/test';
import { fixtureByName } from '../fixtures/serve';
import { expect } from './fixtures';
import { axeViolations, settingsIn, test } from './options-support';

const POST = fixtureByName('threaded-v2-004');

async function openBlog(page: Page) {
  await page.goto(POST.url);
  await expect(page.locator('[data-thread-root][data-state="ready"]')).toBeAttached();
}

test('the options page has no axe violations, in light and dark', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await expect(options.getByRole('heading', { name: 'Threadline options' })).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await options.emulateMedia({ colorScheme });
    expect(await axeViolations(options), colorScheme).toEqual([]);
  }
});

test('default view and collapse default change the open page at once', async ({ page, openExtensionPage, readExtensionStorage }) => {
  await openBlog(page);
  const options = await openExtensionPage('options.html');
  await options.getByLabel(/As posted/).check();
  await expect(page.locator('[data-thread-view="posted"]')).toHaveAttribute('aria-pressed', 'true');
  expect((await settingsIn(readExtensionStorage)).defaultView).toBe('posted');

  await options.getByLabel(/Threaded/).check();
  await expect(page.locator('[data-thread-view="threaded"]')).toHaveAttribute('aria-pressed', 'true');

  const toggles = page.locator('button[data-thread-action="toggle"]');
  await expect(toggles.first()).toHaveAttribute('aria-expanded', 'true');
  await options.getByLabel('Collapse replies by default').check();
  await expect(page.locator('button[data-thread-action="toggle"][aria-expanded="true"]')).toHaveCount(0);
  await options.getByLabel('Collapse replies by default').uncheck();
  await expect(page.locator('button[data-thread-action="toggle"][aria-expanded="false"]')).toHaveCount(0);
});

test('tooltips, muted words, keys, sidebar and reading options are saved as typed', async ({ openExtensionPage, readExtensionStorage }) => {
  const options = await openExtensionPage('options.html');
  await options.getByLabel('The first occurrence in each comment').check();
  await options.getByLabel(/Hover delay/).clear();
  await options.getByLabel(/Hover delay/).fill('650');
  await options.getByLabel(/Hover delay/).press('Tab');
  await options.getByLabel('Muted words (one per line)').fill('spoilers\nSpoilers\nlong phrase  here');
  await options.getByRole('button', { name: 'Save muted words' }).click();
  await options.getByLabel('Next comment').fill('ArrowDown');
  await options.getByRole('button', { name: 'Save keys' }).click();
  await options.getByLabel('Left').check();
  await options.getByLabel('Remember filters for each post').check();
  await expect
    .poll(async () => {
      const s = await settingsIn(readExtensionStorage);
      return [s.tooltips?.mode, s.tooltips?.hoverDelayMs, s.mutedWords, s.keyBindings?.nextComment, s.sidebar?.placement, s.rememberFilters];
    })
    .toEqual(['first', 650, ['spoilers', 'long phrase here'], 'ArrowDown', 'left', true]);
  await options.getByLabel('Explain acronyms in comments').uncheck();
  await expect.poll(async () => (await settingsIn(readExtensionStorage)).tooltips?.enabled).toBe(false);
});

test('a key binding that collides with another is refused with both actions named', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await options.getByLabel('Save comment').fill('j');
  await expect(options.getByText('Same as “Next comment”.')).toBeVisible();
  await expect(options.getByLabel('Save comment')).toHaveAttribute('aria-invalid', 'true');
  await expect(options.getByRole('button', { name: 'Save keys' })).toBeDisabled();
});

test('reset to defaults asks first, then restores the defaults everywhere', async ({ page, openExtensionPage, readExtensionStorage }) => {
  await openBlog(page);
  const options = await openExtensionPage('options.html');
  await options.getByLabel(/As posted/).check();
  await expect(page.locator('[data-thread-view="posted"]')).toHaveAttribute('aria-pressed', 'true');
  await options.getByRole('button', { name: 'Reset to defaults' }).click();
  await options.getByRole('button', { name: 'Yes, reset to defaults' }).click();
  await expect(options.getByLabel(/Threaded/)).toBeChecked();
  await expect(page.locator('[data-thread-view="threaded"]')).toHaveAttribute('aria-pressed', 'true');
  expect((await settingsIn(readExtensionStorage)).defaultView).toBe('threaded');
});

test('turning the probation glossary off is kept per site', async ({ openExtensionPage, readExtensionStorage }) => {
  const options = await openExtensionPage('options.html#sites');
  await options.getByLabel('Probation glossary on the On Probation blog').uncheck();
  await expect
    .poll(async () => (await settingsIn(readExtensionStorage)).sites?.['probationmatters.blogspot.com'])
    .toEqual({ enabled: true, glossary: false });
});

test('"#glossary?define=TOKEN" opens the glossary editor with the term filled in', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html#glossary?define=RRP');
  await expect(options.locator('#glossary input[name="term"]')).toHaveValue('RRP');
});
