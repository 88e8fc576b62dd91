/** Opens the extension's own pages (with Firefox's new-tab retry) and reads or clears extension storage. */
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type StorageArea = 'local' | 'sync' | 'session';

/** Reject after `ms` unless `promise` settles first (some Firefox extension-page calls never settle). */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

export interface OpenExtensionPageOptions {
  browserName: 'chromium' | 'firefox';
  extensionOrigin: string;
  /** Firefox: attempts before giving up (each in a new tab). */
  attempts?: number;
  /** Firefox: how long one attempt may take to show a usable page. */
  probeTimeoutMs?: number;
}

/**
 * Open `<extensionOrigin>/<path>` in a new tab of `context` and wait until its script realm answers.
 * Firefox's BiDi never reports `load` for moz-extension pages and, a few percent of the time, never announces their
 * realm at all; reloading does not help, so a stuck attempt is closed and retried in a fresh tab.
 */
export async function openExtensionPage(context: BrowserContext, path: string, options: OpenExtensionPageOptions): Promise<Page> {
  const url = `${options.extensionOrigin}/${path.replace(/^\//, '')}`;
  if (options.browserName === 'chromium') {
    const page = await context.newPage();
    await page.goto(url);
    return page;
  }
  const attempts = options.attempts ?? 4;
  const probeTimeoutMs = options.probeTimeoutMs ?? 4000;
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const page = await context.newPage();
    try {
      await withTimeout(page.goto(url, { waitUntil: 'commit' }), probeTimeoutMs, `opening ${url}`);
      await withTimeout(
        page.waitForFunction((origin) => location.origin === origin && document.readyState === 'complete', options.extensionOrigin, {
          timeout: probeTimeoutMs,
        }),
        probeTimeoutMs + 500,
        `waiting for ${url} to be ready`,
      );
      return page;
    } catch (error) {
      lastError = error;
      await withTimeout(page.close(), 2000, 'closing a stuck extension tab').catch(() => undefined);
    }
  }
  throw new Error(`could not open ${url} after ${attempts} attempts: ${String(lastError)}`);
}

/** A blank page the harness adds to its copy of the Firefox build: an extension realm with `browser.storage`. */
export const HARNESS_PAGE = 'e2e-harness.html';

/**
 * Copy an unpacked build to a temporary directory and add HARNESS_PAGE (no script, so the CSP is untouched).
 * Firefox has no service worker to evaluate in, and the build may have no page of its own yet.
 */
