/**
 * Following a post and replies to you, in the built extension: follow, one check (Chromium: the background's own alarm,
 * fired now from the test; Firefox: the popup's "Check now", since Firefox's background page makes its requests
 * outside every Playwright context, where no route can serve them), the global toolbar badge, the popup's list, the
 * count cleared by opening the post; "This is mine" and the replies to it marked on the post.
 */
import type { BrowserContext, Page, Route } from '@playwright/test';
import { fixtureByName } from '../fixtures/serve';
import { expect, test } from './fixtures';
import { BLOG_ORIGINS, routeBlogToFixtures, type RequestRecord } from './support/blog-routing';
import { axeViolations } from './options-support';
import { chromiumServiceWorker, openExtensionPage, type ExtensionRealm } from './support/extension-pages';
import { commentAction } from './support/comment-actions';

const POST = fixtureByName('threaded-v2-004');
const POST_ID = POST.postId!;
const ROOT = '[data-thread-root][data-state="ready"]';

// Each test walks several pages (the post twice, the popup twice, a check): more than the default 30 s on a busy machine.
test.slow();

async function openPost(page: Page) {
  await page.goto(POST.url);
  await expect(page.locator(ROOT)).toBeAttached();
}

/** New comments the blog "receives" after the reader followed the post: the first answers `mineId` (Blogger's reply). */
function newEntries(mineId: string) {
  const base = Date.UTC(2026, 11, 5, 21, 0);
  const specs = [
    { id: '7000000000000000001', html: 'Spot on, this is exactly it.', parent: mineId },
    { id: '7000000000000000002', html: 'Has anyone heard about the pay award?', parent: null },
    { id: '7000000000000000003', html: 'Nobody at HQ reads these.', parent: null },
  ];
  return specs.map((spec, index) => {
    const published = base + index * 60_000;
    const link: Record<string, string>[] = [{ rel: 'alternate', type: 'text/html', href: `${POST.url}?showComment=${published}#c${spec.id}` }];
    if (spec.parent) link.push({ rel: 'related', href: `http://www.blogger.com/feeds/1/${POST_ID}/comments/default/${spec.parent}` });
    return {
      id: { $t: `tag:blogger.com,1999:blog-1.post-${spec.id}` },
      published: { $t: new Date(published).toISOString() },
      content: { type: 'html', $t: spec.html },
      link,
      author: [{ name: { $t: 'Anonymous' } }],
      gd$extendedProperty: [{ name: 'blogger.displayTime', value: `21:0${index}` }],
    };
  });
}

/** Serve the post's comment feed as if three comments had arrived since the page (start-index and max-results honoured). */
async function serveMoreComments(context: BrowserContext, mineId: string, asked: string[]): Promise<() => Promise<void>> {
  const pattern = `**/feeds/${POST_ID}/comments/default?**`;
  const entries = newEntries(mineId);
  const handler = async (route: Route) => {
    const url = new URL(route.request().url());
    asked.push(url.href);
    const start = Number(url.searchParams.get('start-index'));
    const max = Number(url.searchParams.get('max-results'));
    const fresh = entries.filter((_, index) => {
      const position = POST.commentCount + 1 + index;
      return position >= start && position < start + max;
    });
    const body = { feed: { openSearch$totalResults: { $t: String(POST.commentCount + entries.length) }, entry: fresh } };
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
  };
  await context.route(pattern, handler);
  return () => context.unroute(pattern, handler);
}

/** The slice of the extension API these tests call inside the extension. */
interface ExtensionApi {
  action: { getBadgeText(details: { tabId?: number }): Promise<string> };
  alarms: { create(name: string, info: { when: number }): Promise<void> };
}

/** The global (not per-tab) toolbar badge text, read inside the extension. */
async function globalBadge(realm: ExtensionRealm): Promise<string> {
  const read = () => {
    const globals = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
    return (globals.browser ?? globals.chrome)!.action.getBadgeText({});
  };
  return 'goto' in realm ? realm.evaluate(read) : realm.evaluate(read);
}

