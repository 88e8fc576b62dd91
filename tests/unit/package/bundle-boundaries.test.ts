/**
 * What each bundle may include: DOMPurify and the feed code only in the feed chunk; the moved UI (reading-list sidebar,
 * keyboard help, glossary) only in its chunk; and no chunk with its own Preact or its own copy of a shared-state module.
 */
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { CHUNK_ENTRIES, chunkBuildOptions, esbuildOptions, SCRIPT_ENTRIES, SHARED_NAMESPACE } from '../../../scripts/build';
import { SHARED_MODULES } from '../../../src/shared/shared-modules';

/** The source files esbuild put into one entry's bundle, with the options the real build uses for it. */
async function inputsOf(entry: string): Promise<string[]> {
  const chunk = entry in CHUNK_ENTRIES;
  const options = chunk ? chunkBuildOptions('chrome') : esbuildOptions('chrome');
  const source = chunk ? CHUNK_ENTRIES[entry]! : SCRIPT_ENTRIES[entry]!;
  const result = await build({ ...options, entryPoints: [source], outfile: `${entry}.js`, write: false, metafile: true, logLevel: 'silent' });
  const outputs = Object.values((result.metafile as Metafile).outputs);
  return outputs.flatMap((output) => Object.keys(output.inputs));
}

const isDomPurify = (path: string) => /node_modules\/dompurify\//.test(path);
const isPreact = (path: string) => /node_modules\/preact\//.test(path);
/** A bundled copy of a shared module (as opposed to its stand-in, `threadline-shared:<id>`). */
const copiesShared = (path: string) =>
  !path.startsWith(`${SHARED_NAMESPACE}:`) && (isPreact(path) || SHARED_MODULES.some((id) => id.startsWith('src/') && path.endsWith(id)));
const chunks = Object.keys(CHUNK_ENTRIES);

/** Sources that belong to one chunk and must stay out of the content script. */
const MOVED: Record<string, RegExp> = {
  'reading-list': /src\/ui\/sidebar\/(SidebarPanel|ReadingList|SavedEntry)\.tsx$|src\/ui\/sidebar\/sidebar\.css$|src\/reading\/list-view\.ts$/,
  help: /src\/ui\/keyboard\/HelpOverlay\.tsx$|src\/ui\/keyboard\/keyboard\.css$/,
  glossary: /src\/glossary\/(tooltip|scan|matcher|attach|scan-queue)\.ts$|src\/glossary\/GlossaryPanel\.tsx$|src\/glossary\/glossary\.css$/,
};

describe('bundle boundaries', () => {
  it('the content script holds neither DOMPurify nor the comment-feed code', async () => {
    const inputs = await inputsOf('content');
    expect(inputs.some((path) => path.endsWith('src/content/start.ts'))).toBe(true);
    expect(inputs.filter((path) => isDomPurify(path) || /src\/blogger\/feed\.ts$|src\/shared\/sanitize-purify\.ts$/.test(path))).toEqual([]);
  }, 60_000);

  it('the content script holds none of the UI moved into chunks, and publishes the shared modules', async () => {
    const inputs = await inputsOf('content');
    for (const [chunk, moved] of Object.entries(MOVED)) expect(inputs.filter((path) => moved.test(path)), chunk).toEqual([]);
    expect(inputs.some((path) => path.endsWith('src/content/publish-shared-modules.ts'))).toBe(true);
    expect(inputs.some(isPreact)).toBe(true);
  }, 60_000);

  it('each chunk holds what was moved into it', async () => {
    for (const [chunk, moved] of Object.entries(MOVED)) {
      const inputs = await inputsOf(chunk);
      expect(inputs.filter((path) => moved.test(path)).length, chunk).toBeGreaterThanOrEqual(2);
    }
  }, 60_000);

  it('no chunk bundles its own Preact or its own copy of a shared-state module: it uses the content script’s', async () => {
    for (const chunk of chunks) {
      const inputs = await inputsOf(chunk);
      expect(inputs.filter(copiesShared), chunk).toEqual([]);
      expect(inputs.filter((path) => /node_modules\/webextension-polyfill\//.test(path)), chunk).toEqual([]);
    }
    // Nor a copy of the comment view the content script renders (a stray import once pulled it into the glossary chunk).
    for (const chunk of chunks) {
      expect((await inputsOf(chunk)).filter((path) => /src\/ui\/(CommentItem|ThreadList|App|Toolbar)\.tsx$/.test(path)), chunk).toEqual([]);
    }
    // The UI chunks do use Preact's hooks and JSX runtime, through the stand-ins.
    for (const chunk of ['reading-list', 'help', 'glossary']) {
      const inputs = await inputsOf(chunk);
      expect(inputs, chunk).toContain(`${SHARED_NAMESPACE}:preact/jsx-runtime`);
      expect(inputs, chunk).toContain(`${SHARED_NAMESPACE}:preact/hooks`);
    }
  }, 60_000);

  it('the feed chunk holds the feed code and DOMPurify, and no Preact, polyfill or page reader', async () => {
    const inputs = await inputsOf('feed');
    expect(inputs.some(isDomPurify)).toBe(true);
    expect(inputs.some((path) => path.endsWith('src/blogger/feed.ts'))).toBe(true);
    expect(inputs.filter((path) => /node_modules\/(preact|webextension-polyfill)\/|src\/(ui|content)\/|src\/blogger\/read-page|threadline-shared:preact/.test(path))).toEqual([]);
  }, 60_000);

  it('no extension page, the background or a UI chunk ships DOMPurify', async () => {
    for (const entry of [...Object.keys(SCRIPT_ENTRIES), ...chunks.filter((name) => name !== 'feed')]) {
      expect((await inputsOf(entry)).filter(isDomPurify), entry).toEqual([]);
    }
  }, 60_000);
});