export function copyWithHarnessPage(distDir: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'threadline-addon-'));
  cpSync(distDir, dir, { recursive: true });
  writeFileSync(
    join(dir, HARNESS_PAGE),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>e2e</title></head><body></body></html>\n',
  );
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The slice of the WebExtension storage API the harness uses (Chromium's `chrome` or Firefox's `browser`). */
interface StorageApi {
  storage: Record<
    StorageArea,
    { get(keys: null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void>; clear(): Promise<void> } | undefined
  >;
}
type ExtensionGlobals = { browser?: StorageApi; chrome?: StorageApi };

/** Something that can run a function inside the extension: Chromium's service worker or an extension page. */
export type ExtensionRealm = Page | Worker;

/** Run `fn(arg)` in a realm; pages and workers have the same evaluate, but TypeScript cannot call the union. */
function evaluateIn<R, Arg>(realm: ExtensionRealm, fn: (arg: Arg) => R | Promise<R>, arg: Arg): Promise<R> {
  const loose = fn as (value: unknown) => R | Promise<R>;
  return 'goto' in realm ? realm.evaluate(loose, arg as unknown) : realm.evaluate(loose, arg as unknown);
}

/** Chromium's background service worker for `extensionOrigin`, if it runs (waits briefly for it to start). */
export async function chromiumServiceWorker(context: BrowserContext, extensionOrigin: string, waitMs = 3000): Promise<Worker | null> {
  const ours = (worker: Worker) => worker.url().startsWith(`${extensionOrigin}/`);
  const running = context.serviceWorkers().find(ours);
  if (running) return running;
  try {
    return await context.waitForEvent('serviceworker', { predicate: ours, timeout: waitMs });
  } catch {
    return null;
  }
}

/** Everything in one storage area of the extension. */
export async function readStorageIn(realm: ExtensionRealm, area: StorageArea): Promise<Record<string, unknown>> {
  return withTimeout(
    evaluateIn(
      realm,
      async (name: StorageArea) => {
        const globals = globalThis as ExtensionGlobals;
        const storageArea = (globals.browser ?? globals.chrome)?.storage[name];
        if (!storageArea) throw new Error(`storage.${name} is not available here`);
        return storageArea.get(null);
      },
      area,
    ),
    10_000,
    `reading storage.${area}`,
  );
}

/** Write items into one storage area of the extension (to start a test from a saved state). */
export async function writeStorageIn(realm: ExtensionRealm, area: StorageArea, items: Record<string, unknown>): Promise<void> {
  await withTimeout(
    evaluateIn(
      realm,
      async ({ name, values }: { name: StorageArea; values: Record<string, unknown> }) => {
        const globals = globalThis as ExtensionGlobals;
        const storageArea = (globals.browser ?? globals.chrome)?.storage[name];
        if (!storageArea) throw new Error(`storage.${name} is not available here`);
        await storageArea.set(values);
      },
      { name: area, values: items },
    ),
    10_000,
    `writing storage.${area}`,
  );
}

/** Empty every storage area of the extension (session only where the browser has it). */
export async function clearStorageIn(realm: ExtensionRealm): Promise<void> {
  await withTimeout(
    evaluateIn(
      realm,
      async () => {
        const globals = globalThis as ExtensionGlobals;
        const storage = (globals.browser ?? globals.chrome)?.storage;
        if (!storage) throw new Error('the storage API is not available here');
        for (const area of [storage.local, storage.sync, storage.session]) await area?.clear();
      },
      undefined,
    ),
    10_000,
    'clearing extension storage',
  );
}

/** What `waitForStorageQuiet` saw: how many storage.onChanged events, the last one how long after it began. */
export interface StorageQuiet {
  changes: number;
  lastChangeAfterMs: number | null;
  waitedMs: number;
}

/**
 * Wait in `realm` until the extension's storage has had no change for `quietMs` in a row; fail if it is still changing
 * after `maxMs`. Writes that landed before the call are done; any landing later show up as storage.onChanged here.
 */
export async function waitForStorageQuiet(realm: ExtensionRealm, quietMs: number, maxMs: number): Promise<StorageQuiet> {
  const seen = await withTimeout(
    evaluateIn(
      realm,
      ({ quiet, max }: { quiet: number; max: number }) =>
        new Promise<StorageQuiet & { settled: boolean }>((resolve, reject) => {
          type OnChanged = { addListener(fn: () => void): void; removeListener(fn: () => void): void };
          const globals = globalThis as { browser?: { storage: { onChanged: OnChanged } }; chrome?: { storage: { onChanged: OnChanged } } };
          const onChanged = (globals.browser ?? globals.chrome)?.storage.onChanged;
          if (!onChanged) return reject(new Error('storage.onChanged is not available here'));
          const started = performance.now();
          let last = started;
          let changes = 0;
          const listener = () => {
            changes += 1;
            last = performance.now();
          };
          onChanged.addListener(listener);
          const check = () => {
            const now = performance.now();
            const settled = now - last >= quiet;
            if (!settled && now - started < max) return void setTimeout(check, Math.min(50, quiet - (now - last)));
            onChanged.removeListener(listener);
            resolve({ settled, changes, lastChangeAfterMs: changes ? Math.round(last - started) : null, waitedMs: Math.round(now - started) });
          };
          setTimeout(check, quiet);
        }),
      { quiet: quietMs, max: maxMs },
    ),
    maxMs + 5000,
    'waiting for extension storage to stay unchanged',
  );
  if (!seen.settled) {
    throw new Error(`extension storage was still changing after ${seen.waitedMs} ms (${seen.changes} changes): something outlived its test`);
  }
  return { changes: seen.changes, lastChangeAfterMs: seen.lastChangeAfterMs, waitedMs: seen.waitedMs };
}

/** The slice of the scripting and tabs APIs the isolated-world probe uses. */
interface ScriptingApi {
  tabs: { query(filter: object): Promise<{ id?: number; url?: string }[]> };
  scripting: {
    executeScript(injection: { target: { tabId: number }; func: (key: string) => boolean; args: [string] }): Promise<{ result?: unknown }[]>;
  };
}

/**
 * Whether `Symbol.for(key)` is set on the extension's isolated world in the tab showing `pageUrl` (top frame): asked
 * from inside the extension with scripting.executeScript, since neither the page nor the harness can see that world.
 */
export async function isolatedWorldHas(realm: ExtensionRealm, pageUrl: string, key: string): Promise<boolean> {
  return withTimeout(
    evaluateIn(
      realm,
      async ({ url, symbolKey }: { url: string; symbolKey: string }) => {
        const globals = globalThis as { browser?: ScriptingApi; chrome?: ScriptingApi };
        const api = (globals.browser ?? globals.chrome)!;
        const tab = (await api.tabs.query({})).find((candidate) => candidate.url === url);
        if (tab?.id === undefined) throw new Error(`no tab shows ${url}`);
        const [frame] = await api.scripting.executeScript({
          target: { tabId: tab.id },
          func: (name: string) => Symbol.for(name) in globalThis,
          args: [symbolKey],
        });
        return frame?.result === true;
      },
      { url: pageUrl, symbolKey: key },
    ),
    10_000,
    `probing the isolated world of ${pageUrl}`,
  );
}
