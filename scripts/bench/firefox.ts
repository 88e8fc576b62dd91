/**
 * Firefox side of the bench: main-thread busy time of a page load with and without Threadline, from performance.now()
 * marks of a page-world heartbeat (Firefox has no long-task API and no CDP; its profiler is not drivable here).
 */
import { firefox, type Browser, type BrowserContext } from 'playwright-core';
import { routeBlogToFixtures } from '../../tests/e2e/support/blog-routing';
import { launchFirefoxWithExtension } from '../../tests/e2e/support/launch';
import { requireBrowser } from '../find-browsers';

/**
 * A chain of MessageChannel messages from document start: each step notes performance.now(); a gap of 1 ms or more
 * between two steps is time the main thread spent on something else (parsing, script, style, layout, paint).
 */
const HEARTBEAT = `(() => {
  const w = window;
  const state = { busyMs: 0, gaps: 0, longest: 0, running: true, last: performance.now(), started: performance.now() };
  w.__benchBusy = state;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const now = performance.now();
    const gap = now - state.last;
    if (gap >= 1) { state.busyMs += gap; state.gaps += 1; if (gap > state.longest) state.longest = gap; }
    state.last = now;
    if (state.running) channel.port2.postMessage(0);
  };
  channel.port2.postMessage(0);
})();`;

interface Busy {
  busyMs: number;
  gaps: number;
  longest: number;
  started: number;
}

export interface FirefoxSample {
  busyMs: number;
  longestGapMs: number;
}

async function loadBusy(context: BrowserContext, url: string, expected: number | null, quietMs: number): Promise<FirefoxSample> {
  const page = await context.newPage();
  try {
    await page.addInitScript(HEARTBEAT);
    await page.goto(url, { waitUntil: 'load' });
    if (expected !== null)
      await page.waitForFunction(
        (count) => {
          const host = document.querySelector('[data-thread-root]');
          const scope = host?.shadowRoot;
          if (!scope || host?.getAttribute('data-state') !== 'ready' || scope.querySelector('[data-thread-feed="loading"]')) return false;
          return scope.querySelectorAll('[data-thread-comment], [data-thread-standin]').length >= count;
        },
        expected,
        { timeout: 120_000, polling: 50 },
      );
    await page.waitForTimeout(quietMs);
    const busy = (await page.evaluate(() => {
      const state = (window as unknown as { __benchBusy: Busy & { running: boolean } }).__benchBusy;
      state.running = false;
      return state;
    })) as Busy;
    return { busyMs: busy.busyMs, longestGapMs: busy.longest };
  } finally {
    await page.close();
  }
}

export interface FirefoxOverhead {
  version: string;
  loads: number;
  withBusyMs: number;
  withoutBusyMs: number;
  ratio: number;
  longestGapWithMs: number;
}

/** Median busy time of `loads` interleaved loads of `url` in Firefox ESR with dist/firefox and in a second Firefox without. */
export async function firefoxOverhead(url: string, expected: number, loads: number): Promise<FirefoxOverhead> {
  const withAddon = await launchFirefoxWithExtension({ headless: true });
  let bare: Browser | null = null;
  try {
    bare = await firefox.launch({ channel: 'moz-firefox', executablePath: requireBrowser('firefox'), headless: true });
    const withContext = await withAddon.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const bareContext = await bare.newContext({ viewport: { width: 1280, height: 900 } });
    await routeBlogToFixtures(withContext);
    await routeBlogToFixtures(bareContext);
    await loadBusy(withContext, url, expected, 600); // warm caches in both before measuring
    await loadBusy(bareContext, url, null, 600);
    const withSamples: FirefoxSample[] = [];
    const withoutSamples: FirefoxSample[] = [];
    for (let i = 0; i < loads; i++) {
      withSamples.push(await loadBusy(withContext, url, expected, 800));
      withoutSamples.push(await loadBusy(bareContext, url, null, 800));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
    const withBusy = median(withSamples.map((s) => s.busyMs));
    const withoutBusy = median(withoutSamples.map((s) => s.busyMs));
    return {
      version: withAddon.browser.version(),
      loads,
      withBusyMs: Math.round(withBusy),
      withoutBusyMs: Math.round(withoutBusy),
      ratio: Math.round((withBusy / withoutBusy) * 100) / 100,
      longestGapWithMs: Math.round(Math.max(...withSamples.map((s) => s.longestGapMs))),
    };
  } finally {
    await bare?.close().catch(() => undefined);
    await withAddon.close();
  }
}
