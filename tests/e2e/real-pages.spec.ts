/**
 * Pages shaped like real saved Blogger pages (tests/fixtures/real, blogger-markup.md §10), in the built extension in
 * Chromium and Firefox: a static page whose permalinks carry no time, a German page with its own heading, removal
 * sentence and times, display times with U+202F, and a 640-comment post whose feed server answers 25 per page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FixtureRecord } from '../../scripts/fixtures/records';
import { realFixtureByName } from '../fixtures/serve';
import { expect, test } from './fixtures';
import { REPO_ROOT } from './support/launch';
import { commentIdsInView, duplicates, readThreadView, waitForReady } from './support/thread-view';

function recordsOf(name: string): FixtureRecord {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'tests', 'fixtures', realFixtureByName(name).records), 'utf8')) as FixtureRecord;
}

/** The time links the view shows, in order: their text and href. */
async function timeLinks(page: import('@playwright/test').Page): Promise<{ text: string; href: string }[]> {
  return page.evaluate(() => {
    const scope = document.querySelector('[data-thread-root]')?.shadowRoot;
    return [...(scope?.querySelectorAll('[data-thread-comment] a.time') ?? [])].map((a) => ({
      text: a.textContent ?? '',
      href: a.getAttribute('href') ?? '',
    }));
  });
}

const threadlineLines = (messages: { text: string }[]) =>
  messages.filter((message) => /Threadline/.test(message.text)).map((message) => message.text);

test('a static page whose permalinks have no showComment time is restructured, with one warning', async ({ page, consoleMessages }) => {
  const fixture = realFixtureByName('real-static-page');
  const records = recordsOf(fixture.name);
  await page.goto(fixture.url);
  await waitForReady(page);
  const ids = (await readThreadView(page)).map((comment) => comment.id);
  expect(duplicates(ids)).toEqual([]);
  expect([...ids].sort()).toEqual(records.comments.map((comment) => comment.id).sort());
  // Blogger's own replies stay under their parents.
  const parents = new Map((await readThreadView(page)).map((comment) => [comment.id, comment.parent]));
  for (const record of records.comments.filter((comment) => comment.parentId)) expect(parents.get(record.id)).toBe(record.parentId);
  // The view's permalinks are the page's own (#c<id>), its times the text the page shows.
  const links = await timeLinks(page);
  expect(links.every((link) => !link.href.includes('showComment') && /#c\d+$/.test(link.href))).toBe(true);
  expect(links.map((link) => link.text).sort()).toEqual(records.comments.map((comment) => comment.displayTime).sort());
  await expect.poll(() => threadlineLines(consoleMessages).length).toBe(1);
  expect(threadlineLines(consoleMessages)[0]).toMatch(/14 of 14 comments have no showComment time in their permalink/);
  expect(consoleMessages.filter((message) => message.source === 'pageerror')).toEqual([]);
});

test('a German page: no number in its heading, German removal sentences and times, all shown as the blog wrote them', async ({
  page,
  consoleMessages,
}) => {
  const fixture = realFixtureByName('real-german-threaded');
  const records = recordsOf(fixture.name);
  await page.goto(fixture.url);
  await waitForReady(page);
  const view = await readThreadView(page);
  expect(duplicates(view.map((comment) => comment.id))).toEqual([]);
  expect(view).toHaveLength(records.comments.length);
  const removed = records.comments.filter((comment) => comment.removed);
  expect(removed.length).toBeGreaterThan(0);
  for (const record of removed) {
    const shown = view.find((comment) => comment.id === record.id);
    expect(shown?.ownText).toContain(`Removed. ${record.text}`);
  }
  const links = await timeLinks(page);
  expect(links.map((link) => link.text).sort()).toEqual(records.comments.map((comment) => comment.displayTime).sort());
  expect(links.every((link) => / um \d\d:\d\d$/.test(link.text))).toBe(true);
  expect(threadlineLines(consoleMessages)).toEqual([]);
});

test('display times with U+202F before AM/PM are shown verbatim; an "Anonymous" account keeps its profile link', async ({ page }) => {
  const fixture = realFixtureByName('real-narrow-space');
  const records = recordsOf(fixture.name);
  await page.goto(fixture.url);
  await waitForReady(page);
  const links = await timeLinks(page);
  expect(links.some((link) => link.text.includes('\u202f'))).toBe(true);
  expect(links.map((link) => link.text).sort()).toEqual(records.comments.map((comment) => comment.displayTime).sort());
  const account = records.comments.find((comment) => comment.author === 'Anonymous' && comment.authorUrl)!;
  const author = page.locator('[data-thread-root]').locator(`[data-thread-comment="${account.id}"] .comment-header a.author`);
  await expect(author).toHaveAttribute('href', account.authorUrl!);
  await expect(author).toHaveText('Anonymous');
});

test('a 640-comment post whose feed server answers 25 per page loads every comment, paging past each short page', async ({
  page,
  requests,
  consoleMessages,
}) => {
  const fixture = realFixtureByName('real-feed-25');
  expect(fixture.onPage).toBe(200);
  await page.goto(fixture.url);
  await waitForReady(page);
  await expect(page.locator('[data-thread-feed="done"]')).toBeAttached({ timeout: 30_000 });
  await expect(page.locator('[data-thread-feed="done"]')).toContainText(`All ${fixture.commentCount} comments loaded`);
  await expect.poll(async () => (await commentIdsInView(page)).length, { timeout: 20_000 }).toBe(fixture.commentCount);
  const ids = (await commentIdsInView(page)).map((comment) => comment.id);
  expect(duplicates(ids)).toEqual([]);
  expect(new Set(ids)).toEqual(new Set(recordsOf(fixture.name).comments.map((comment) => comment.id)));
  const feedRequests = requests.filter((request) => request.url.includes(`/feeds/${fixture.postId}/comments/`));
  expect(feedRequests).toHaveLength(26);
  expect(feedRequests.map((request) => new URL(request.url).searchParams.get('start-index')).slice(0, 3)).toEqual(['1', '26', '51']);
  expect(threadlineLines(consoleMessages)).toEqual([]);
});
