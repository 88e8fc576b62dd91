/** Start-up off the page's main thread: the comment list waits unlaid-out, and the reply inference runs in the background. */
import { expect, test } from './fixtures';
import { fixtureByName } from './support/fixture-catalog';
import { READY_ROOT, ROOT, commentIdsInView, waitForReady } from './support/thread-view';

const big = fixtureByName('threaded-v2-640');
const WAITING = 'data-threadline-waiting';

test.describe('start-up', () => {
  test('the blog’s comment list is hidden from document start, never shown, and the mark goes once the view is mounted', async ({ page }) => {
    // Page world, before any script of the page: what the list looked like when the document was parsed.
    await page.addInitScript((attribute) => {
      const seen = { marked: false, listShown: false };
      (window as unknown as { __startUp: typeof seen }).__startUp = seen;
      document.addEventListener('DOMContentLoaded', () => {
        seen.marked = document.documentElement.hasAttribute(attribute);
        const list = document.getElementById('comment-holder');
        seen.listShown = list !== null && getComputedStyle(list).display !== 'none';
      });
    }, WAITING);
    await page.goto(big.url);
    await waitForReady(page);
    const seen = await page.evaluate(() => (window as unknown as { __startUp: { marked: boolean; listShown: boolean } }).__startUp);
    expect(seen).toEqual({ marked: true, listShown: false });
    await expect(page.locator('html')).not.toHaveAttribute(WAITING, /.*/);
    // The view hides the list itself (inline), so it stays hidden once the mark is gone.
    await expect(page.locator('#comment-holder')).toBeHidden();
    await expect(page.locator(ROOT)).toBeVisible();
  });

  test('the 640-comment post is analysed in the background, and its inferred replies are placed', async ({ page }) => {
    await page.goto(big.url);
    await expect(page.locator(READY_ROOT)).toBeAttached({ timeout: 15_000 });
    await expect.poll(async () => (await commentIdsInView(page)).length, { timeout: 20_000 }).toBe(big.commentCount);
    await expect(page.locator(ROOT)).toHaveAttribute('data-analysis', 'background');
    const inferred = page.locator(ROOT).locator('[data-thread-source="time"], [data-thread-source="quote"], [data-thread-source="name"]');
    expect(await inferred.count()).toBeGreaterThan(0);
  });

  test('a page Threadline leaves alone (a label page) loses the mark and keeps everything as the blog made it', async ({ page }) => {
    await page.goto(fixtureByName('label-upw').url);
    await page.waitForLoadState('load');
    await expect(page.locator('html')).not.toHaveAttribute(WAITING, /.*/, { timeout: 5_000 });
  });
});
