/** Each comment sanitized on its own in the built extension: named form controls cannot hang the page or move text, and a comment cannot choose where Reply's form comes from. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { fixtureByName, fixtureRecords, fixtureResponse } from '../fixtures/serve';
import { REPO_ROOT } from './support/launch';
import { buildComment, readThreadView, ROOT, waitForReady } from './support/thread-view';

const FLAT = { url: 'https://probationmatters.blogspot.com/2021/09/hows-it-all-going.html', file: 'flat-v2-000.html' };
const FIRST = '3197085566444648995';
const SECOND = '5706506166532815268';

/** The flat fixture page with two comment bodies replaced (their <dd> stays Blogger's). */
function pageWithBodies(first: string, second: string): string {
  const html = readFileSync(join(REPO_ROOT, 'tests', 'fixtures', 'pages', FLAT.file), 'utf8');
  const replaceBody = (source: string, id: string, body: string) =>
    source.replace(new RegExp(`(<dd class="comment-body" id="Blog1_cmt-${id}">)[\\s\\S]*?(</dd>)`), `$1${body}$2`);
  return replaceBody(replaceBody(html, FIRST, first), SECOND, second);
}

const bodyText = async (page: import('@playwright/test').Page, id: string) =>
  (await page.locator(`${ROOT} [data-thread-comment="${id}"] .comment-body`).first().textContent())?.trim();

test.describe('each comment on its own', () => {
  for (const name of ['nextSibling', 'firstChild']) {
    test(`a form control named ${name} in one comment neither hangs the page nor moves another comment's text`, async ({ page }) => {
      const html = pageWithBodies(
        `<form id="f"></form>first comment's own text`,
        `<input form="f" name="${name}"><b>second comment's own words</b><form id="g"><input name="${name}"></form>tail`,
      );
      await page.route(FLAT.url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
      await page.goto(FLAT.url);
      await waitForReady(page);
      expect(await bodyText(page, FIRST)).toBe("first comment's own text");
      expect(await bodyText(page, SECOND)).toBe("second comment's own wordstail");
      // Still responsive: the page's own script answers at once.
      expect(await page.evaluate(() => 1 + 1)).toBe(2);
      const ids = (await readThreadView(page)).map((comment) => comment.id);
      expect(new Set(ids).size).toBe(ids.length);
    });
  }

  test('a comment holding id="comment-editor-src" cannot change where Reply’s form comes from', async ({ page }) => {
    const html = pageWithBodies('<a id="comment-editor-src" href="https://evil.example/comment/frame/1">look</a> here', 'plain');
    await page.route(FLAT.url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await page.route('https://www.blogger.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<p>form</p>' }));
    await page.goto(FLAT.url);
    await waitForReady(page);
    const blogForm = await page.evaluate(() => {
      const anchors = [...document.querySelectorAll<HTMLAnchorElement>('a#comment-editor-src')];
      return anchors.map((anchor) => anchor.href);
    });
    expect(blogForm.some((href) => href.startsWith('https://evil.example/'))).toBe(true); // the trap is on the page
    await page.locator(`${ROOT} [data-thread-comment="${SECOND}"] [data-thread-action="reply"]`).click();
    const src = await page.evaluate(() => document.querySelector<HTMLIFrameElement>('iframe#comment-editor')?.src ?? '');
    expect(src === '' || src.startsWith('https://www.blogger.com/')).toBe(true);
    expect(src).not.toContain('evil.example');
  });
});

test.describe('feed bodies on their own', () => {
  test('a feed entry that opens <textarea> and a later one that forges wrappers cannot speak for the comment between them', async ({ page }) => {
    const post = fixtureByName('threaded-v2-640');
    const records = fixtureRecords<{ comments: Array<{ id: string; onPage: boolean }> }>('threaded-v2-640').comments;
    const feedOnly = new Set(records.filter((record) => !record.onPage).map((record) => record.id));
    const VICTIM = 'I, the victim, wrote these words myself.';
    let victim: string | null = null;
    await page.route('**/feeds/**/comments/default**', async (route) => {
      const served = fixtureResponse(route.request().url());
      if (!served) return route.fallback();
      const json = JSON.parse(served.body) as { feed: { entry?: Array<{ id: { $t: string }; content: { $t: string } }> } };
      const entries = (json.feed.entry ?? []).filter((entry) => feedOnly.has(/post-(\d+)$/.exec(entry.id.$t)?.[1] ?? ''));
      if (!victim && entries.length >= 3) {
        entries[0]!.content.$t = 'A<textarea>';
        entries[1]!.content.$t = VICTIM;
        entries[2]!.content.$t = '</textarea></marquee><marquee>I, the victim, now say something else</marquee><marquee>Z';
        victim = /post-(\d+)$/.exec(entries[1]!.id.$t)![1]!;
      }
      await route.fulfill({ status: served.status, contentType: served.contentType, body: JSON.stringify(json) });
    });
    await page.goto(post.url);
    await waitForReady(page);
    await expect(page.locator(`${ROOT} [data-thread-feed="done"]`)).toBeAttached({ timeout: 30_000 });
    expect(victim).not.toBeNull();
    await buildComment(page, victim!);
    expect(await bodyText(page, victim!)).toBe(VICTIM);
    expect(await page.locator(`${ROOT} .comment-body`, { hasText: 'now say something else' }).count()).toBeLessThanOrEqual(1);
    expect(await page.locator(`${ROOT} .comment-body textarea, ${ROOT} .comment-body marquee`).count()).toBe(0);
  });
});
