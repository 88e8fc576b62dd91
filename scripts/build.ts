/** Builds dist/chrome and dist/firefox: esbuild bundles (IIFE, no eval), the per-browser manifest, pages and assets. */
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHUNKS } from '../src/shared/chunks';
import { manifestFor, type Target } from './manifest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Script entries (name → source); an entry whose source does not exist yet is skipped. */
export const SCRIPT_ENTRIES: Record<string, string> = {
  content: 'src/content/index.ts',
  background: 'src/background/index.ts',
  options: 'src/options/index.tsx',
  popup: 'src/popup/index.tsx',
  sidebar: 'src/sidebar/index.tsx',
};

/**
 * The content script's on-demand chunks (name → source), from the chunk contract (src/shared/chunks.ts): injected by
 * the background when first needed. Each is a self-contained bundle: a chunk shares no state with the content script.
 */
export const CHUNK_ENTRIES: Record<string, string> = Object.fromEntries(
  Object.values(CHUNKS).map((chunk) => [chunk.file.replace(/\.js$/, ''), chunk.entry]),
);

/** Extension pages: each gets a minimal HTML shell that loads its bundle. */
const PAGES: Record<string, string> = {
  options: 'Threadline options',
  popup: 'Threadline',
  sidebar: 'Threadline reading list',
};

const ESBUILD_TARGET: Record<Target, string[]> = { chrome: ['chrome120'], firefox: ['firefox140'] };

function pageHtml(entry: string, title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="${entry}.css">
</head>
<body>
<div id="app"></div>
<script src="${entry}.js"></script>
</body>
</html>
`;
}

/** The esbuild options every script entry is bundled with (shared with the bundle measurements and boundary tests). */
export function esbuildOptions(target: Target, options: { dev?: boolean } = {}): BuildOptions {
  return {
    absWorkingDir: root,
    bundle: true,
    format: 'iife',
    target: ESBUILD_TARGET[target],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.css': 'text' },
    define: { 'process.env.NODE_ENV': options.dev ? '"development"' : '"production"' },
    minify: !options.dev,
    sourcemap: options.dev ? 'linked' : false,
    legalComments: 'none',
    logLevel: 'warning',
  };
}

export interface BuildResult {
  target: Target;
  outdir: string;
  bytes: Record<string, number>;
}

/** Build one target into dist/<target>. */
export async function buildTarget(target: Target, options: { dev?: boolean } = {}): Promise<BuildResult> {
  const outdir = join(root, 'dist', target);
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });

  const present = (entries: Record<string, string>) =>
    Object.fromEntries(Object.entries(entries).filter(([, source]) => existsSync(join(root, source))));
  const entryPoints = present(SCRIPT_ENTRIES);
  const builds = await Promise.all([
    build({ ...esbuildOptions(target, options), entryPoints, outdir, metafile: true }),
    build({ ...esbuildOptions(target, options), entryPoints: present(CHUNK_ENTRIES), outdir, metafile: true }),
  ]);
  if (builds.some((result) => result.warnings.length > 0)) throw new Error(`esbuild warnings in ${target} build`);
  const outputs: Metafile['outputs'] = Object.assign({}, ...builds.map((result) => result.metafile?.outputs ?? {}));

  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const base = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  writeFileSync(join(outdir, 'manifest.json'), `${JSON.stringify(manifestFor(base, target, pkg.version), null, 2)}\n`);

  for (const [entry, title] of Object.entries(PAGES)) {
    if (!entryPoints[entry]) continue;
    writeFileSync(join(outdir, `${entry}.html`), pageHtml(entry, title));
    if (!existsSync(join(outdir, `${entry}.css`))) writeFileSync(join(outdir, `${entry}.css`), '');
  }
  const icons = join(root, 'assets', 'icons');
  if (existsSync(icons)) cpSync(icons, join(outdir, 'icons'), { recursive: true });

  const bytes: Record<string, number> = {};
  for (const [file, output] of Object.entries(outputs)) {
    bytes[file.replace(/^.*dist\/[a-z]+\//, '')] = output.bytes;
  }
  return { target, outdir, bytes };
}

/** Build every target named on the command line (default: both). */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const targetArg = args.find((arg) => arg.startsWith('--target='))?.slice('--target='.length) ?? 'all';
  const targets: Target[] = targetArg === 'all' ? ['chrome', 'firefox'] : [targetArg as Target];
  const dev = args.includes('--dev');
  for (const target of targets) {
    const { outdir, bytes } = await buildTarget(target, { dev });
    const sizes = Object.entries(bytes)
      .map(([file, size]) => `${file} ${(size / 1024).toFixed(1)} KB`)
      .join(', ');
    console.log(`built ${target} → ${outdir.replace(`${root}/`, '')}: ${sizes}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
