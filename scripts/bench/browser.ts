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
import { attribute, domCounts, startTrace, type Attribution } from './trace';

export interface Browsers {
  withExtension: BrowserContext;
  without: BrowserContext;
  version: string;
  close(): Promise<void>;
}

/** A persistent Chromium context with the unpacked extension at `extensionDir` loaded (null: no extension), fixtures routed. */
export async function launchContext(extensionDir: string | null): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'threadline-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: requireBrowser('chromium'),
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []), '--no-sandbox'],
  });
  await routeBlogToFixtures(context);
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Two persistent Chromium contexts from the same launcher: one loads dist/chrome, the other nothing. */
export async function launchBoth(): Promise<Browsers> {
  const withExtension = await launchContext(CHROME_DIST);
  const without = await launchContext(null);
  return {
    withExtension: withExtension.context,
    without: without.context,
    version: withExtension.context.browser()?.version() ?? 'chromium',
    async close() {
      await withExtension.close();
      await without.close();
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
  /** Navigation start → every comment loaded and in the view, built or standing in (feed done). */
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
      // Complete: every comment is in the view, built or (far off screen on a big post) standing in until it is near.
      return scope.querySelectorAll('[data-thread-comment], [data-thread-standin]').length >= count ? performance.now() : false;
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
  return loadAndThen(context, url, expected, quietMs, async () => undefined).then(({ sample }) => sample);
}

/** Page state that shows a variant really works: glossary marks, chunk-failure alerts (both counted after the settle). */
export interface LoadChecks {
  termMarks: number;
  chunkFailures: number;
}

/** Marks of the glossary and chunk-failure alerts in the page and its shadow root (page source as text: tsx would wrap named inner functions in a helper the page lacks). */
export const loadChecks = (page: Page): Promise<LoadChecks> =>
  page.evaluate(`(() => {
    const shadow = document.querySelector('[data-thread-root]')?.shadowRoot;
    const scopes = shadow ? [document, shadow] : [document];
    const count = (selector) => scopes.reduce((sum, scope) => sum + scope.querySelectorAll(selector).length, 0);
    return { termMarks: count('[data-term]'), chunkFailures: count('[data-thread-chunk-failed]') };
  })()`);

/**
 * loadOnce, then `after(page)` on the settled page once its figures are read (so what it does is not in them), then
 * the tab closes. With the extension, it also waits (up to 10 s) for the glossary's first mark before settling, so
 * a load is measured with the glossary chunk in, wherever it comes from.
 */
export async function loadAndThen<T>(
  context: BrowserContext,
  url: string,
  expected: number | null,
  quietMs: number,
  then: (page: Page) => Promise<T>,
  waitForTerm = false,
): Promise<{ sample: LoadSample; after: T }> {
  const page = await context.newPage();
  await page.addInitScript(PROBES);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const before = await metrics(cdp);
  await page.goto(url, { waitUntil: 'load' });
  const completeAt = expected === null ? null : await waitForComplete(page, expected);
  if (waitForTerm) {
    await page.waitForFunction(
      () => !!(document.querySelector('[data-term]') ?? document.querySelector('[data-thread-root]')?.shadowRoot?.querySelector('[data-term]')),
      undefined,
      { timeout: 10_000, polling: 50 },
    );
  }
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
  const result = await then(page).finally(() => page.close());
  return { sample, after: result };
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

/**
 * Longest task (ms) of the page without Threadline from navigation until settled: the blog's own first layout is
 * one task of 50 ms or more on this machine, and the restructuring window of a load includes it.
 */
export async function bareLongestTask(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  await page.addInitScript(PROBES);
  await page.goto(url, { waitUntil: 'load' });
  await settle(page, 600);
  const longest = Math.max(0, ...(await readProbe(page)).longTasks.map((task) => task.duration));
  await page.close();
  return Math.round(longest);
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

  // The text filter sits behind the toolbar's Filter button, Collapse all and Expand all in its More menu: each is
  // opened before its window starts.
  await page.locator('.toolbar [data-thread-action="filter"]').click();
  await page.locator('input[data-thread-filter="text"]').waitFor({ state: 'visible' });
  await settle(page, 600);
  let mark = await now();
  await page.locator('input[data-thread-filter="text"]').pressSequentially(filterWord, { delay: 60 });
  await settle(page, 800);
  const filter = await longestSince(mark);
  await page.locator('input[data-thread-filter="text"]').fill('');
  await settle(page, 800);

  const fromMenu = async (action: string) => {
    await page.locator('.toolbar [data-thread-action="menu"]').click();
    await page.locator(`[data-thread-action="${action}"]`).waitFor({ state: 'visible' });
    await settle(page, 300);
    mark = await now();
    await page.locator(`[data-thread-action="${action}"]`).click();
  };
  await fromMenu('collapse-all');
  await settle(page, 600);
  const collapseAll = await longestSince(mark);
  await fromMenu('expand-all');
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
    const body = JSON.stringify({ ...full, feed: { ...entries, entry: slice, openSearch$totalResults: { $t: String(ordered.length) } } });
    return route.fulfill({ status: 200, contentType: 'application/json; charset=UTF-8', body });
  };
  await context.route(pagePattern, onPage);
  await context.route(feedPattern, onFeed);
  return async () => {
    await context.unroute(pagePattern, onPage);
    await context.unroute(feedPattern, onFeed);
  };
}

/**
 * Time (ms, page clock) from a trusted input event to the moment the DOM shows what it asked for: a page-world
 * capture listener on window notes the event (`startEvent`), a MutationObserver on the document and the shadow root
 * notes the first mutation after which `doneSelector` matches (and `alsoSelector`, if given, is present).
 */
async function timeInteraction(
  page: Page,
  startEvent: 'pointerdown' | 'keydown',
  doneSelector: string,
  alsoSelector: string | null,
  act: () => Promise<void>,
): Promise<number> {
  await page.evaluate(`(() => {
    const [event, done, also] = ${JSON.stringify([startEvent, doneSelector, alsoSelector])};
    const findIn = (selector) => document.querySelector(selector) ?? document.querySelector('[data-thread-root]')?.shadowRoot?.querySelector(selector) ?? null;
    window.__interaction = new Promise((resolve) => {
      let startedAt = null;
      window.addEventListener(event, () => { startedAt ??= performance.now(); }, { capture: true, once: true });
      const observer = new MutationObserver(() => {
        if (startedAt === null || !findIn(done) || (also && !findIn(also))) return;
        observer.disconnect();
        resolve(performance.now() - startedAt);
      });
      const options = { subtree: true, childList: true, attributes: true };
      observer.observe(document, options);
      const shadow = document.querySelector('[data-thread-root]')?.shadowRoot;
      if (shadow) observer.observe(shadow, options);
    });
  })()`);
  await act();
  return page.evaluate(() => (window as unknown as { __interaction: Promise<number> }).__interaction);
}

export interface FirstInteractions {
  /** Click on the sidebar button → the in-page sidebar open with its list (its first opening on the page). */
  sidebarMs: number;
  /** "?" → the keyboard help dialog shown (its first opening). */
  helpMs: number;
}

/**
 * The first opening of the reading-list sidebar and the keyboard help on a settled page, each timed from its input event;
 * the sidebar is closed again (its open state is remembered across loads, so it must not stay open); the tab closes after.
 */
export async function firstInteractions(page: Page): Promise<FirstInteractions> {
  const button = page.locator('[data-thread-action="sidebar"]');
  const sidebarMs = await timeInteraction(page, 'pointerdown', '[data-thread-sidebar="open"]', '[data-reading-list]', () => button.click());
  await button.click();
  await page.locator('[data-thread-sidebar="closed"]').waitFor({ state: 'attached' });
  await page.waitForTimeout(300); // let the closed state reach storage before the next load
  await page
    .locator('body')
    .click({ position: { x: 5, y: 5 } })
    .catch(() => undefined); // focus back on the page, not the button
  const helpMs = await timeInteraction(page, 'keydown', '[role="dialog"][data-thread-help]', null, () => page.keyboard.press('Shift+?'));
  return { sidebarMs, helpMs };
}

/** One fresh tab loads `url` under a CDP trace until settled (as loadOnce), summed by kind of work; the tab closes after. */
export async function tracedLoad(context: BrowserContext, url: string, expected: number | null, quietMs = 600): Promise<Attribution> {
  const page = await context.newPage();
  await page.addInitScript(PROBES);
  const cdp = await context.newCDPSession(page);
  try {
    const stop = await startTrace(cdp);
    await page.goto(url, { waitUntil: 'load' });
    if (expected !== null) await waitForComplete(page, expected);
    await settle(page, quietMs);
    const events = await stop();
    const sums = attribute(events, url);
    if (!sums) throw new Error(`no main thread for ${url} in the trace (${events.length} events)`);
    return { ...sums, ...(await domCounts(page, cdp)) };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}
