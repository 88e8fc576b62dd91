/** Playwright fixtures: one browser with Threadline per worker, fixture routing, request/console logs, storage access. */
import { test as base, expect, type BrowserContext, type ConsoleMessage, type Page, type Worker } from '@playwright/test';
import { routeBlogToFixtures, type RequestRecord } from './support/blog-routing';
import {
  chromiumServiceWorker,
  clearStorageIn,
  openExtensionPage,
  readStorageIn,
  writeStorageIn,
  copyWithHarnessPage,
  HARNESS_PAGE,
  isolatedWorldHas,
  waitForStorageQuiet,
  withTimeout,
  type ExtensionRealm,
  type StorageArea,
} from './support/extension-pages';
import { FIREFOX_DIST, launchChromiumWithExtension, launchFirefoxWithExtension } from './support/launch';
import { FEED_CHUNK_KEY } from '../../src/features/feed/chunk-api';
import { chunkKey, type ChunkName } from '../../src/shared/chunks';

export interface ConsoleRecord {
  source: 'console' | 'pageerror';
  /** console.* level ('warning', 'error', ...) or 'error' for uncaught page errors. */
  type: string;
  text: string;
  /** The page URL the message came from. */
  pageUrl: string;
}

/** The browser a worker shares between its tests. */
interface ExtensionBrowser {
  browserName: 'chromium' | 'firefox';
  extensionOrigin: string;
  /** A context for one test, with routing installed; `dispose` undoes what the test left behind. */
  newTestContext(record: (entry: RequestRecord) => void): Promise<{ context: BrowserContext; dispose(): Promise<void> }>;
  /** A place to run storage calls inside the extension (created on first use, reused by later tests). */
  storageRealm(): Promise<ExtensionRealm>;
  /**
   * Empty every storage area, once whatever the previous test's pages wrote while closing has landed (see
   * STORAGE_QUIET_MS); then nothing of that test can write into the next one.
   */
  resetStorage(): Promise<void>;
}

interface WorkerFixtures {
  extensionBrowser: ExtensionBrowser;
}

interface TestFixtures {
  /** Every http(s) request the browser made during the test, in order, with what the harness did with it. */
  requests: RequestRecord[];
  /** Console warnings/errors and uncaught page errors from every page of the test (resource-load noise excluded). */
  consoleMessages: ConsoleRecord[];
  extensionOrigin: string;
  openExtensionPage(path: string): Promise<Page>;
  readExtensionStorage(area?: StorageArea): Promise<Record<string, unknown>>;
  writeExtensionStorage(area: StorageArea, items: Record<string, unknown>): Promise<void>;
  clearExtensionStorage(): Promise<void>;
  /** Whether the feed chunk (feed.js) has registered in the isolated world of the tab showing `pageUrl`. */
  feedChunkInjected(pageUrl: string): Promise<boolean>;
  /** Whether the named on-demand chunk has registered in the isolated world of the tab showing `pageUrl`. */
  chunkInjected(chunk: ChunkName, pageUrl: string): Promise<boolean>;
}

/**
 * How long extension storage must stay unchanged, after the previous test's pages have closed, before it is cleared.
 * A closing blog page records its visit and reading progress on pagehide. Closed one by one with their unload
 * handlers (closeRunningUnload), those writes were always in storage by the time the close finished (Firefox and
 * Chromium, filters and reading specs); when Firefox closed the whole context instead, they could land after the
 * next test had begun. The quiet period is the check that nothing is still on its way.
 */
const STORAGE_QUIET_MS = 300;
/** If storage is still changing after this, something outlived its test: fail rather than start on a moving state. */
const STORAGE_QUIET_MAX_MS = 10_000;

/**
 * Close a test's page the way a reader closing the tab would (beforeunload, pagehide and unload all run) and wait until
 * it is gone. A beforeunload prompt (dismissed by Playwright) would keep it open: then it is closed without one.
 */
