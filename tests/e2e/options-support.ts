/** Helpers for the options, popup and other-blog specs: extension pages Firefox can live with, axe inside a page, tab ids. */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import axe from 'axe-core';
import type { Page } from '@playwright/test';
import { test as base } from './fixtures';
import { openExtensionPage as openExtensionPageIn } from './support/extension-pages';
import { REPO_ROOT } from './support/launch';

/**
 * In Firefox, closing a context that holds a moz-extension page hangs under Playwright 1.64.1's BiDi driver, so
 * extension pages get a context of their own there, left open for the worker's lifetime (as reading.spec.ts does).
 */
export const test = base.extend({
  openExtensionPage: async ({ openExtensionPage, context, browserName, extensionOrigin }, use) => {
    if (browserName !== 'firefox') return use(openExtensionPage);
    await use(async (path) => openExtensionPageIn(await context.browser()!.newContext(), path, { browserName: 'firefox', extensionOrigin }));
  },
});

/** The stored settings record (empty object before anything was saved). */
export async function settingsIn(readExtensionStorage: (area: 'sync') => Promise<Record<string, unknown>>): Promise<Record<string, any>> {
  return ((await readExtensionStorage('sync')).settings ?? {}) as Record<string, any>;
}

/**
 * axe-core run inside the page itself: AxeBuilder opens a helper tab, which Firefox's BiDi refuses next to an extension
 * page ("no such user context"), so the source is evaluated in the page and axe.run called there.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const run = (globalThis as unknown as { axe: typeof axe }).axe.run;
    const results = await run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  });
}

type TabsApi = { tabs: { query(filter: { url: string }): Promise<{ id?: number }[]> } };

/** The id of the first tab whose URL matches `pattern` (the extension needs host access to it), asked from an extension page. */
export async function tabIdOf(extensionPage: Page, pattern: string): Promise<number> {
  const id = await extensionPage.evaluate(async (url) => {
    const globals = globalThis as { browser?: TabsApi; chrome?: TabsApi };
    const [tab] = await (globals.browser ?? globals.chrome)!.tabs.query({ url });
    return tab?.id ?? null;
  }, pattern);
  if (id === null) throw new Error(`no tab matches ${pattern}`);
  return id;
}

/** Where the README's screenshots live; a test writes one only when E2E_SCREENSHOT is set (Chromium), as threads.spec.ts does. */
export function screenshotFile(name: string): string {
  const file = join(REPO_ROOT, 'assets', 'screenshots', `${name}.png`);
  mkdirSync(dirname(file), { recursive: true });
  return file;
}
