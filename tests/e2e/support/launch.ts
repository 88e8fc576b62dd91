/** Launches Chromium or Firefox ESR with the built extension loaded (shared by the e2e fixtures and `npm start`). */
import { chromium, firefox, type Browser, type BrowserContext } from 'playwright-core';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireBrowser } from '../../../scripts/find-browsers';
import { GECKO_ID } from '../../../scripts/manifest';
import { freePort, installTemporaryAddon } from './firefox-rdp';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The unpacked builds under test (E2E_CHROME_DIR / E2E_FIREFOX_DIR point the harness at other builds). */
export const CHROME_DIST = resolve(process.env.E2E_CHROME_DIR ?? join(REPO_ROOT, 'dist', 'chrome'));
export const FIREFOX_DIST = resolve(process.env.E2E_FIREFOX_DIR ?? join(REPO_ROOT, 'dist', 'firefox'));

/** Pinned with the `extensions.webextensions.uuids` pref, so the Firefox extension origin is known in advance. */
export const MOZ_EXTENSION_UUID = '5f0c2d1e-7a43-4b8e-9c61-3d2a8e4f7b10';
export const FIREFOX_EXTENSION_ORIGIN = `moz-extension://${MOZ_EXTENSION_UUID}`;

/** Chromium's id for an unpacked extension: SHA-256 of its absolute path, first 32 hex digits mapped 0-f → a-p. */
export function chromiumExtensionId(absolutePath: string): string {
  const hex = createHash('sha256').update(absolutePath).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

function assertBuilt(dir: string): void {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`${dir} has no manifest.json: run \`npm run build\` first.`);
  }
}

export interface LaunchOptions {
  headless: boolean;
  executablePath?: string;
  /** Chromium only: null lets a headed window size the page itself. */
  viewport?: { width: number; height: number } | null;
  /** Firefox only: the unpacked add-on to install (default dist/firefox). */
  addonPath?: string;
}

export interface ChromiumWithExtension {
  context: BrowserContext;
  extensionOrigin: string;
  close(): Promise<void>;
}

/** A persistent Chromium context with dist/chrome loaded (extensions need a persistent profile). */
export async function launchChromiumWithExtension(options: LaunchOptions): Promise<ChromiumWithExtension> {
  assertBuilt(CHROME_DIST);
  const userDataDir = mkdtempSync(join(tmpdir(), 'threadline-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: options.executablePath ?? requireBrowser('chromium'),
    headless: options.headless,
    viewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
    colorScheme: 'light',
    args: [`--disable-extensions-except=${CHROME_DIST}`, `--load-extension=${CHROME_DIST}`, '--no-sandbox'],
  });
  return {
    context,
    extensionOrigin: `chrome-extension://${chromiumExtensionId(CHROME_DIST)}`,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface FirefoxWithExtension {
  browser: Browser;
  extensionOrigin: string;
  addonId: string;
  close(): Promise<void>;
}

/** Firefox ESR over WebDriver BiDi (Playwright's moz-firefox channel) with dist/firefox as a temporary add-on. */
export async function launchFirefoxWithExtension(options: LaunchOptions): Promise<FirefoxWithExtension> {
  const addonPath = options.addonPath ?? FIREFOX_DIST;
  assertBuilt(addonPath);
  const port = await freePort();
  const browser = await firefox.launch({
    channel: 'moz-firefox',
    executablePath: options.executablePath ?? requireBrowser('firefox'),
    headless: options.headless,
    // --remote-allow-system-access lets BiDi open moz-extension:// pages.
    args: ['--start-debugger-server', '--remote-allow-system-access'],
    firefoxUserPrefs: {
      'devtools.debugger.remote-enabled': true,
      'devtools.debugger.remote-port': port,
      'devtools.debugger.prompt-connection': false,
      'devtools.chrome.enabled': true,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: MOZ_EXTENSION_UUID }),
      'ui.systemUsesDarkTheme': 0,
      // Optional permissions (enabling another blog) are granted without a prompt the harness could not click.
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  try {
    const { id } = await installTemporaryAddon({ port, addonPath });
    return {
      browser,
      addonId: id,
      extensionOrigin: FIREFOX_EXTENSION_ORIGIN,
      async close() {
        await browser.close().catch(() => undefined);
      },
    };
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}
