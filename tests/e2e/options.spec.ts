/** Options page: accessible, every control saved to storage.sync, and an open blog page follows without a reload. */
import type { Page } from '@playwright/test';
import { fixtureByName } from '../fixtures/serve';
import { expect } from './fixtures';
import { axeViolations, screenshotFile, settingsIn, test } from './options-support';

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

test('the search box keeps only the matching settings, says how many, and works from the keyboard', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  const search = options.getByRole('searchbox', { name: 'Search options' });
  const status = options.locator('[data-status="search"]');
  await search.focus();
  await options.keyboard.type('muted');
  await expect(status).toHaveText(/^\d+ results?$/);
  await expect(options.locator('#muted')).toBeVisible();
  await expect(options.locator('#keys')).toBeHidden();
  await expect(options.locator('#view')).toBeHidden();
  const shownSettings = await options.locator('main :is(.choice, .field, tbody tr, li[data-site], .tl-glossary-editor__form label):visible').count();
  expect(await status.textContent()).toBe(shownSettings === 1 ? '1 result' : `${shownSettings} results`);

  await search.fill('hover delay');
  await expect(status).toHaveText('1 result');
  await expect(options.getByLabel(/Hover delay/)).toBeVisible();
  await expect(options.getByLabel('Explain acronyms in comments')).toBeHidden();
  await search.press('Enter');
  await expect(options.getByLabel(/Hover delay/)).toBeFocused();

  await search.fill('qqqzzz');
  await expect(status).toHaveText('No setting matches “qqqzzz”.');
  await expect(options.locator('main .section:visible')).toHaveCount(0);
  await search.press('Escape');
  await expect(search).toHaveValue('');
  await expect(status).toHaveText('');
  await expect(options.locator('main [hidden]')).toHaveCount(0);
});

test('"Add a term" lays its labels above their fields on a grid, term and meaning side by side', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html#glossary');
  await options.setViewportSize({ width: 1000, height: 900 });
  const form = options.locator('.tl-glossary-editor__form');
  await expect(form.getByRole('heading', { name: 'Add a term' })).toBeVisible();
  const box = async (locator: ReturnType<typeof form.locator>) => (await locator.boundingBox())!;
  const termLabel = await box(form.locator('label:has(input[name="term"]) > span'));
  const term = await box(form.locator('input[name="term"]'));
  const expansion = await box(form.locator('input[name="expansion"]'));
  const definition = await box(form.locator('textarea[name="definition"]'));
  expect(termLabel.y + termLabel.height, 'label above its field').toBeLessThanOrEqual(term.y + 1);
  expect(Math.abs(term.y - expansion.y), 'term and "Stands for" on one row').toBeLessThan(2);
  expect(expansion.x).toBeGreaterThan(term.x + term.width);
  expect(definition.y, 'definition on its own row below').toBeGreaterThan(term.y + term.height);
  expect(definition.width).toBeGreaterThan(term.width + expansion.width);
});

test('screenshots of the options page for the README (light and dark)', async ({ openExtensionPage, browserName }) => {
  test.skip(browserName !== 'chromium' || !process.env.E2E_SCREENSHOT, 'set E2E_SCREENSHOT=1 to refresh the README images (Chromium)');
  const options = await openExtensionPage('options.html');
  await options.setViewportSize({ width: 900, height: 1000 });
  await expect(options.locator('#view')).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await options.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await options.screenshot({ path: screenshotFile(`options-${colorScheme}`) });
  }
  await options.emulateMedia({ colorScheme: 'light' });
  await options.locator('#glossary').scrollIntoViewIfNeeded();
  await options.locator('#glossary').screenshot({ path: screenshotFile('options-glossary') });
  // On a phone-width window, searching: the glossary form falls to one column.
  await options.setViewportSize({ width: 390, height: 844 });
  await options.getByRole('searchbox', { name: 'Search options' }).fill('term');
  await expect(options.locator('[data-status="search"]')).toHaveText(/result/);
  await options.evaluate(() => scrollTo(0, 0));
  await options.screenshot({ path: screenshotFile('options-390-search') });
});

test('the Dark colour setting darkens the options page itself, with no axe violations, and System gives it back', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await options.emulateMedia({ colorScheme: 'light' });
  const background = () => options.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await options.getByLabel('Dark', { exact: true }).check();
  await expect(options.locator('html')).toHaveAttribute('data-tl-scheme', 'dark');
  await expect.poll(background).not.toBe(light);
  expect(await axeViolations(options)).toEqual([]);
  await options.getByLabel(/As the system/).check();
  await expect(options.locator('html')).not.toHaveAttribute('data-tl-scheme', /./);
  await expect.poll(background).toBe(light);
});
