/** `npm start [-- --firefox] [--fixture=<name>]`: build, then open a browser with Threadline on an offline fixture post. */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { routeBlogToFixtures } from '../tests/e2e/support/blog-routing';
import { CHROME_DIST, FIREFOX_DIST, REPO_ROOT, launchChromiumWithExtension, launchFirefoxWithExtension } from '../tests/e2e/support/launch';
import { buildTarget } from './build';
import { findBrowser } from './find-browsers';

interface FixtureEntry {
  name: string;
  url: string;
  layout?: string;
  commentCount?: number;
}

/** The fixture post to show: `--fixture=<name>`, else the first threaded (v2) post with replies to look at. */
export function chooseFixture(entries: FixtureEntry[], wanted: string | undefined): FixtureEntry {
  if (wanted) {
    const named = entries.find((entry) => entry.name === wanted);
    if (!named) throw new Error(`no fixture named "${wanted}"; known: ${entries.map((entry) => entry.name).join(', ')}`);
    return named;
  }
  const withComments = entries.filter((entry) => (entry.commentCount ?? 0) > 0);
  const chosen = withComments.find((entry) => entry.layout === 'threaded-v2') ?? withComments[0] ?? entries[0];
  if (!chosen) throw new Error('tests/fixtures/index.json lists no pages');
  return chosen;
}

function readFixtureIndex(): FixtureEntry[] {
  const raw = JSON.parse(readFileSync(join(REPO_ROOT, 'tests', 'fixtures', 'index.json'), 'utf8')) as unknown;
  const list = Array.isArray(raw) ? raw : (raw as { pages?: unknown }).pages;
  if (!Array.isArray(list)) throw new Error('tests/fixtures/index.json: expected a list of pages');
  return list as FixtureEntry[];
}

/** True on Linux/BSD sessions without an X or Wayland display (a headed browser cannot open there). */
export function lacksDisplay(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  if (platform === 'darwin' || platform === 'win32') return false;
  return !env.DISPLAY && !env.WAYLAND_DISPLAY;
}

function printManualLoadHelp(reason: string): void {
  const chrome = relative(process.cwd(), CHROME_DIST) || CHROME_DIST;
  const firefox = relative(process.cwd(), FIREFOX_DIST) || FIREFOX_DIST;
  console.log(`${reason}
The built extensions are ready to load by hand:
  Chrome/Chromium: ${chrome}   → chrome://extensions, turn on "Developer mode", "Load unpacked", choose that folder.
  Firefox:         ${firefox}  → about:debugging#/runtime/this-firefox, "Load Temporary Add-on…", choose its manifest.json.
Then open https://probationmatters.blogspot.com/ (the live blog), or run \`npm start\` where a display is available
(for example under \`xvfb-run -a npm start\` with a VNC viewer) to see an offline fixture post.`);
}

/** Resolves when the user closes the browser window (or on Ctrl+C). */
function untilClosed(closeEvent: Promise<unknown>, close: () => Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => void close().finally(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    void closeEvent.then(() => resolve());
  });
}

/** Open `url` (served from the fixtures) and say whether Threadline took over its comment section. */
async function openOn(context: BrowserContext, url: string): Promise<void> {
  await routeBlogToFixtures(context);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  try {
    await page.locator('[data-thread-root][data-state="ready"]').waitFor({ state: 'attached', timeout: 15_000 });
    const count = await page.locator('[data-thread-comment]').count();
    console.log(`Threadline is showing ${count} comments in threads.`);
  } catch {
    console.log('Threadline did not restructure this page within 15 s; the browser console says why.');
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const useFirefox = args.includes('--firefox');
  const fixtureName = args.find((arg) => arg.startsWith('--fixture='))?.slice('--fixture='.length);

  for (const target of ['chrome', 'firefox'] as const) {
    const { outdir } = await buildTarget(target);
    console.log(`built ${target} → ${relative(process.cwd(), outdir) || outdir}`);
  }

  if (lacksDisplay()) {
    printManualLoadHelp('No display here ($DISPLAY and $WAYLAND_DISPLAY are unset), so no browser window can open.');
    return;
  }
  const browserName = useFirefox ? 'firefox' : 'chromium';
  const executablePath = findBrowser(browserName);
  if (!executablePath) {
    printManualLoadHelp(`No ${browserName} found: run \`sh scripts/ensure-browsers.sh\` or set ${useFirefox ? 'FIREFOX_PATH' : 'CHROMIUM_PATH'}.`);
    return;
  }

  const fixture = chooseFixture(readFixtureIndex(), fixtureName);
  console.log(`opening ${browserName} (${executablePath}) on fixture "${fixture.name}": ${fixture.url}`);
  console.log('Everything is served offline from tests/fixtures; other requests are blocked. Close the window to stop.');

  if (useFirefox) {
    const launched = await launchFirefoxWithExtension({ headless: false, executablePath });
    const context = await launched.browser.newContext({ viewport: null });
    await openOn(context, fixture.url);
    await untilClosed(new Promise((resolve) => launched.browser.once('disconnected', resolve)), launched.close);
    await launched.close();
  } else {
    const launched = await launchChromiumWithExtension({ headless: false, executablePath, viewport: null });
    await openOn(launched.context, fixture.url);
    await untilClosed(new Promise((resolve) => launched.context.once('close', resolve)), launched.close);
    await launched.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
