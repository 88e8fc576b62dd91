/** `npm run package`: clean production builds zipped as dist/threadline-<browser>-<version>.zip, checked for leftovers. */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { CHUNKS } from '../src/shared/chunks';
import { buildTarget } from './build';
import type { Target } from './manifest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Files a store package must never contain: source maps, sources, tests, dependencies, harness pages, VCS files. */
const FORBIDDEN: { pattern: RegExp; why: string }[] = [
  { pattern: /\.map$/i, why: 'source map' },
  { pattern: /(^|\/)node_modules\//, why: 'node_modules' },
  { pattern: /(^|\/)(tests?|__tests__|e2e)\//, why: 'tests' },
  { pattern: /\.(test|spec)\.[cm]?[jt]sx?$/i, why: 'test file' },
  { pattern: /\.tsx?$/i, why: 'TypeScript source' },
  { pattern: /(^|\/)src\//, why: 'source folder' },
  { pattern: /(^|\/)e2e-harness\.html$/, why: 'test harness page' },
  { pattern: /(^|\/)\.(git|DS_Store|env)/, why: 'hidden file' },
];

/** Everything wrong with a package's file list and manifest; empty when it is fit for a store. */
export function packageProblems(files: string[], manifestText: string | undefined, version: string): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const hit = FORBIDDEN.find(({ pattern }) => pattern.test(file));
    if (hit) problems.push(`${file}: ${hit.why}`);
  }
  if (manifestText === undefined) return [...problems, 'manifest.json missing at the package root'];
  let manifest: {
    version?: string;
    icons?: Record<string, string>;
    background?: Record<string, unknown>;
    content_scripts?: Array<{ js?: string[]; css?: string[] }>;
  };
  try {
    manifest = JSON.parse(manifestText);
  } catch {
    return [...problems, 'manifest.json is not valid JSON'];
  }
  if (manifest.version !== version) problems.push(`manifest version ${manifest.version} is not package.json's ${version}`);
  for (const icon of Object.values(manifest.icons ?? {})) if (!files.includes(icon)) problems.push(`icon ${icon} missing`);
  const scripts = [manifest.background?.service_worker, ...((manifest.background?.scripts as string[] | undefined) ?? [])];
  for (const script of scripts) if (typeof script === 'string' && !files.includes(script)) problems.push(`background ${script} missing`);
  // The content scripts and their stylesheets (early.css is written by the build, not copied from assets).
  for (const file of (manifest.content_scripts ?? []).flatMap((entry) => [...(entry.js ?? []), ...(entry.css ?? [])]))
    if (!files.includes(file)) problems.push(`content script ${file} missing`);
  // Named by no manifest key (the background injects them on demand), so nothing else would notice one missing.
  for (const chunk of Object.values(CHUNKS)) {
    if (!files.includes(chunk.file)) problems.push(`${chunk.file} missing (the ${chunk.label}, injected on demand)`);
  }
  return problems;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Zip a built directory (entries sorted, fixed dates, so the same build gives the same bytes). */
export function zipDirectory(dir: string): Uint8Array {
  const entries: Zippable = {};
  for (const path of filesUnder(dir).sort()) {
    entries[relative(dir, path).split('\\').join('/')] = [readFileSync(path), { mtime: new Date('2024-01-01T00:00:00Z') }];
  }
  return zipSync(entries, { level: 9 });
}

/** Check a finished zip by reading it back (what the store receives, not what we meant to put in). */
export function zipProblems(zip: Uint8Array, version: string): string[] {
  const entries = unzipSync(zip);
  const manifest = entries['manifest.json'];
  return packageProblems(Object.keys(entries), manifest ? new TextDecoder().decode(manifest) : undefined, version);
}

async function main(): Promise<void> {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  let failed = false;
  for (const target of ['chrome', 'firefox'] as Target[]) {
    const { outdir } = await buildTarget(target);
    const zip = zipDirectory(outdir);
    const problems = zipProblems(zip, version);
    const name = `threadline-${target}-${version}.zip`;
    if (problems.length > 0) {
      failed = true;
      console.error(`${name} NOT written:\n  ${problems.join('\n  ')}`);
      continue;
    }
    writeFileSync(join(root, 'dist', name), zip);
    console.log(`dist/${name}: ${Object.keys(unzipSync(zip)).length} files, ${(zip.length / 1024).toFixed(1)} KB, no maps/tests/sources`);
  }
  if (failed) process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
