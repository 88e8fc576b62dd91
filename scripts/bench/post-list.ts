/**
 * What the post-list badges cost: the 20-post home page loaded in Chromium without Threadline, with it and nothing to
 * badge, and with 20 badges; main-thread time (CDP TaskDuration) and the longest task. `npx tsx scripts/bench/post-list.ts`
 * runs it alone; `measurePostListBadges(browsers)` is for scripts/bench.ts.
 */
import type { BrowserContext, Worker } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { listFixture, listFixtureIndex } from '../../tests/fixtures/serve-lists';
import { serveListVariant } from '../../tests/e2e/support/blog-routing';
import { clearStorageIn, writeStorageIn } from '../../tests/e2e/support/extension-pages';
import { launchBoth, loadAndThen, type Browsers, type LoadSample } from './browser';

export interface PostListBenchResult {
  page: string;
  posts: number;
  loads: number;
  /** Badges shown in each "with badges" load (all posts: one "N new", the rest "new post"). */
  badges: number;
  withoutMs: number;
  /** Threadline on, nothing to badge (the reader has seen everything). */
  quietMs: number;
  withBadgesMs: number;
  /** What the badges themselves cost: with badges minus with nothing to badge (medians). */
  badgesCostMs: number;
  /** Of that, script time (CDP ScriptDuration; the rest is style, layout and paint). */
  badgesScriptMs: number;
  /** What Threadline costs the list page in all: with badges minus without (medians). */
  threadlineCostMs: number;
  /** The longest task of any load with badges (0 when none reached 50 ms: the long-task threshold). */
  longestTaskMs: number;
  longestTaskWithoutMs: number;
  /** The longest task that began after DOMContentLoaded (when the content script can first run), with badges and without. */
  longestLateTaskMs: number;
  longestLateTaskWithoutMs: number;
  /** The same with Threadline on and nothing to badge (the content script's own start, without badges). */
  longestLateTaskQuietMs: number;
  /** Loads whose longest task after DOMContentLoaded reached 50 ms, of `loads`: with badges, and with nothing to badge. */
  loadsWithLateLongTask: number;
  quietLoadsWithLateLongTask: number;
}

interface Sample extends LoadSample {
  /** The longest task that began after DOMContentLoaded, ms (0: none over 50 ms). */
  lateTaskMs: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const round = (value: number, digits = 1): number => Number(value.toFixed(digits));

async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const ours = (worker: Worker) => worker.url().startsWith('chrome-extension://');
  return context.serviceWorkers().find(ours) ?? (await context.waitForEvent('serviceworker', { predicate: ours, timeout: 10_000 }));
}

/** One load, settled; with `badgesExpected`, fails unless that many badges were in the page when it was measured. */
async function load(context: BrowserContext, url: string, badgesExpected: number | null): Promise<Sample> {
  const { sample, after } = await loadAndThen(context, url, null, 600, (page) =>
    page.evaluate(() => {
      const domReady = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd;
      const tasks = (window as unknown as { __bench: { longTasks: Array<{ start: number; duration: number }> } }).__bench.longTasks;
      return {
        badges: document.querySelectorAll('[data-thread-new-count]').length,
        lateTaskMs: Math.max(0, ...tasks.filter((task) => task.start >= domReady).map((task) => task.duration)),
      };
    }),
  );
  if (badgesExpected !== null && after.badges !== badgesExpected) throw new Error(`expected ${badgesExpected} badges, the page had ${after.badges}`);
  return { ...sample, lateTaskMs: after.lateTaskMs };
}

/** Measure the badges on the 20-post home page (the fixture state where one post gained comments). */
export async function measurePostListBadges(browsers: Browsers, loads = Number(process.env.BENCH_LOADS ?? 7)): Promise<PostListBenchResult> {
  const list = listFixture('home', 'more');
  const posts = list.posts?.length ?? 0;
  const { growing } = listFixtureIndex();
  const worker = await extensionWorker(browsers.withExtension);
  serveListVariant('more');
  try {
    // Nothing to badge: the first use is now, and the growing post was seen with all its comments.
    const seenEverything = async () => {
      await clearStorageIn(worker);
      await writeStorageIn(worker, 'local', {
        'firstUse:probationmatters.blogspot.com': Date.now(),
        [`visit:${growing.postId}`]: { v: 1, at: Date.now(), count: growing.after },
      });
    };
    // Every post badged: the first use long ago, the growing post seen before its last five comments.
    const everythingNew = async () => {
      await clearStorageIn(worker);
      await writeStorageIn(worker, 'local', {
        'firstUse:probationmatters.blogspot.com': Date.parse('2000-01-01T00:00:00Z'),
        [`visit:${growing.postId}`]: { v: 1, at: growing.lastBaseCommentMs + 60_000, count: growing.before },
      });
    };
    const without: Sample[] = [];
    const quiet: Sample[] = [];
    const badged: Sample[] = [];
    await load(browsers.without, list.url, null); // warm caches in both before measuring
    await seenEverything();
    await load(browsers.withExtension, list.url, 0);
    for (let i = 0; i < loads; i++) {
      without.push(await load(browsers.without, list.url, null));
      await seenEverything();
      quiet.push(await load(browsers.withExtension, list.url, 0));
      await everythingNew();
      badged.push(await load(browsers.withExtension, list.url, posts));
    }
    const task = (samples: LoadSample[]) => median(samples.map((sample) => sample.taskMs));
    const script = (samples: LoadSample[]) => median(samples.map((sample) => sample.scriptMs));
    return {
      page: list.name,
      posts,
      loads,
      badges: posts,
      withoutMs: round(task(without)),
      quietMs: round(task(quiet)),
      withBadgesMs: round(task(badged)),
      badgesCostMs: round(task(badged) - task(quiet)),
      badgesScriptMs: round(script(badged) - script(quiet)),
      threadlineCostMs: round(task(badged) - task(without)),
      longestTaskMs: round(Math.max(...badged.map((sample) => sample.longestTaskMs))),
      longestTaskWithoutMs: round(Math.max(...without.map((sample) => sample.longestTaskMs))),
      longestLateTaskMs: round(Math.max(...badged.map((sample) => sample.lateTaskMs))),
      longestLateTaskWithoutMs: round(Math.max(...without.map((sample) => sample.lateTaskMs))),
      longestLateTaskQuietMs: round(Math.max(...quiet.map((sample) => sample.lateTaskMs))),
      loadsWithLateLongTask: badged.filter((sample) => sample.lateTaskMs > 0).length,
      quietLoadsWithLateLongTask: quiet.filter((sample) => sample.lateTaskMs > 0).length,
    };
  } finally {
    serveListVariant('base');
    await clearStorageIn(worker).catch(() => undefined);
  }
}

async function main(): Promise<void> {
  console.log('bench:post-list: launching Chromium with and without Threadline (dist/chrome: run `npm run build` first)…');
  const browsers = await launchBoth();
  try {
    const result = await measurePostListBadges(browsers);
    console.log(`Chromium ${browsers.version}, ${result.loads} loads each, medians of main-thread time (CDP TaskDuration):`);
    console.table(result);
  } finally {
    await browsers.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
