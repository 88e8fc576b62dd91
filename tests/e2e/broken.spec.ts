/** Broken and unknown markup, and a faulty feed: the page is never left worse than without Threadline, and a warning says why. */
import type { Page, Route } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type ConsoleRecord } from './fixtures';
import { fixtureResponse, stressIndex, type FixtureIndexEntry } from '../fixtures/serve';
import { REPO_ROOT } from './support/launch';
import { READY_ROOT, ROOT, duplicates, readThreadView } from './support/thread-view';

type StressEntry = FixtureIndexEntry & { expect: { outcome: 'restructured' | 'untouched'; warning: string | null } };
const pages = stressIndex().pages as StressEntry[];
const byName = (name: string): StressEntry => pages.find((page) => page.name === name)!;
const recordIds = (entry: StressEntry): string[] =>
  (JSON.parse(readFileSync(join(REPO_ROOT, 'tests', 'fixtures', entry.records), 'utf8')) as { comments: { id: string }[] }).comments.map(
    (comment) => comment.id,
  );

const threadlineWarnings = (messages: ConsoleRecord[]) => messages.filter((message) => /^Threadline:/.test(message.text));
const pageErrors = (messages: ConsoleRecord[]) => messages.filter((message) => message.source === 'pageerror');

/** Comment ids of the blog's own rendering (hidden or not): what a reader has without Threadline. */
async function originalIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('#comments [id]')].map((element) => /^c(\d{6,})$/.exec(element.id)?.[1]).filter((id): id is string => Boolean(id)),
  );
}

/** Wait until Threadline is ready, or (for pages it must leave alone) until start-up has surely finished. */
async function settle(page: Page, outcome: 'restructured' | 'untouched'): Promise<void> {
  if (outcome === 'restructured') await expect(page.locator(READY_ROOT)).toBeAttached({ timeout: 15_000 });
  else {
    await page.waitForLoadState('load');
    await page.waitForTimeout(1500);
  }
}

test.describe('broken and unknown markup', () => {
  for (const entry of pages.filter((page) => page.name.startsWith('broken-') && page.name !== 'broken-feed')) {
    test(`${entry.name}: ${entry.expect.outcome}, ${entry.expect.warning ? 'with a warning' : 'quietly'} (${entry.description})`, async ({
      page,
      consoleMessages,
    }) => {
      await page.goto(entry.url);
      await settle(page, entry.expect.outcome);
      const served = await originalIds(page);
      if (entry.expect.outcome === 'restructured') {
        // Pages that announce more than they hold complete from the feed; then every comment is there once.
        const all = recordIds(entry);
        const expected = served.length < all.length ? all : [...new Set(served)];
        await expect.poll(async () => (await readThreadView(page)).length, { timeout: 20_000 }).toBe(expected.length);
        const ids = (await readThreadView(page)).map((comment) => comment.id);
        expect(duplicates(ids)).toEqual([]);
        expect([...ids].sort()).toEqual([...expected].sort());
        await expect(page.locator(ROOT)).toBeVisible();
      } else {
        await expect(page.locator(ROOT)).toHaveCount(0);
        // The list waited for Threadline from document start; Threadline let it go when it left the page alone.
        await expect(page.locator('html')).not.toHaveAttribute('data-threadline-waiting', /.*/);
        await expect(page.locator('#comments')).toBeVisible();
        for (const id of served.slice(0, 3)) await expect(page.locator(`#c${id}`)).toBeVisible();
      }
      // The blog's own comment form is still there whenever the page had one.
      if (fixtureResponse(entry.url)!.body.includes('id="comment-editor"')) await expect(page.locator('#comment-editor')).toBeAttached();
      const warnings = threadlineWarnings(consoleMessages);
      if (entry.expect.warning) {
        expect(warnings, 'exactly one Threadline warning').toHaveLength(1);
        expect(warnings[0]!.type).toBe('warning');
        expect(warnings[0]!.text).toMatch(new RegExp(entry.expect.warning));
      } else {
        expect(warnings).toEqual([]);
      }
      expect(pageErrors(consoleMessages)).toEqual([]);
    });
  }
});

test.describe('a faulty comment feed (page holds 24 of 36)', () => {
  const entry = byName('broken-feed');
  const all = recordIds(entry);
  const feedPattern = `**/feeds/${entry.postId}/comments/**`;
  const fullFeed = () => fixtureResponse(`${new URL(entry.url).origin}/feeds/${entry.postId}/comments/default?alt=json&max-results=1000`)!;

  async function expectShownOnce(page: Page, count: number): Promise<void> {
    await expect.poll(async () => (await readThreadView(page)).length, { timeout: 20_000 }).toBe(count);
    const ids = (await readThreadView(page)).map((comment) => comment.id);
    expect(duplicates(ids)).toEqual([]);
    expect(ids.every((id) => all.includes(id))).toBe(true);
  }

  for (const fault of [
    {
      name: 'answers 500',
      answer: (route: Route) => route.fulfill({ status: 500, contentType: 'text/html', body: 'Server Error' }),
      reason: /HTTP 500/,
    },
    {
      name: 'answers malformed JSON',
      answer: (route: Route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"feed": {"entry": [{"id": ' }),
      reason: /malformed JSON/,
    },
  ]) {
    test(`the feed ${fault.name}: the page's comments stay, an alert says what is missing, Retry completes`, async ({ page, consoleMessages }) => {
      let failing = true;
      await page.route(feedPattern, async (route) => {
        if (failing) return fault.answer(route);
        return route.fallback();
      });
      await page.goto(entry.url);
      await expect(page.locator(READY_ROOT)).toBeAttached();
      const alert = page.locator('[data-thread-feed="failed"]');
      await expect(alert).toBeVisible();
      await expect(alert).toHaveAttribute('role', 'alert');
      await expect(alert).toContainText(fault.reason);
      await expectShownOnce(page, entry.onPage);
      const warnings = threadlineWarnings(consoleMessages);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!.text).toMatch(/could not load the comments past the first 24/);
      failing = false;
      await page.locator('[data-thread-action="retry-load"]').click();
      await expect(page.locator('[data-thread-feed="done"]')).toBeAttached();
      await expectShownOnce(page, all.length);
      expect(pageErrors(consoleMessages)).toEqual([]);
    });
  }

  test('a slow feed: the page is restructured at once and completed when the feed answers', async ({ page }) => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(feedPattern, async (route) => {
      await held;
      await route.fallback();
    });
    await page.goto(entry.url);
    await expect(page.locator(READY_ROOT)).toBeAttached();
    await expect(page.locator('[data-thread-feed="loading"]')).toBeVisible();
    await expectShownOnce(page, entry.onPage);
    release();
    await expect(page.locator('[data-thread-feed="done"]')).toBeAttached();
    await expectShownOnce(page, all.length);
  });

  test('a feed that returns comments the page already has (and repeats itself) adds each missing one once', async ({ page }) => {
    const full = JSON.parse(fullFeed().body) as { feed: { entry: unknown[] } };
    // Every entry twice, on every page asked for, whatever start-index says.
    full.feed.entry = [...full.feed.entry, ...full.feed.entry];
    let requests = 0;
    await page.route(feedPattern, (route) => {
      requests++;
      return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(full) });
    });
    await page.goto(entry.url);
    await expect(page.locator(READY_ROOT)).toBeAttached();
    await expect(page.locator('[data-thread-feed="done"]')).toBeAttached();
    await expectShownOnce(page, all.length);
    expect(requests).toBeLessThanOrEqual(3); // a feed that repeats itself is not asked again and again
  });
});
