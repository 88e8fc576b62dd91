/** Finds the Chromium/Chrome and Firefox executables the e2e suite and `npm start` drive (env overrides first). */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export type BrowserName = 'chromium' | 'firefox';

/** Candidates in search order; bare names are looked up on PATH. */
export const BROWSER_CANDIDATES: Record<BrowserName, readonly string[]> = {
  chromium: [
    '/usr/bin/chromium',
    '/usr/lib/chromium/chromium',
    'chromium',
    'chromium-browser',
    'google-chrome',
    'google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ],
  firefox: ['/usr/bin/firefox-esr', 'firefox-esr', 'firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'],
};

/** The environment variable that overrides the search for each browser. */
export const BROWSER_ENV_VAR: Record<BrowserName, string> = { chromium: 'CHROMIUM_PATH', firefox: 'FIREFOX_PATH' };

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function resolveOnPath(name: string, pathVariable: string): string | null {
  for (const directory of pathVariable.split(delimiter)) {
    if (!directory) continue;
    const candidate = join(directory, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

/** The first executable among the env override and the candidates, or null when none is installed. */
export function findBrowser(browser: BrowserName, env: NodeJS.ProcessEnv = process.env): string | null {
  const override = env[BROWSER_ENV_VAR[browser]];
  const candidates = override ? [override, ...BROWSER_CANDIDATES[browser]] : BROWSER_CANDIDATES[browser];
  for (const candidate of candidates) {
    if (candidate.includes('/')) {
      if (isExecutable(candidate)) return candidate;
    } else {
      const found = resolveOnPath(candidate, env.PATH ?? '');
      if (found) return found;
    }
  }
  return null;
}

/** Like findBrowser, but throws an error that says how to install the browser or point at it. */
export function requireBrowser(browser: BrowserName, env: NodeJS.ProcessEnv = process.env): string {
  const found = findBrowser(browser, env);
  if (found) return found;
  const debianPackage = browser === 'chromium' ? 'chromium' : 'firefox-esr';
  throw new Error(
    `No ${browser} executable found. Run \`sh scripts/ensure-browsers.sh\` (installs Debian's ${debianPackage}) ` +
      `or set ${BROWSER_ENV_VAR[browser]}=/path/to/${browser}.`,
  );
}

/** Paths of both browsers (null where missing). */
export function findBrowsers(env: NodeJS.ProcessEnv = process.env): Record<BrowserName, string | null> {
  return { chromium: findBrowser('chromium', env), firefox: findBrowser('firefox', env) };
}
