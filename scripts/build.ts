/** Builds dist/chrome and dist/firefox: esbuild bundles (IIFE, no eval), the per-browser manifest, pages and assets. */
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHUNKS, type ChunkName } from '../src/shared/chunks';
import { EARLY_CSS } from '../src/content/early-css';
import { manifestFor, type Target } from './manifest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Script entries (name → source); an entry whose source does not exist yet is skipped. */
export const SCRIPT_ENTRIES: Record<string, string> = {
  content: 'src/content/index.ts',
  early: 'src/content/early.ts',
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

export interface BuildTargetOptions {
  dev?: boolean;
  /** Where to build (default dist/<target>). */
  outdir?: string;
  /**
   * Chunks to fold into the content script instead of building them as files (a measurement variant, see
   * `npm run bench -- --chunks`): the content bundle imports each one's entry before its own, so the chunk registers
   * itself at content-script start, where the loader finds it without asking the background.
   */
  foldChunks?: readonly ChunkName[];
}

/** The esbuild namespace of the folded content entry (the content script plus the folded chunks' entries). */
const FOLD_NAMESPACE = 'threadline-fold';

function foldPlugin(chunks: readonly ChunkName[]): Plugin {
  return {
    name: 'threadline-fold-chunks',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^threadline-fold:content$/ }, () => ({ path: 'content', namespace: FOLD_NAMESPACE }));
      pluginBuild.onLoad({ filter: /.*/, namespace: FOLD_NAMESPACE }, () => ({
        // Chunk entries first: each registers its API before the content script starts.
        contents: [...chunks.map((chunk) => CHUNKS[chunk].entry), SCRIPT_ENTRIES.content!]
          .map((source) => `import ${JSON.stringify(`./${source}`)};`)
          .join('\n'),
        resolveDir: root,
        loader: 'ts',
      }));
    },
  };
}

/** Build one target into dist/<target> (or `options.outdir`). */
export async function buildTarget(target: Target, options: BuildTargetOptions = {}): Promise<BuildResult> {
  const outdir = options.outdir ?? join(root, 'dist', target);
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });

  const present = (entries: Record<string, string>) =>
    Object.fromEntries(Object.entries(entries).filter(([, source]) => existsSync(join(root, source))));
  const folded = options.foldChunks ?? [];
  const entryPoints = present(SCRIPT_ENTRIES);
  const chunkEntries = present(
    Object.fromEntries(Object.entries(CHUNK_ENTRIES).filter(([file]) => !folded.some((chunk) => CHUNKS[chunk].file === `${file}.js`))),
  );
  const scriptBuild = folded.length
    ? { ...esbuildOptions(target, options), entryPoints: { ...entryPoints, content: 'threadline-fold:content' }, plugins: [foldPlugin(folded)] }
    : { ...esbuildOptions(target, options), entryPoints };
  const builds = await Promise.all([
    build({ ...scriptBuild, outdir, metafile: true }),
    ...(Object.keys(chunkEntries).length ? [build({ ...esbuildOptions(target, options), entryPoints: chunkEntries, outdir, metafile: true })] : []),
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
  writeFileSync(join(outdir, 'early.css'), EARLY_CSS);
  const icons = join(root, 'assets', 'icons');
  if (existsSync(icons)) cpSync(icons, join(outdir, 'icons'), { recursive: true });
  cpSync(join(root, 'assets', '_locales'), join(outdir, '_locales'), { recursive: true });

  const bytes: Record<string, number> = {};
  for (const [file, output] of Object.entries(outputs)) {
    bytes[relative(outdir, join(root, file))] = output.bytes;
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