async function closeRunningUnload(page: Page): Promise<void> {
  if (page.isClosed()) return;
  const closed = new Promise<void>((resolve) => page.once('close', () => resolve()));
  await page.close({ runBeforeUnload: true });
  await withTimeout(closed, 5000, `closing ${page.url()}`).catch(() => page.close());
}

/**
 * One storage reset per test, shared by both browsers: wait out the writes of pages closed since the last reset,
 * then clear every area.
 */
function storageResetter(realm: () => Promise<ExtensionRealm>): { pagesClosed(): void; reset(): Promise<void> } {
  // The first test also waits: the freshly installed extension may still be writing its start-up state.
  let pending = true;
  return {
    pagesClosed() {
      pending = true;
    },
    async reset() {
      const where = await realm();
      if (pending) {
        await waitForStorageQuiet(where, STORAGE_QUIET_MS, STORAGE_QUIET_MAX_MS);
        pending = false;
      }
      await clearStorageIn(where);
    },
  };
}

const KEPT_CONSOLE_TYPES = new Set(['warning', 'error', 'assert']);

/** "Failed to load resource" lines are the browser reporting the harness's own aborts; `requests` records those. */
function isAbortNoise(message: ConsoleMessage): boolean {
  return /^Failed to load resource/i.test(message.text());
}

function watchConsole(context: BrowserContext, sink: ConsoleRecord[]): () => void {
  const attached = new Set<Page>();
  const attach = (page: Page) => {
    if (attached.has(page)) return;
    attached.add(page);
    page.on('console', (message) => {
      if (!KEPT_CONSOLE_TYPES.has(message.type()) || isAbortNoise(message)) return;
      sink.push({ source: 'console', type: message.type(), text: message.text(), pageUrl: page.url() });
    });
    page.on('pageerror', (error) => {
      sink.push({ source: 'pageerror', type: 'error', text: `${error.name}: ${error.message}`, pageUrl: page.url() });
    });
  };
  context.pages().forEach(attach);
  context.on('page', attach);
  return () => {
    context.off('page', attach);
    for (const page of attached) page.removeAllListeners('console').removeAllListeners('pageerror');
  };
}

async function launchChromiumBrowser(): Promise<{ harness: ExtensionBrowser; close(): Promise<void> }> {
  const launched = await launchChromiumWithExtension({ headless: true });
  const { context, extensionOrigin } = launched;
  let currentRecorder: ((entry: RequestRecord) => void) | null = null;
  await routeBlogToFixtures(context, (entry) => currentRecorder?.(entry));
  let worker: Worker | null = null;
  const storage = storageResetter(() => harness.storageRealm());
  const harness: ExtensionBrowser = {
    browserName: 'chromium',
    extensionOrigin,
    async newTestContext(record) {
      currentRecorder = record;
      const pagesBefore = new Set(context.pages());
      return {
        context,
        async dispose() {
          // The persistent context outlives the test: close the test's pages (running their unload handlers, whose
          // storage writes the next reset waits for) and forget its cookies.
          const opened = context.pages().filter((page) => !pagesBefore.has(page));
          await Promise.all(opened.map(closeRunningUnload));
          if (opened.length > 0) storage.pagesClosed();
          currentRecorder = null;
          await context.clearCookies();
        },
      };
    },
    async storageRealm() {
      if (worker) return worker;
      const found = await chromiumServiceWorker(context, extensionOrigin);
      if (!found) throw new Error("the extension's background service worker is not running in Chromium");
      // MV3 may stop the worker; the next call then finds the restarted one.
      found.once('close', () => {
        if (worker === found) worker = null;
      });
      worker = found;
      return found;
    },
    resetStorage: () => storage.reset(),
  };
  return { harness, close: () => launched.close() };
}

