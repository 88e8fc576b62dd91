/** The blog's post lists: "N new" beside a visited post's comment link once it gains comments, "new post", the posts feed where a theme shows no count. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { listFixture, listFixtureIndex } from '../fixtures/serve-lists';
import { expect, test } from './fixtures';
import { serveListVariant, type RequestRecord } from './support/blog-routing';
import { writeStorageIn } from './support/extension-pages';
import { commentLocator, waitForReady } from './support/thread-view';

const BLOG_ORIGIN = 'https://probationmatters.blogspot.com';
const FIRST_USE_KEY = 'firstUse:probationmatters.blogspot.com';
const growing = listFixtureIndex().growing;
const added = growing.after - growing.before;
/** The fixture's own clock: a visit just after the growing post's last comment had seen them all. */
const VISIT_IN_FIXTURE_TIME = growing.lastBaseCommentMs + 60_000;

const badgeOf = (page: Page, postUrl: string) => page.locator(`a.comment-link[href^="${postUrl}"] + [data-thread-new-count]`);
const allBadges = (page: Page) => page.locator('[data-thread-new-count]');

/** Threadline's own requests (fetch and XHR) that left the blog's origin: none may. */
function scriptedElsewhere(requests: RequestRecord[]): string[] {
  return requests.filter((r) => (r.resourceType === 'fetch' || r.resourceType === 'xhr') && new URL(r.url).origin !== BLOG_ORIGIN).map((r) => r.url);
}

const postsFeedRequests = (requests: RequestRecord[]) => requests.filter((r) => new URL(r.url).pathname.startsWith('/feeds/posts/'));

test.beforeEach(() => serveListVariant('base'));
test.afterEach(() => serveListVariant('base'));

test.describe('post-list badges', () => {
  // Each test loads four to six pages (lists and the post): more than the default allows on a loaded machine.
  test.describe.configure({ timeout: 90_000 });
  test('after a visit, the home and label pages say how many comments the post gained, and the badge lands on the first', async ({
    page,
    extensionBrowser,
    readExtensionStorage,
    requests,
  }) => {
    // The first list page records the first use: every post already published is old news, nothing is badged.
    await page.goto(`${BLOG_ORIGIN}/`);
    await expect.poll(async () => (await readExtensionStorage('local'))[FIRST_USE_KEY], { timeout: 10_000 }).toEqual(expect.any(Number));
    await page.waitForTimeout(500);
    await expect(allBadges(page)).toHaveCount(0);

    // Read the post; leaving it records the visit with the post's comment count.
    await page.goto(growing.url);
    await waitForReady(page, 30_000);
    await page.goto(`${BLOG_ORIGIN}/`);
    await expect
      .poll(async () => (await readExtensionStorage('local'))[`visit:${growing.postId}`], { timeout: 10_000 })
      .toMatchObject({ v: 1, count: growing.before });
    await page.waitForTimeout(500);
    await expect(allBadges(page)).toHaveCount(0);

    // The visit happened in the fixture's time, just after the last comment then; since then five were added.
    const visit = (await readExtensionStorage('local'))[`visit:${growing.postId}`] as { v: 1; at: number; count: number };
    await writeStorageIn(await extensionBrowser.storageRealm(), 'local', { [`visit:${growing.postId}`]: { ...visit, at: VISIT_IN_FIXTURE_TIME } });
    serveListVariant('more');

    for (const list of ['home', 'label-upw'] as const) {
      await page.goto(listFixture(list, 'more').url);
      await expect(badgeOf(page, growing.url)).toHaveAttribute('data-thread-new-count', String(added));
      await expect(badgeOf(page, growing.url)).toHaveText(`${added} new`);
      await expect(badgeOf(page, growing.url)).not.toHaveAttribute('data-thread-new-post', '');
      await expect(allBadges(page)).toHaveCount(1);
    }

    await badgeOf(page, growing.url).locator('a').click();
    await page.waitForURL((url) => url.pathname === new URL(growing.url).pathname);
    await waitForReady(page, 30_000);
    await expect(commentLocator(page, growing.firstNewCommentId)).toHaveAttribute('data-thread-highlight', '', { timeout: 10_000 });
    await expect(page.locator('[data-thread-root]').locator('[data-thread-new]')).toHaveCount(added);

    expect(scriptedElsewhere(requests)).toEqual([]);
    expect(postsFeedRequests(requests)).toEqual([]); // classic links carry their counts
  });

  test('where the theme shows no count, one posts-feed request on the blog gives it, and a reload reuses it', async ({
    page,
    extensionBrowser,
    requests,
  }) => {
    await writeStorageIn(await extensionBrowser.storageRealm(), 'local', {
      [FIRST_USE_KEY]: Date.now(),
      [`visit:${growing.postId}`]: { v: 1, at: VISIT_IN_FIXTURE_TIME, count: growing.before },
    });
    serveListVariant('more');
    const list = listFixture('label-hmpps-v3-no-count', 'more');
    await page.goto(list.url);
    await expect(badgeOf(page, growing.url)).toHaveAttribute('data-thread-new-count', String(added));
    await expect(allBadges(page)).toHaveCount(1);
    const feeds = postsFeedRequests(requests);
    expect(feeds).toHaveLength(1);
    expect(new URL(feeds[0]!.url).pathname).toBe('/feeds/posts/default/-/HMPPS');

    await page.reload();
    await expect(badgeOf(page, growing.url)).toHaveAttribute('data-thread-new-count', String(added));
    expect(postsFeedRequests(requests)).toHaveLength(1);
    expect(scriptedElsewhere(requests)).toEqual([]);
  });

  test('never-opened posts newer than the first use say "new post"; the v3 list shows its count badge too; axe finds nothing', async ({
    page,
    extensionBrowser,
  }) => {
    await writeStorageIn(await extensionBrowser.storageRealm(), 'local', {
      [FIRST_USE_KEY]: Date.parse('2000-01-01T00:00:00Z'),
      [`visit:${growing.postId}`]: { v: 1, at: VISIT_IN_FIXTURE_TIME, count: growing.before },
    });
    serveListVariant('more');
    for (const name of ['home', 'search-v3'] as const) {
      const list = listFixture(name, 'more');
      await page.goto(list.url);
      await expect(badgeOf(page, growing.url)).toHaveAttribute('data-thread-new-count', String(added));
      await expect(page.locator('[data-thread-new-post]')).toHaveCount((list.posts?.length ?? 0) - 1);
      await expect(page.locator('[data-thread-new-post]').first()).toHaveText('new post');
      const results = await new AxeBuilder({ page }).include('[data-thread-new-count]').analyze();
      expect(results.violations).toEqual([]);
    }
  });

  test('a badge moves nothing but its own line: the posts below stay where they were', async ({ page, extensionBrowser }) => {
    serveListVariant('more');
    await page.goto(`${BLOG_ORIGIN}/`);
    await page.waitForLoadState('load');
    const titlesTop = () => page.locator('.post-title').evaluateAll((titles) => titles.map((title) => Math.round(title.getBoundingClientRect().top)));
    await page.waitForTimeout(500);
    const before = await titlesTop();
    await writeStorageIn(await extensionBrowser.storageRealm(), 'local', {
      [FIRST_USE_KEY]: Date.parse('2000-01-01T00:00:00Z'),
      [`visit:${growing.postId}`]: { v: 1, at: VISIT_IN_FIXTURE_TIME, count: growing.before },
    });
    await page.reload();
    await expect(page.locator('[data-thread-new-post]').first()).toBeVisible();
    expect(await titlesTop()).toEqual(before);
  });
});
