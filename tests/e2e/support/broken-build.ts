/** A build with files missing (a broken or half-applied update), run in a browser of its own: for the chunk-failure specs. */
import type { Browser, BrowserContext } from '@playwright/test';
import { cpSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { requireBrowser } from '../../../scripts/find-browsers';
import { routeBlogToFixtures } from './blog-routing';
import { copyWithHarnessPage } from './extension-pages';
import { CHROME_DIST, FIREFOX_DIST, launchFirefoxWithExtension } from './launch';

/** A copy of a build with some files missing (a broken or half-applied update); `restore` puts them back. */
export function buildWithoutFiles(dist: string, files: string[], withHarness: boolean): { dir: string; restore(): void; remove(): void } {
  const copy = withHarness
    ? copyWithHarnessPage(dist)
    : (() => {
        const dir = mkdtempSync(join(tmpdir(), 'threadline-nochunk-'));
        cpSync(dist, dir, { recursive: true });
        return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
      })();
  for (const file of files) renameSync(join(copy.dir, file), join(copy.dir, `${file}.aside`));
  return {
    dir: copy.dir,
    restore: () => {
      for (const file of files) renameSync(join(copy.dir, `${file}.aside`), join(copy.dir, file));
    },
    remove: copy.remove,
  };
}

/** A browser of its own with the given unpacked build, blog routing installed; Threadline's console lines collected. */
export async function launchWith(browserName: string, dir: string): Promise<{ context: BrowserContext; warnings: string[]; close(): Promise<void> }> {
  let context: BrowserContext;
  let close: () => Promise<void>;
  if (browserName === 'chromium') {
    const profile = mkdtempSync(join(tmpdir(), 'threadline-nochunk-profile-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: requireBrowser('chromium'),
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--no-sandbox'],
    });
    close = async () => {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    };
  } else {
    const launched = await launchFirefoxWithExtension({ headless: true, addonPath: dir });
    const browser: Browser = launched.browser;
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    close = () => launched.close();
  }
  await routeBlogToFixtures(context);
  const warnings: string[] = [];
  context.on('console', (message) => {
    if (/Threadline/.test(message.text())) warnings.push(message.text());
  });
  return { context, warnings, close };
}

export type BuildMissing = ReturnType<typeof buildWithoutFiles>;
export type LaunchedBuild = Awaited<ReturnType<typeof launchWith>>;

/** Run `use` in a browser of its own loaded with this browser's build minus `files`; browser and copy go away after. */
export async function withBuildMissing(
  browserName: string,
  files: string[],
  use: (browser: LaunchedBuild, build: BuildMissing) => Promise<void>,
): Promise<void> {
  const build = buildWithoutFiles(browserName === 'chromium' ? CHROME_DIST : FIREFOX_DIST, files, browserName === 'firefox');
  try {
    const browser = await launchWith(browserName, build.dir);
    try {
      await use(browser, build);
    } finally {
      await browser.close();
    }
  } finally {
    build.remove();
  }
}
