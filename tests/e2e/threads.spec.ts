/** Threads in the built extension, in Chromium and Firefox: every comment once, collapse, landing, the blog's form. */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { BLOG_ORIGINS } from './support/blog-routing';
import { fixtureResponse } from './support/fixture-source';
import { fixtureIndex, fixtureRecords, isRemoved, mainThreadedFixture, postFixtures, type FixturePage } from './support/fixture-catalog';
import {
  READY_ROOT,
  ROOT,
  commentIdsInView,
  commentLocator,
  duplicates,
  ownReplyButton,
  ownToggle,
  readThreadView,
  renderEveryThreadGroup,
  waitForReady,
  type ViewComment,
} from './support/thread-view';
import { toolbarAction } from './support/toolbar';

const main = mainThreadedFixture();
const mainRecords = fixtureRecords(main.name);
/** Top-level comments that have Blogger replies, in page order. */
const threadsWithReplies = mainRecords.comments.filter(
  (comment) => !comment.parentId && mainRecords.comments.some((reply) => reply.parentId === comment.id),
);

function errorsOf(messages: { type: string; source: string }[]) {
  return messages.filter((message) => message.type === 'error' || message.source === 'pageerror');
}

/**
 * Wait until a fresh load of `url` shows thread `threadId` collapsed, i.e. the collapse has been remembered
 * (the content script writes it shortly after the click). Each check opens the post in a new tab of `context`.
 */
async function waitUntilRememberedCollapsed(context: BrowserContext, url: string, threadId: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const probe = await context.newPage();
        try {
          await probe.goto(url);
          await waitForReady(probe);
          return await ownToggle(probe, threadId).getAttribute('aria-expanded');
        } finally {
          await probe.close();
        }
      },
      { timeout: 20_000, intervals: [300, 700, 1000] },
    )
    .toBe('false');
}

test.describe('every layout', () => {
  for (const fixture of postFixtures()) {
    test(`${fixture.name}: becomes ready and shows every comment exactly once`, async ({ page, requests, consoleMessages }) => {
      const expectedIds = fixtureRecords(fixture.name).comments.map((comment) => comment.id);
      await page.goto(fixture.url);
      await waitForReady(page);
      // Pages that hold only Blogger's first batch complete from the feed; wait for the count, then compare ids. On a
      // big post the far thread groups are not built yet: their comments are in the view as stand-ins.
      await expect.poll(async () => (await commentIdsInView(page)).length, { timeout: 20_000 }).toBe(expectedIds.length);
      const ids = (await commentIdsInView(page)).map((comment) => comment.id);
      expect(duplicates(ids)).toEqual([]);
      expect([...ids].sort()).toEqual([...expectedIds].sort());
      expect(errorsOf(consoleMessages)).toEqual([]);
      // Threadline's own requests (fetch/xhr) go to the blog's origin only.
      const origin = new URL(fixture.url).origin;
      const scripted = requests.filter((request) => request.resourceType === 'fetch' || request.resourceType === 'xhr');
      expect(scripted.filter((request) => new URL(request.url).origin !== origin)).toEqual([]);
    });
  }

  for (const host of BLOG_ORIGINS.slice(1)) {
    test(`the same post served at ${host} is restructured too`, async ({ page }) => {
      const url = main.url.replace('https://probationmatters.blogspot.com', host);
      const body = fixtureResponse(main.url)?.body;
      expect(body, 'main fixture body').toBeTruthy();
      await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: body! }));
      await page.goto(url);
      await waitForReady(page);
      const ids = (await readThreadView(page)).map((comment) => comment.id);
      expect(duplicates(ids)).toEqual([]);
      expect(ids.length).toBe(mainRecords.comments.length);
    });
  }

  test('a page without a comment section (label page) is left untouched and quiet', async ({ page, consoleMessages }) => {
    const labelPage = fixtureIndex().find((entry: FixturePage) => entry.commentCount === 0 || entry.layout === null);
    test.skip(!labelPage, 'no label page among the fixtures');
    await page.goto(labelPage!.url);
    await page.waitForLoadState('load');
    await page.waitForTimeout(1000); // document_idle plus start-up: give the content script time to (wrongly) act
    await expect(page.locator(ROOT)).toHaveCount(0);
    expect(consoleMessages.filter((message) => /threadline/i.test(message.text))).toEqual([]);
  });

  test('unknown comment markup keeps the original comments visible and logs one Threadline warning', async ({ page, consoleMessages }) => {
    const original = fixtureResponse(main.url)?.body ?? '';
    // Rename what identifies comments (li.comment ids and classes), as a redesign of Blogger's markup would.
    const unknown = original
      .replace(/class="comment"/g, 'class="kommentar"')
      .replace(/\bid="c(\d{6,20})"/g, 'id="k$1"')
      .replace(/comment-content/g, 'kommentar-text');
    expect(unknown).not.toBe(original);
    await page.route(main.url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: unknown }));
    await page.goto(main.url);
    await expect.poll(() => consoleMessages.filter((message) => message.type === 'warning').length, { timeout: 5000 }).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    const threadline = consoleMessages.filter((message) => /threadline/i.test(message.text));
    expect(threadline).toHaveLength(1);
    expect(threadline[0]!.type).toBe('warning');
    expect(threadline[0]!.text.startsWith('Threadline')).toBe(true);
    await expect(page.locator(READY_ROOT)).toHaveCount(0);
    await expect(page.locator('#comment-holder')).toBeVisible();
  });
});

