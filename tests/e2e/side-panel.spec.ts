/**
 * The browser's own side panel page (sidebar.html) on the design tokens: axe finds no violations in light and dark
 * (contrast included) with saved items in the list, the reader's Dark setting darkens it live and System gives it back,
 * and (with E2E_SCREENSHOT=1, Chromium) screenshots for the README.
 */
import type { Page } from '@playwright/test';
import { mainThreadedFixture, fixtureRecords } from './support/fixture-catalog';
import { axeViolations, screenshotFile, test } from './options-support';
import { expect } from './fixtures';

const records = fixtureRecords(mainThreadedFixture().name);
const post = records.post!;

/** Two saved comments of the main fixture, one read, one with a note and tags: the list's parts all show. */
function savedItems(): Record<string, unknown> {
  const items: Record<string, unknown> = {};
  records.comments.slice(0, 2).forEach((comment, index) => {
    items[`saved:${post.postId}:${comment.id}`] = {
      v: 1,
      kind: 'comment',
      postKey: post.postId,
      postUrl: post.url,
      postTitle: post.title,
      commentId: comment.id,
      publishedMs: comment.publishedMs,
      author: comment.author,
      displayTime: comment.displayTime,
      excerptHtml: `<p>${comment.text.slice(0, 160).replace(/[<&]/g, '')}</p>`,
      replyCount: 0,
      note: index === 0 ? 'Worth answering' : '',
      tags: index === 0 ? ['court', 'psr'] : [],
      savedAt: 1_700_000_000_000 + index,
      updatedAt: 1_700_000_000_000 + index,
      read: index === 1,
    };
  });
  return items;
}

const background = (panel: Page) => panel.evaluate(() => getComputedStyle(document.body).backgroundColor);

test.beforeEach(async ({ writeExtensionStorage }) => {
  await writeExtensionStorage('local', savedItems());
});

async function openPanel(openExtensionPage: (path: string) => Promise<Page>): Promise<Page> {
  const panel = await openExtensionPage('sidebar.html');
  await expect(panel.locator('[data-reading-list] [data-saved-comment]')).toHaveCount(2);
  return panel;
}

test('the side panel has no axe violations, in the light and dark system schemes', async ({ openExtensionPage, browserName }) => {
  const panel = await openPanel(openExtensionPage);
  for (const colorScheme of ['light', 'dark'] as const) {
    await panel.emulateMedia({ colorScheme });
    expect(await axeViolations(panel), colorScheme).toEqual([]);
  }
  // Playwright's Firefox (BiDi) does not emulate the scheme on extension pages: there the next test's setting covers dark.
  if (await panel.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches))
    expect(await background(panel), 'the dark scheme comes from the tokens').toBe('rgb(22, 25, 29)');
  else test.info().annotations.push({ type: 'skipped part', description: `${browserName} does not emulate prefers-color-scheme here` });
});

test('the Dark colour setting darkens the side panel live, with no axe violations, and System gives it back', async ({
  openExtensionPage,
  writeExtensionStorage,
}) => {
  const panel = await openPanel(openExtensionPage);
  await panel.emulateMedia({ colorScheme: 'light' });
  expect(await background(panel)).toBe('rgb(255, 255, 255)');
  await writeExtensionStorage('sync', { settings: { colorScheme: 'dark' } });
  await expect(panel.locator('html')).toHaveAttribute('data-tl-scheme', 'dark');
  await expect.poll(() => background(panel)).toBe('rgb(22, 25, 29)');
  expect(await axeViolations(panel)).toEqual([]);
  await writeExtensionStorage('sync', { settings: { colorScheme: 'system' } });
  await expect(panel.locator('html')).not.toHaveAttribute('data-tl-scheme', /./);
  await expect.poll(() => background(panel)).toBe('rgb(255, 255, 255)');
});

test('screenshots of the side panel for the README (light and dark)', async ({ openExtensionPage, browserName }) => {
  test.skip(browserName !== 'chromium' || !process.env.E2E_SCREENSHOT, 'set E2E_SCREENSHOT=1 to refresh the README images (Chromium)');
  const panel = await openPanel(openExtensionPage);
  await panel.setViewportSize({ width: 400, height: 700 });
  for (const colorScheme of ['light', 'dark'] as const) {
    await panel.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await panel.screenshot({ path: screenshotFile(`side-panel-${colorScheme}`) });
  }
});