async function launchFirefoxBrowser(): Promise<{ harness: ExtensionBrowser; close(): Promise<void> }> {
  const addon = copyWithHarnessPage(FIREFOX_DIST);
  const launched = await launchFirefoxWithExtension({ headless: true, addonPath: addon.dir }).catch((error: unknown) => {
    addon.remove();
    throw error;
  });
  const { browser, extensionOrigin } = launched;
  let realm: Page | null = null;
  const storage = storageResetter(() => harness.storageRealm());
  const harness: ExtensionBrowser = {
    browserName: 'firefox',
    extensionOrigin,
    async newTestContext(record) {
      const context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1280, height: 900 } });
      await routeBlogToFixtures(context, record);
      return {
        context,
        async dispose() {
          // Close the test's pages one by one first, running their unload handlers (whose storage writes the next
          // reset waits for): closing the whole context let those writes land after the next test had begun.
          // moz-extension tabs cannot be closed under Playwright 1.64.1's BiDi (it hangs); the specs open extension
          // pages in contexts of their own (options-support.ts, reading.spec.ts).
          const opened = context.pages();
          await Promise.all(opened.filter((page) => !page.url().startsWith('moz-extension:')).map(closeRunningUnload));
          if (opened.length > 0) storage.pagesClosed();
          await context.close();
        },
      };
    },
    async storageRealm() {
      if (realm && !realm.isClosed()) return realm;
      const storageContext = await browser.newContext();
      realm = await openExtensionPage(storageContext, HARNESS_PAGE, { browserName: 'firefox', extensionOrigin });
      return realm;
    },
    resetStorage: () => storage.reset(),
  };
  return {
    harness,
    async close() {
      await launched.close();
      addon.remove();
    },
  };
}

export const test = base.extend<TestFixtures & { isolation: void }, WorkerFixtures>({
  extensionBrowser: [
    async ({ browserName }, use) => {
      if (browserName === 'webkit') throw new Error('Threadline is tested in chromium and firefox only');
      const { harness, close } = browserName === 'chromium' ? await launchChromiumBrowser() : await launchFirefoxBrowser();
      await use(harness);
      await close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],

  requests: async ({}, use) => {
    await use([]);
  },

  consoleMessages: async ({}, use) => {
    await use([]);
  },

  context: async ({ extensionBrowser, requests, consoleMessages }, use) => {
    const { context, dispose } = await extensionBrowser.newTestContext((entry) => requests.push(entry));
    const stopWatching = watchConsole(context, consoleMessages);
    await use(context);
    stopWatching();
    await dispose();
  },

  page: async ({ context }, use) => {
    await use(await context.newPage());
  },

  extensionOrigin: async ({ extensionBrowser }, use) => {
    await use(extensionBrowser.extensionOrigin);
  },

  openExtensionPage: async ({ context, extensionBrowser }, use) => {
    await use((path) =>
      openExtensionPage(context, path, {
        browserName: extensionBrowser.browserName,
        extensionOrigin: extensionBrowser.extensionOrigin,
      }),
    );
  },

  readExtensionStorage: async ({ extensionBrowser }, use) => {
    await use(async (area = 'local') => readStorageIn(await extensionBrowser.storageRealm(), area));
  },

  writeExtensionStorage: async ({ extensionBrowser }, use) => {
    await use(async (area, items) => writeStorageIn(await extensionBrowser.storageRealm(), area, items));
  },

  clearExtensionStorage: async ({ extensionBrowser }, use) => {
    await use(async () => clearStorageIn(await extensionBrowser.storageRealm()));
  },

  feedChunkInjected: async ({ extensionBrowser }, use) => {
    await use(async (pageUrl) => isolatedWorldHas(await extensionBrowser.storageRealm(), pageUrl, FEED_CHUNK_KEY.description!));
  },

  chunkInjected: async ({ extensionBrowser }, use) => {
    await use(async (chunk, pageUrl) => isolatedWorldHas(await extensionBrowser.storageRealm(), pageUrl, chunkKey(chunk).description!));
  },

  /**
   * Every test starts with empty extension storage, whatever the previous test in the worker saved: that test's pages
   * were closed with their unload handlers when its context was disposed, and the reset waits until their last writes
   * have landed before it clears, so nothing of theirs arrives once this test has begun.
   */
  isolation: [
    async ({ extensionBrowser }, use) => {
      await extensionBrowser.resetStorage();
      await use();
    },
    { auto: true },
  ],
});

export { expect };
