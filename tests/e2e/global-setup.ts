/** Playwright global setup: rebuild dist/chrome and dist/firefox when they are missing or older than their sources. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildTarget } from '../../scripts/build';
import type { Target } from '../../scripts/manifest';
import { REPO_ROOT } from './support/launch';

/** Inputs of the build: when any is newer than a target's manifest, that target is rebuilt. */
const BUILD_INPUTS = ['src', 'assets', 'manifest.json', 'package.json', 'scripts/build.ts', 'scripts/manifest.ts'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when dist/<target> is missing or older than a build input. */
export function isStale(target: Target): boolean {
  const manifest = join(REPO_ROOT, 'dist', target, 'manifest.json');
  if (!existsSync(manifest)) return true;
  const builtAt = statSync(manifest).mtimeMs;
  return BUILD_INPUTS.some((input) => newestMtime(join(REPO_ROOT, input)) > builtAt);
}

export default async function globalSetup(): Promise<void> {
  // E2E_SKIP_BUILD=1 tests dist/ exactly as it is (e.g. a build made elsewhere).
  if (process.env.E2E_SKIP_BUILD) return;
  for (const target of ['chrome', 'firefox'] as const) {
    if (!isStale(target)) continue;
    const started = performance.now();
    await buildTarget(target);
    console.log(`e2e: built dist/${target} in ${Math.round(performance.now() - started)} ms`);
  }
}
