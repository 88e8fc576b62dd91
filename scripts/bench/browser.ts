/** Browser side of the bench (Chromium + CDP): page loads with and without Threadline, long tasks, synthetic posts at scale. */
import { chromium, type BrowserContext, type CDPSession, type Page, type Route } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { routeBlogToFixtures } from '../../tests/e2e/support/blog-routing';
import { CHROME_DIST } from '../../tests/e2e/support/launch';
import { requireBrowser } from '../find-browsers';
import type { FixturePost } from '../fixtures/model';
import { feedOf, threadedPageHtml } from './synthetic-post';

export interface Browsers {
  withExtension: BrowserContext;
  without: BrowserContext;
  version: string;
  close(): Promise<void>;
}

/** Two persistent Chromium contexts from the same launcher: one loads dist/chrome, the other nothing. */
export async function launchBoth(): Promise<Browsers> {
  const dirs: string[] = [];
  const launch = async (extension: boolean) => {
    const dir = mkdtempSync(join(tmpdir(), 'threadline-bench-'));
    dirs.push(dir);
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: requireBrowser('chromium'),
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: [...(extension ? [`--disable-extensions-except=${CHROME_DIST}`, `--load-extension=${CHROME_DIST}`] : []), '--no-sandbox'],
    });
    await routeBlogToFixtures(context);
    return context;
  };
  const withExtension = await launch(true);
  const without = await launch(false);
  return {
    withExtension,
    without,
    version: withExtension.browser()?.version() ?? 'chromium',
    async close() {
      await withExtension.close().catch(() => undefined);
      await without.close().catch(() => undefined);
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Page-world probes installed before any page script: long tasks (buffered) and when Threadline became ready. */
const PROBES = `(() => {
  const w = window;
  w.__bench = { longTasks: [], readyAt: null };
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__bench.longTasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
  const timer = setInterval(() => {
    const host = document.querySelector('[data-thread-root]');
    if (host && host.getAttribute('data-state') === 'ready') { w.__bench.readyAt = performance.now(); clearInterval(timer); }
  }, 10);
})();`;

interface Probe {
  longTasks: Array<{ start: number; duration: number }>;
  readyAt: number | null;
}

const readProbe = (page: Page): Promise<Probe> => page.evaluate(() => (window as unknown as { __bench: Probe }).__bench);

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  return Object.fromEntries(list.map((metric) => [metric.name, metric.value]));
}

export interface LoadSample {
  /** Renderer main-thread busy time (CDP TaskDuration), ms, from navigation until the page settled. */
  taskMs: number;
  scriptMs: number;
  longestTaskMs: number;
  /** Navigation start → data-state="ready" (null without the extension). */
  readyMs: number | null;
  /** Navigation start → every comment loaded and rendered (feed done). */
  completeMs: number | null;
  heapUsedBytes: number;
  comments: number;
}

/** Threadline's comment count, read through the DOM contract. */
const renderedComments = (page: Page): Promise<number> =>
  page.evaluate(() => document.querySelector('[data-thread-root]')?.shadowRoot?.querySelectorAll('[data-thread-comment]').length ?? 0);

/** Resolves (page time, ms) once Threadline shows `expected` comments and is no longer loading from the feed. */
async function waitForComplete(page: Page, expected: number): Promise<number> {
  const handle = await page.waitForFunction(
    (count) => {
      const scope = document.querySelector('[data-thread-root]')?.shadowRoot;
      if (!scope || document.querySelector('[data-thread-root]')?.getAttribute('data-state') !== 'ready') return false;
      if (scope.querySelector('[data-thread-feed="loading"]')) return false;
      return scope.querySelectorAll('[data-thread-comment]').length >= count ? performance.now() : false;
    },
    expected,
    { timeout: 180_000, polling: 20 },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * One fresh tab loads `url` and settles: with the extension (`expected` comments), until Threadline shows them all;
 * then (both modes) until no long task ran for `quietMs`. Main-thread and heap figures are read after a forced GC.
 */
export async function loadOnce(context: BrowserContext, url: string, expected: number | null, quietMs = 600): Promise<LoadSample> {
  const page = await context.newPage();
  await page.addInitScript(PROBES);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const before = await metrics(cdp);
  await page.goto(url, { waitUntil: 'load' });
  const completeAt = expected === null ? null : await waitForComplete(page, expected);
  await settle(page, quietMs);
  await cdp.send('HeapProfiler.collectGarbage');
  const after = await metrics(cdp);
  const probe = await readProbe(page);
  const sample: LoadSample = {
    taskMs: (after.TaskDuration! - before.TaskDuration!) * 1000,
    scriptMs: (after.ScriptDuration! - before.ScriptDuration!) * 1000,
    longestTaskMs: Math.max(0, ...probe.longTasks.map((task) => task.duration)),
    readyMs: probe.readyAt,
    completeMs: completeAt,
    heapUsedBytes: after.JSHeapUsedSize!,
    comments: expected === null ? 0 : await renderedComments(page),
  };
  await cdp.detach().catch(() => undefined);
  await page.close();
  return sample;
}

/** Waits until the last long task (or the last probe reading) is `quietMs` old. */
async function settle(page: Page, quietMs: number): Promise<void> {
  await page.waitForTimeout(quietMs);
  for (let i = 0; i < 20; i++) {
    const quiet = await page.evaluate((ms) => {
      const tasks = (window as unknown as { __bench: Probe }).__bench.longTasks;
      const last = tasks.length ? tasks[tasks.length - 1]! : null;
      return !last || performance.now() - (last.start + last.duration) >= ms;
    }, quietMs);
    if (quiet) return;
    await page.waitForTimeout(quietMs / 2);
  }
}

export interface InteractionTasks {
  restructuring: number;
  filter: number;
  collapseAll: number;
  expandAll: number;
}

/** Longest task (ms) in each window on the 640-comment page: load to complete, typing a filter, collapse all, expand all. */
export async function interactionLongTasks(context: BrowserContext, url: string, expected: number, filterWord: string): Promise<InteractionTasks> {
  const page = await context.newPage();
  await page.addInitScript(PROBES);
  await page.goto(url);
  await waitForComplete(page, expected);
  await settle(page, 600);
  const longestSince = async (since: number) =>
    Math.max(0, ...(await readProbe(page)).longTasks.filter((task) => task.start >= since).map((task) => task.duration));
  const now = () => page.evaluate(() => performance.now());
  const restructuring = await longestSince(0);

  let mark = await now();
  await page.locator('input[data-thread-filter="text"]').pressSequentially(filterWord, { delay: 60 });
  await settle(page, 800);
  const filter = await longestSince(mark);
  await page.locator('input[data-thread-filter="text"]').fill('');
  await settle(page, 800);

  mark = await now();
  await page.locator('[data-thread-action="collapse-all"]').click();
  await settle(page, 600);
  const collapseAll = await longestSince(mark);
  mark = await now();
  await page.locator('[data-thread-action="expand-all"]').click();
  await settle(page, 600);
  const expandAll = await longestSince(mark);
  await page.close();
  return { restructuring, filter, collapseAll, expandAll };
}

/** Serves a synthetic post at its URL and its feed (paged like Blogger's: start-index, max-results, oldest first). */
export async function serveSynthetic(context: BrowserContext, post: FixturePost): Promise<() => Promise<void>> {
  const html = threadedPageHtml(post);
  const full = feedOf(post);
  const entries = full.feed;
  const ordered = [...entries.entry].reverse(); // oldest first, as Threadline asks (orderby=published&reverse=false)
  const pagePattern = post.url;
  const feedPattern = `**/feeds/${post.postId}/comments/**`;
  const onPage = (route: Route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  const onFeed = (route: Route) => {
    const params = new URL(route.request().url()).searchParams;
    const start = Math.max(1, Number(params.get('start-index') ?? '1'));
    const size = Math.max(1, Number(params.get('max-results') ?? '25'));
    const slice = ordered.slice(start - 1, start - 1 + size);
    const body = JSON.stringify({ ...full, feed: { ...entries, entry: slice, 'openSearch$totalResults': { $t: String(ordered.length) } } });
    return route.fulfill({ status: 200, contentType: 'application/json; charset=UTF-8', body });
  };
  await context.route(pagePattern, onPage);
  await context.route(feedPattern, onFeed);
  return async () => {
    await context.unroute(pagePattern, onPage);
    await context.unroute(feedPattern, onFeed);
  };
}
