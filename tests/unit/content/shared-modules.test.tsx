/**
 * A chunk built the real way runs on the content script's own Preact and stores: its hooks work when the content
 * script renders it, and it fails clearly when the shared modules were never published.
 */
import { build } from 'esbuild';
import { JSDOM } from 'jsdom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHUNK_ENTRIES, chunkBuildOptions } from '../../../scripts/build';
import { registeredChunk } from '../../../src/shared/chunks';
import { SHARED_MODULES, SHARED_MODULES_KEY } from '../../../src/shared/shared-modules';
import { DEFAULT_KEY_BINDINGS, type KeyAction } from '../../../src/shared/settings';
import type { HelpChunkApi } from '../../../src/features/keyboard/help-chunk';
import { ValueStore } from '../../../src/ui/store';

vi.mock('../../../src/shared/browser', () => ({ default: { runtime: { id: 'stand-in' } } }));

/** The help chunk's code as the build writes it. */
async function helpChunkCode(): Promise<string> {
  const result = await build({ ...chunkBuildOptions('chrome'), entryPoints: [CHUNK_ENTRIES.help!], outfile: 'help.js', write: false, metafile: false, logLevel: 'silent' });
  return result.outputFiles![0]!.text;
}

/** A page for Preact to render into (esbuild refuses to run under vitest's jsdom environment, so the DOM is set up here). */
function usePage(): Document {
  const { window } = new JSDOM('<!doctype html><body></body>');
  Object.assign(globalThis, { document: window.document, window });
  return window.document;
}

/** Run chunk code the way executeScript would, a classic script, with `scope` standing in for the isolated world's global. */
const runScript = (code: string, scope: object) => new Function('globalThis', code)(scope);

afterEach(() => {
  delete (globalThis as { document?: unknown }).document;
  delete (globalThis as { window?: unknown }).window;
});

describe('shared modules', () => {
  it('publishes every listed module once, and keeps the first publication', async () => {
    const { publishSharedModules } = await import('../../../src/content/publish-shared-modules');
    const scope = {};
    publishSharedModules(scope);
    const registry = (scope as Record<symbol, Record<string, unknown>>)[SHARED_MODULES_KEY]!;
    expect(Object.keys(registry).sort()).toEqual([...SHARED_MODULES].sort());
    publishSharedModules(scope);
    expect((scope as Record<symbol, unknown>)[SHARED_MODULES_KEY]).toBe(registry);
  });

  it('a chunk renders with the content script’s Preact: its hooks and the shared store work', async () => {
    const code = await helpChunkCode();
    const { publishSharedModules } = await import('../../../src/content/publish-shared-modules');
    const world = {};
    publishSharedModules(world);
    runScript(code, world);
    const api = registeredChunk('help', world);
    expect(api).not.toBeNull();
    const { HelpOverlay } = api as unknown as HelpChunkApi;
    const document = usePage();
    const open = new ValueStore(true);
    const container = document.createElement('div');
    document.body.append(container);
    act(() => render(<HelpOverlay open={open} bindings={new ValueStore<Record<KeyAction, string>>(DEFAULT_KEY_BINDINGS)} available={() => true} doc={document} />, container));
    expect(container.querySelector('[role="dialog"][data-thread-help]')).not.toBeNull();
    // useEffect ran (focus moved to Close) and useValue follows the content script's own ValueStore.
    expect(document.activeElement?.getAttribute('data-thread-action')).toBe('close-help');
    act(() => open.set(false));
    expect(container.querySelector('[data-thread-help]')).toBeNull();
    act(() => render(null, container));
  });

  it('a chunk’s default and named imports of a shared module are the content script’s own values', async () => {
    const result = await build({
      ...chunkBuildOptions('chrome'),
      stdin: {
        contents: "import browser from './src/shared/browser'; import { warnOnce } from './src/ui/log'; import { h } from 'preact'; globalThis.seen = { browser, warnOnce, h };",
        resolveDir: process.cwd(),
        loader: 'ts',
      },
      write: false,
      logLevel: 'silent',
    });
    const { publishSharedModules } = await import('../../../src/content/publish-shared-modules');
    const world: { seen?: Record<string, unknown> } = {};
    publishSharedModules(world);
    runScript(result.outputFiles![0]!.text, world);
    const browser = (await import('../../../src/shared/browser')).default;
    const { warnOnce } = await import('../../../src/shared/log');
    const { h } = await import('preact');
    expect(world.seen).toEqual({ browser, warnOnce, h });
    expect(world.seen!.browser).toBe(browser);
  });

  it('a chunk run without the published modules fails with a clear error instead of using a second Preact', async () => {
    const code = await helpChunkCode();
    const world = {};
    expect(() => runScript(code, world)).toThrow(/Threadline chunk loaded without the content script's preact/);
    expect(registeredChunk('help', world)).toBeNull();
  });
});
