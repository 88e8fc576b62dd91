/**
 * What each bundle may include: DOMPurify and the comment-feed code only in the feed chunk, which shares nothing with
 * the content script (no Preact, no polyfill, no view); the content script everything the page view needs.
 */
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { CHUNK_ENTRIES, esbuildOptions, SCRIPT_ENTRIES } from '../../../scripts/build';

/** The source files esbuild put into one entry's bundle, with the options the real build uses for it. */
async function inputsOf(entry: string): Promise<string[]> {
  const source = CHUNK_ENTRIES[entry] ?? SCRIPT_ENTRIES[entry]!;
  const result = await build({
    ...esbuildOptions('chrome'),
    entryPoints: [source],
    outfile: `${entry}.js`,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = Object.values((result.metafile as Metafile).outputs);
  return outputs.flatMap((output) => Object.keys(output.inputs));
}

const isDomPurify = (path: string) => /node_modules\/dompurify\//.test(path);

describe('bundle boundaries', () => {
  it('the content script holds neither DOMPurify nor the comment-feed code', async () => {
    const inputs = await inputsOf('content');
    expect(inputs.some((path) => path.endsWith('src/content/start.ts'))).toBe(true);
    expect(inputs.filter((path) => isDomPurify(path) || /src\/blogger\/feed\.ts$|src\/shared\/sanitize-purify\.ts$/.test(path))).toEqual([]);
  }, 60_000);

  it('the content script holds every registered feature', async () => {
    const inputs = await inputsOf('content');
    for (const feature of ['feed', 'filters', 'glossary', 'keyboard', 'new-comments', 'reading', 'view-state']) {
      expect(
        inputs.some((path) => new RegExp(`src/features/${feature}/feature\\.tsx?$`).test(path)),
        feature,
      ).toBe(true);
    }
  }, 60_000);

  it('the feed chunk holds the feed code and DOMPurify, and no Preact, polyfill, view or page reader', async () => {
    const inputs = await inputsOf('feed');
    expect(inputs.some(isDomPurify)).toBe(true);
    expect(inputs.some((path) => path.endsWith('src/blogger/feed.ts'))).toBe(true);
    expect(inputs.filter((path) => /node_modules\/(preact|webextension-polyfill)\/|src\/(ui|content)\/|src\/blogger\/read-page/.test(path))).toEqual(
      [],
    );
  }, 60_000);

  it('no extension page and not the background ships DOMPurify', async () => {
    for (const entry of Object.keys(SCRIPT_ENTRIES)) expect((await inputsOf(entry)).filter(isDomPurify), entry).toEqual([]);
  }, 60_000);
});
