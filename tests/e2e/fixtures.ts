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
  const harness: ExtensionBrowser = {
    browserName: 'chromium',
    extensionOrigin,
    async newTestContext(record) {
      currentRecorder = record;
      const pagesBefore = new Set(context.pages());
      return {
        context,
        async dispose() {
          currentRecorder = null;
          // The persistent context outlives the test: close the test's pages and forget its cookies.
          for (const page of context.pages()) if (!pagesBefore.has(page)) await page.close();
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
  const harness: ExtensionBrowser = {
    browserName: 'firefox',
    extensionOrigin,
    async newTestContext(record) {
      const context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1280, height: 900 } });
      await routeBlogToFixtures(context, record);
      return { context, dispose: () => context.close() };
    },
    async storageRealm() {
      if (realm && !realm.isClosed()) return realm;
      const storageContext = await browser.newContext();
      realm = await openExtensionPage(storageContext, HARNESS_PAGE, { browserName: 'firefox', extensionOrigin });
      return realm;
    },
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

  /** Every test starts with empty extension storage, whatever the previous test in the worker saved. */
  isolation: [
    async ({ clearExtensionStorage }, use) => {
      await clearExtensionStorage();
      await use();
    },
    { auto: true },
  ],
});

export { expect };