test('follow a post, one check finds new comments and a reply to you: badge, popup, cleared by opening the post', async ({
  page,
  context,
  extensionBrowser,
  extensionOrigin,
  readExtensionStorage,
  requests,
}) => {
  const { browserName } = extensionBrowser;
  await openPost(page);
  const mineId = await page.locator('[data-thread-comment][data-thread-parent=""]').first().getAttribute('data-thread-comment');
  expect(mineId).toBeTruthy();

  await page.locator('[data-thread-action="follow"]').click();
  await expect(page.locator('[data-thread-action="follow"]')).toHaveAttribute('aria-pressed', 'true');
  await (await commentAction(page, mineId!, 'mine')).click();
  await expect
    .poll(async () =>
      Object.keys(await readExtensionStorage())
        .filter((key) => /^(follow|mine):/.test(key))
        .sort(),
    )
    .toEqual([`follow:${POST_ID}`, `mine:${POST_ID}:${mineId}`]);

  const asked: string[] = [];
  const realm: ExtensionRealm =
    browserName === 'chromium' ? (await chromiumServiceWorker(context, extensionOrigin))! : await extensionBrowser.storageRealm();
  let popupContext: BrowserContext = context;
  if (browserName === 'firefox') {
    // Extension pages get a context of their own in Firefox (options-support.ts); this one is routed like the test's.
    popupContext = await context.browser()!.newContext();
    await routeBlogToFixtures(popupContext, (entry: RequestRecord) => requests.push(entry));
  }
  const stopServing = await serveMoreComments(popupContext, mineId!, asked);
  try {
    let popup: Page;
    if (browserName === 'chromium') {
      // One tick of the background's own alarm, now rather than in 30 minutes.
      await (realm as Exclude<ExtensionRealm, Page>).evaluate(() =>
        (globalThis as unknown as { chrome: ExtensionApi }).chrome.alarms.create('threadline-follow', { when: Date.now() }),
      );
      await expect.poll(() => globalBadge(realm), { timeout: 15_000 }).toBe('3');
      popup = await openExtensionPage(popupContext, 'popup.html', { browserName, extensionOrigin });
    } else {
      popup = await openExtensionPage(popupContext, 'popup.html', { browserName, extensionOrigin });
      await popup.locator('[data-follow-action="check-now"]').click();
      await expect.poll(() => globalBadge(realm), { timeout: 15_000 }).toBe('3');
    }
    // One count request (max-results=1) and one read of the three new comments, both on the blog's own origin.
    expect(asked.length).toBe(2);
    expect(asked.every((url) => (BLOG_ORIGINS as readonly string[]).includes(new URL(url).origin))).toBe(true);
    expect(new URL(asked[0]!).searchParams.get('max-results')).toBe('1');

    const entry = popup.locator(`[data-follow-post="${POST_ID}"]`);
    await expect(entry).toHaveAttribute('data-follow-new', '3');
    await expect(entry).toHaveAttribute('data-follow-replies', '1');
    await expect(entry).toContainText('3 new');
    await expect(entry).toContainText('1 reply to you');
    await expect(entry.locator('a')).toHaveAttribute('href', `${POST.url}#c7000000000000000001`);
    expect(await axeViolations(popup)).toEqual([]);
  } finally {
    await stopServing();
  }

  // Opening the post clears its count, and the badge with it.
  await openPost(page);
  await expect.poll(() => globalBadge(realm), { timeout: 10_000 }).toBe('');
  const after = await openExtensionPage(popupContext, 'popup.html', { browserName, extensionOrigin });
  await expect(after.locator(`[data-follow-post="${POST_ID}"]`)).toHaveAttribute('data-follow-new', '0');
  // Nothing but the blog's origin was asked for by script (pages' images are refused by the harness, as ever).
  const scripted = requests.filter((request) => request.resourceType === 'fetch' || request.resourceType === 'xhr');
  expect(scripted.every((request) => (BLOG_ORIGINS as readonly string[]).includes(new URL(request.url).origin))).toBe(true);
});

test('"This is mine" marks your comment and the replies to it, follows the post, and is undone by pressing it again', async ({ page }) => {
  await openPost(page);
  // A comment with replies in the view.
  const parentId = await page.evaluate(() => {
    const root = document.querySelector('[data-thread-root]')!.shadowRoot!;
    const parents = [...root.querySelectorAll('[data-thread-parent]')].map((el) => el.getAttribute('data-thread-parent')).filter(Boolean);
    return parents[0]!;
  });
  const comment = page.locator(`[data-thread-comment="${parentId}"]`).first();
  // "This is mine" is an item of the comment's "More actions" menu, which closes once the item is chosen.
  const mine = () => commentAction(page, parentId, 'mine');
  await (await mine()).click();
  await expect(await mine()).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');
  await expect(comment).toHaveAttribute('data-thread-mine', '');
  const replies = page.locator(`[data-thread-parent="${parentId}"]`);
  const count = await replies.count();
  expect(count).toBeGreaterThan(0);
  await expect(page.locator('[data-thread-reply-to-me]')).toHaveCount(count);
  for (let i = 0; i < count; i++) await expect(replies.nth(i)).toHaveAttribute('data-thread-reply-to-me', '');
  await expect(page.locator('[data-thread-action="follow"]')).toHaveAttribute('aria-pressed', 'true');

  await (await mine()).click();
  await expect(await mine()).toHaveAttribute('aria-checked', 'false');
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-thread-mine]')).toHaveCount(0);
  await expect(page.locator('[data-thread-reply-to-me]')).toHaveCount(0);

  // Marks are kept: the next visit shows them again.
  await (await mine()).click();
  await openPost(page);
  await expect(page.locator(`[data-thread-comment="${parentId}"]`).first()).toHaveAttribute('data-thread-mine', '');
  await expect(page.locator('[data-thread-reply-to-me]')).toHaveCount(count);
});
