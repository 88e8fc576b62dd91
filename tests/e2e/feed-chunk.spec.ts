/**
 * The feed chunk (feed.js: comment-feed code and DOMPurify) is injected only into pages that need the feed: never on a
 * post whose page holds every comment, and on a 640-comment post it loads and completes the thread. When it cannot be
 * injected, the feed status says so with Retry and one warning, and the page's own comments stay.
 */
import type { Page } from '@playwright/test';
import { FEED_CHUNK_FILE } from '../../src/features/feed/chunk-api';
import { withBuildMissing } from './support/broken-build';
import { fixtureByName, fixtureRecords } from './support/fixture-catalog';
import { buildEveryComment, commentIdsInView, duplicates, readThreadView, waitForReady } from './support/thread-view';
import { expect, test } from './fixtures';

const FULL_PAGE = fixtureByName('threaded-v2-200');
const CUT_SHORT = fixtureByName('threaded-v2-640');

/** Every comment once, built or (in a far thread group of a big post) standing in until the reader nears it. */
async function expectEveryCommentOnce(page: Page, count: number): Promise<void> {
  await expect.poll(async () => (await commentIdsInView(page)).length, { timeout: 20_000 }).toBe(count);
  expect(duplicates((await commentIdsInView(page)).map((comment) => comment.id))).toEqual([]);
}

test('a post whose page holds all its comments (200) never injects the feed chunk', async ({ page, feedChunkInjected }) => {
  await page.goto(FULL_PAGE.url);
  await waitForReady(page);
  await expectEveryCommentOnce(page, FULL_PAGE.commentCount);
  await expect(page.locator('[data-thread-feed]')).toHaveCount(0);
  // Given time to ask for it, were it going to.
  await page.waitForTimeout(500);
  expect(await feedChunkInjected(page.url())).toBe(false);
});

test('a 640-comment post shown 200 at a time injects the feed chunk once and shows all 640', async ({ page, feedChunkInjected, consoleMessages }) => {
  expect(CUT_SHORT.onPage).toBe(200);
  await page.goto(CUT_SHORT.url);
  await waitForReady(page);
  await expect(page.locator('[data-thread-feed="done"]')).toBeAttached({ timeout: 20_000 });
  await expect(page.locator('[data-thread-feed="done"]')).toContainText(`All ${CUT_SHORT.commentCount} comments loaded`);
  await expectEveryCommentOnce(page, CUT_SHORT.commentCount);
  const expected = new Set(fixtureRecords(CUT_SHORT.name).comments.map((comment) => comment.id));
  expect(new Set((await commentIdsInView(page)).map((comment) => comment.id))).toEqual(expected);
  // The feed's comments far down are built as the reader reaches them, all the same.
  await buildEveryComment(page);
  expect(new Set((await readThreadView(page)).map((comment) => comment.id))).toEqual(expected);
  expect(await feedChunkInjected(page.url())).toBe(true);
  expect(consoleMessages.filter((message) => /Threadline/.test(message.text))).toEqual([]);
});

test('when the feed chunk cannot be injected: a failed status with Retry, one warning, the page’s 200 comments; Retry asks again', async ({
  browserName,
}) => {
  test.setTimeout(90_000);
  await withBuildMissing(browserName, [FEED_CHUNK_FILE], async (browser, build) => {
    const page = await browser.context.newPage();
    await page.goto(CUT_SHORT.url);
    await waitForReady(page);
    const failed = page.locator('[data-thread-feed="failed"]');
    await expect(failed).toBeVisible({ timeout: 15_000 });
    await expect(failed).toHaveAttribute('role', 'alert');
    await expect(failed).toContainText(/feed reader/);
    await expectEveryCommentOnce(page, CUT_SHORT.onPage!);
    await expect.poll(() => browser.warnings.length).toBe(1);
    // Chromium's executeScript rejects a missing file; Firefox's resolves, and the chunk is then found unregistered.
    expect(browser.warnings[0]).toMatch(
      /^Threadline: could not load the comments past the first 200: (could not start Threadline's feed reader: .*feed\.js|Threadline's feed reader did not start in this page)/,
    );

    build.restore();
    await page.locator('[data-thread-action="retry-load"]').click();
    if (browserName === 'firefox') {
      // Firefox keeps an extension script it failed to load failed for the session: Retry asks again and fails the same
      // way, quietly (the one warning stands), and the page keeps its comments.
      await expect(failed).toBeVisible();
      await expectEveryCommentOnce(page, CUT_SHORT.onPage!);
    } else {
      await expect(page.locator('[data-thread-feed="done"]')).toBeAttached({ timeout: 20_000 });
      await expectEveryCommentOnce(page, CUT_SHORT.commentCount);
    }
    expect(browser.warnings).toHaveLength(1);
  });
});
