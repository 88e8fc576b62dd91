/** Bundle sizes of each built entry (minified and gzipped) and what makes up the content script. */
import { build } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildTarget, esbuildOptions, SCRIPT_ENTRIES } from '../build';

export interface BundleSize {
  file: string;
  minifiedBytes: number;
  gzipBytes: number;
}

export interface BundleReport {
  sizes: BundleSize[];
  /** The content script's minified bytes by origin (npm package or src folder), largest first. */
  contentBreakdown: Array<{ origin: string; bytes: number }>;
}

/** "node_modules/preact/dist/..." → "preact"; "src/glossary/terms.ts" → "src/glossary". */
function originOf(path: string): string {
  const module = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (module) return module[1] as string;
  return path.split('/').slice(0, 2).join('/');
}

/** Builds dist/chrome (production), then measures every .js in it (feed.js included); breaks content.js down with esbuild's metafile. */
export async function measureBundles(root: string): Promise<BundleReport> {
  const { outdir } = await buildTarget('chrome');
  const sizes = readdirSync(outdir)
    .filter((file) => file.endsWith('.js'))
    .sort()
    .map((file) => {
      const bytes = readFileSync(join(outdir, file));
      return { file, minifiedBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
    });
  // content.js alone, with the very options of the build: the feed chunk (feed.js) is measured above, not counted here.
  const result = await build({
    ...esbuildOptions('chrome'),
    absWorkingDir: root,
    entryPoints: [SCRIPT_ENTRIES.content!],
    outfile: 'content.js',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const byOrigin = new Map<string, number>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs))
      byOrigin.set(originOf(path), (byOrigin.get(originOf(path)) ?? 0) + input.bytesInOutput);
  }
  const contentBreakdown = [...byOrigin].map(([origin, bytes]) => ({ origin, bytes })).sort((a, b) => b.bytes - a.bytes);
  return { sizes, contentBreakdown };
}
