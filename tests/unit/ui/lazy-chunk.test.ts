/** A lazily loaded chunk's states: loading while asked, ready once in, failed with one warning and a message, retried when asked again. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LoadChunk } from '../../../src/ui/chunk-loader';
import { lazyChunk } from '../../../src/ui/lazy-chunk';

vi.mock('../../../src/shared/browser', () => ({ default: {} }));

const helpApi = { HelpOverlay: () => null };

afterEach(() => vi.restoreAllMocks());

describe('lazyChunk', () => {
  it('is loading while the loader works, then ready with the API; later loads ask nothing', async () => {
    let finish!: (api: unknown) => void;
    const load = vi.fn(() => new Promise((resolve) => (finish = resolve))) as unknown as LoadChunk;
    const chunk = lazyChunk('help', load);
    expect(chunk.state.get()).toEqual({ kind: 'idle' });
    const first = chunk.load();
    const second = chunk.load();
    expect(chunk.state.get()).toEqual({ kind: 'loading' });
    finish(helpApi);
    expect(await first).toBe(helpApi);
    expect(await second).toBe(helpApi);
    expect(chunk.state.get()).toEqual({ kind: 'ready', api: helpApi });
    await chunk.load();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('on failure warns once with the Threadline prefix, shows a message, and tries again when asked again', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let attempts = 0;
    const load = vi.fn(async () => {
      attempts++;
      if (attempts < 3) throw new Error('Could not load file: help.js');
      return helpApi;
    }) as unknown as LoadChunk;
    const chunk = lazyChunk('help', load);
    expect(await chunk.load()).toBeNull();
    expect(chunk.state.get()).toEqual({ kind: 'failed', message: 'Threadline could not load the keyboard help: Could not load file: help.js.' });
    expect(await chunk.load()).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toBe('Threadline: could not load the keyboard help (Could not load file: help.js); the threads keep working.');
    expect(await chunk.load()).toBe(helpApi);
    expect(chunk.state.get().kind).toBe('ready');
  });
});
