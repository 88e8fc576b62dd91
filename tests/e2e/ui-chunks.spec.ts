/**
 * The UI chunks load when first needed: reading a post injects neither the reading-list sidebar nor the keyboard
 * help, and the glossary after the threads show. When a chunk cannot be loaded, the control that asked says so, one
 * warning per chunk is logged, and the threads keep working.
 */
import { CHUNKS } from '../../src/shared/chunks';
import { withBuildMissing } from './support/broken-build';
import { fixtureByName } from './support/fixture-catalog';
import { ROOT, waitForReady } from './support/thread-view';
import { expect, test } from './fixtures';

const POST = fixtureByName('threaded-v2-001');

test('reading a post injects the glossary after the threads show, and neither the sidebar nor the help until asked', async ({ page, chunkInjected, consoleMessages }) => {
  await page.goto(POST.url);
  await waitForReady(page);
  await expect(page.locator(`${ROOT} [data-thread-comment]`).first()).toBeVisible();
  await page.locator(`${ROOT} [data-thread-comment] .comment-body`).first().scrollIntoViewIfNeeded();
  await expect(page.locator(`${ROOT} [data-term]`).first()).toBeAttached();
  expect(await chunkInjected('glossary', page.url())).toBe(true);
  expect(await chunkInjected('reading-list', page.url())).toBe(false);
  expect(await chunkInjected('help', page.url())).toBe(false);
  // The closed sidebar frame the toolbar button controls is there before its chunk.
  await expect(page.locator('[data-thread-action="sidebar"]')).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('#tl-sidebar[data-thread-sidebar="closed"]')).toBeAttached();

  await page.locator('[data-thread-action="sidebar"]').click();
  await expect(page.locator('[data-thread-sidebar="open"]')).toBeVisible();
  await expect(page.locator('[data-reading-list]')).toBeAttached();
  expect(await chunkInjected('reading-list', page.url())).toBe(true);
  expect(await chunkInjected('help', page.url())).toBe(false);
  await page.locator('[data-thread-action="close-sidebar"]').click();

  await page.keyboard.press('j');
  await page.keyboard.press('Shift+?');
  await expect(page.locator('[role="dialog"][data-thread-help]')).toBeVisible();
  expect(await chunkInjected('help', page.url())).toBe(true);
  expect(consoleMessages.filter((message) => /Threadline/.test(message.text))).toEqual([]);
});

test('when the UI chunks cannot be loaded: each control says so, one warning each, and the threads keep working', async ({ browserName }) => {
  test.setTimeout(90_000);
  const files = [CHUNKS['reading-list'].file, CHUNKS.help.file, CHUNKS.glossary.file];
  await withBuildMissing(browserName, files, async (browser) => {
    const page = await browser.context.newPage();
    await page.goto(POST.url);
    await waitForReady(page);

    // The glossary, loaded at idle after the threads show: its button says it could not.
    const glossaryFailed = page.locator('[data-thread-chunk-failed="glossary"]');
    await expect(glossaryFailed).toBeVisible({ timeout: 15_000 });
    await expect(glossaryFailed).toHaveAttribute('role', 'alert');
    await expect(glossaryFailed).toContainText(/could not load the glossary/);

    // The reading list: the sidebar stays closed and the button's message says why.
    const sidebarButton = page.locator('[data-thread-action="sidebar"]');
    await sidebarButton.click();
    const listFailed = page.locator('[data-thread-chunk-failed="reading-list"]');
    await expect(listFailed).toBeVisible();
    await expect(listFailed).toContainText(/could not load the reading list/);
    await expect(sidebarButton).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('[data-thread-sidebar="open"]')).toHaveCount(0);

    // The keyboard help: a message instead of the dialog.
    await page.keyboard.press('j');
    await page.keyboard.press('Shift+?');
    await expect(page.locator('[data-thread-chunk-failed="help"]')).toBeVisible();
    await expect(page.locator('[role="dialog"][data-thread-help]')).toHaveCount(0);

    // The threads still work: collapse all, then expand all, by the toolbar.
    const toggles = page.locator(`${ROOT} button[data-thread-action="toggle"]`);
    await page.locator('[data-thread-action="collapse-all"]').click();
    await expect(toggles.first()).toHaveAttribute('aria-expanded', 'false');
    await page.locator('[data-thread-action="expand-all"]').click();
    await expect(toggles.first()).toHaveAttribute('aria-expanded', 'true');

    await expect.poll(() => browser.warnings.length).toBe(3);
    expect([...browser.warnings].sort()).toEqual([
      expect.stringMatching(/^Threadline: could not load the glossary \(.*\); the threads keep working\./),
      expect.stringMatching(/^Threadline: could not load the keyboard help \(.*\); the threads keep working\./),
      expect.stringMatching(/^Threadline: could not load the reading list \(.*\); the threads keep working\./),
    ]);
  });
});