test.describe(`the main thread fixture (${main.name})`, () => {
  test('authors, display times and removed comments are shown as the blog has them', async ({ page }) => {
    await page.goto(main.url);
    await waitForReady(page);
    const view = new Map((await readThreadView(page)).map((comment: ViewComment) => [comment.id, comment]));
    for (const record of mainRecords.comments) {
      const shown = view.get(record.id);
      expect(shown, `comment ${record.id}`).toBeDefined();
      expect(shown!.ownText).toContain(record.author);
      expect(shown!.ownText).toContain(record.displayTime);
      if (isRemoved(record)) expect(shown!.ownText).toMatch(/removed/i);
      else expect(shown!.ownText).not.toMatch(/This comment has been removed/);
    }
  });

  test("'As posted' keeps Blogger's own parents", async ({ page }) => {
    await page.goto(main.url);
    await waitForReady(page);
    await page.locator('[data-thread-view="posted"]').click();
    await expect(page.locator('[data-thread-view="posted"]')).toHaveAttribute('aria-pressed', 'true');
    const parents = Object.fromEntries((await readThreadView(page)).map((comment) => [comment.id, comment.parent]));
    expect(parents).toEqual(Object.fromEntries(mainRecords.comments.map((comment) => [comment.id, comment.parentId ?? ''])));
  });

  test('each comment with replies has an expanded toggle; clicking it hides the replies and says so', async ({ page }) => {
    await page.goto(main.url);
    await waitForReady(page);
    const view = await readThreadView(page);
    const parents = new Set(view.map((comment) => comment.parent).filter(Boolean));
    expect(parents.size).toBeGreaterThan(0);
    for (const id of parents) await expect(ownToggle(page, id)).toHaveAttribute('aria-expanded', 'true');

    const [threadId] = parents;
    const firstReply = view.find((comment) => comment.parent === threadId)!;
    const toggle = ownToggle(page, threadId!);
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    // Collapsed, the toggle is the thread's one line: the count, then the first reply's first words.
    await expect(toggle).toHaveText(/^\d+ repl(y|ies)/);
    await expect(toggle.locator('.collapsed-preview')).toBeVisible();
    await expect(commentLocator(page, firstReply.id)).toBeHidden();

    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(commentLocator(page, firstReply.id)).toBeVisible();
    await page.keyboard.press(' ');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(commentLocator(page, firstReply.id)).toBeHidden();
  });

  test('collapse all and expand all act on every thread', async ({ page }) => {
    await page.goto(main.url);
    await waitForReady(page);
    const toggles = page.locator('button[data-thread-action="toggle"]');
    expect(await toggles.count()).toBeGreaterThan(0);
    await (await toolbarAction(page, 'collapse-all')).click();
    await expect(page.locator('button[data-thread-action="toggle"][aria-expanded="true"]')).toHaveCount(0);
    await (await toolbarAction(page, 'expand-all')).click();
    await expect(page.locator('button[data-thread-action="toggle"][aria-expanded="false"]')).toHaveCount(0);
    expect(await page.locator('button[data-thread-action="toggle"][aria-expanded="true"]').count()).toBeGreaterThan(0);
  });

  test('a collapsed thread stays collapsed after a reload', async ({ page, context }) => {
    await page.goto(main.url);
    await waitForReady(page);
    const threadId = threadsWithReplies[0]!.id;
    await ownToggle(page, threadId).click();
    await expect(ownToggle(page, threadId)).toHaveAttribute('aria-expanded', 'false');
    await waitUntilRememberedCollapsed(context, main.url, threadId);
    await page.reload();
    await waitForReady(page);
    await expect(ownToggle(page, threadId)).toHaveAttribute('aria-expanded', 'false');
    const others = threadsWithReplies.slice(1);
    for (const other of others) await expect(ownToggle(page, other.id)).toHaveAttribute('aria-expanded', 'true');
  });

  test('a ?showComment link to a reply inside a collapsed thread expands it and highlights the reply', async ({ page, context }) => {
    const thread = threadsWithReplies.at(-1)!;
    const reply = mainRecords.comments.filter((comment) => comment.parentId === thread.id).at(-1)!;
    await page.goto(main.url);
    await waitForReady(page);
    await (await toolbarAction(page, 'collapse-all')).click();
    await waitUntilRememberedCollapsed(context, main.url, thread.id);

    await page.goto(`${main.url}?showComment=${reply.publishedMs}#c${reply.id}`);
    await waitForReady(page);
    const target = commentLocator(page, reply.id);
    await expect(target).toHaveAttribute('data-thread-highlight', /.*/);
    await expect(target).toBeVisible();
    await expect(target).toBeInViewport();
  });

  test("the blog's comment form stays, its comments stay in the document, and Reply uses Blogger's parentID", async ({ page }) => {
    await page.goto(main.url);
    await waitForReady(page);
    await expect(page.locator('div.comment-form')).toBeVisible();
    await expect(page.locator('iframe#comment-editor')).toBeVisible();
    await expect(page.locator('#comment-holder')).toBeAttached();
    await expect(page.locator('#comment-holder')).toBeHidden();

    const thread = threadsWithReplies[0] ?? mainRecords.comments.find((comment) => !comment.parentId)!;
    await ownReplyButton(page, thread.id).click();
    await expect(page.locator('iframe#comment-editor')).toHaveAttribute('src', new RegExp(`[?&]parentID=${thread.id}(?:[&#]|$)`));
    await expect(page.locator('iframe#comment-editor')).toBeInViewport();
  });

  test('links in comments keep their address and get rel=nofollow; script links do not survive', async ({ page }) => {
    // The fixtures' comments hold bare URLs; give one comment real anchors the way Blogger renders them.
    const original = fixtureResponse(main.url)?.body ?? '';
    const withLinks = original.replace(
      '<p class="comment-content">',
      '<p class="comment-content">See <a href="https://www.gov.uk/guidance/probation-report" rel="nofollow">the report</a> and ' +
        '<a href="javascript:document.title=&quot;pwned&quot;">this</a>. ',
    );
    expect(withLinks).not.toBe(original);
    await page.route(main.url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: withLinks }));
    await page.goto(main.url);
    await waitForReady(page);
    const report = page.locator(`${ROOT} [data-thread-comment] a`, { hasText: 'the report' });
    await expect(report).toHaveCount(1);
    await expect(report).toHaveAttribute('href', 'https://www.gov.uk/guidance/probation-report');
    expect((await report.getAttribute('rel'))?.split(/\s+/)).toContain('nofollow');
    const scripted = page.locator(`${ROOT} [data-thread-comment] a[href^="javascript:" i]`);
    await expect(scripted).toHaveCount(0);
  });

  test('axe-core finds no accessibility violations in the restructured section', async ({ page }) => {
    await page.goto(main.url);
    await waitForReady(page);
    await renderEveryThreadGroup(page);
    const results = await new AxeBuilder({ page }).include(ROOT).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)).toEqual([]);
  });
});
