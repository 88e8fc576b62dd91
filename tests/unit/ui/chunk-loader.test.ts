/** The content script's chunk loader: one injection request per chunk, the registration found afterwards, clear failures, retry. */
import { describe, expect, it, vi } from 'vitest';
import { FEED_CHUNK_KEY, registerFeedChunk, registeredFeedChunk, type FeedChunkApi } from '../../../src/features/feed/chunk-api';
import { ChunkLoadError, createChunkLoader } from '../../../src/ui/chunk-loader';
import { chunkKey, registerChunk, registeredChunk } from '../../../src/shared/chunks';

// The polyfill is replaced, not src/shared/browser, so the loader uses the real isDisconnectedError.
vi.mock('webextension-polyfill', () => ({ default: {} }));

const fakeApi = (): FeedChunkApi => ({
  loadAllFeedComments: async () => ({ comments: [], total: 0, entryCount: 0 }),
  loadLatestPage: async () => ({ comments: [], total: 0, entryCount: 0 }),
});

/** A scope standing in for the isolated world, and a background that "injects" by registering the chunk there. */
function world(answer: (scope: object) => Promise<unknown> = async (scope) => (registerFeedChunk(fakeApi(), scope), { ok: true })) {
  const scope = {};
  const requestInjection = vi.fn((_chunk: string) => answer(scope));
  const loadChunk = createChunkLoader({ requestInjection, scope });
  return { scope, requestInjection, loadChunk, load: () => loadChunk('feed') };
}

describe('registration', () => {
  it('registers under one Symbol.for key and finds it again', () => {
    const scope = {};
    expect(registeredFeedChunk(scope)).toBeNull();
    registerFeedChunk(fakeApi(), scope);
    expect(Object.getOwnPropertySymbols(scope)).toEqual([Symbol.for('threadline.feed-chunk')]);
    expect(registeredFeedChunk(scope)?.loadAllFeedComments).toBeTypeOf('function');
  });

  it('keeps the first registration when the chunk runs twice', () => {
    const scope = {};
    const first = fakeApi();
    registerFeedChunk(first, scope);
    registerFeedChunk(fakeApi(), scope);
    expect(registeredFeedChunk(scope)?.loadAllFeedComments).toBe(first.loadAllFeedComments);
  });

  it('ignores something under the key that is not the chunk’s API', () => {
    expect(registeredFeedChunk({ [FEED_CHUNK_KEY]: { loadAllFeedComments: 'no' } })).toBeNull();
    expect(registeredFeedChunk({ [FEED_CHUNK_KEY]: 42 })).toBeNull();
  });

  it('the chunk’s entry registers on the global when it runs', async () => {
    expect(registeredFeedChunk(globalThis)).toBeNull();
    await import('../../../src/features/feed/chunk');
    expect(registeredFeedChunk(globalThis)).not.toBeNull();
  });
});

describe('createChunkLoader', () => {
  it('asks the background once and returns the API the chunk registered', async () => {
    const { load, requestInjection, scope } = world();
    const api = await load();
    expect(api).toBe(registeredFeedChunk(scope));
    await load();
    expect(requestInjection).toHaveBeenCalledTimes(1);
    expect(requestInjection).toHaveBeenCalledWith('feed');
  });

  it('does not take a registration that lacks the chunk’s functions', () => {
    const scope = {};
    registerChunk('feed', { loadAllFeedComments: 'not a function' }, scope);
    expect(registeredChunk('feed', scope)).toBeNull();
    expect(chunkKey('feed')).toBe(Symbol.for('threadline.feed-chunk'));
  });

  it('shares one request between callers that ask at the same time', async () => {
    const { load, requestInjection } = world();
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(b);
    expect(requestInjection).toHaveBeenCalledTimes(1);
  });

  it('asks nothing when the chunk is already registered', async () => {
    const { load, requestInjection, scope } = world();
    registerFeedChunk(fakeApi(), scope);
    await load();
    expect(requestInjection).not.toHaveBeenCalled();
  });

  it('fails with the background’s reason when injection failed', async () => {
    const { load } = world(async () => ({ ok: false, error: 'Could not load file: feed.js' }));
    await expect(load()).rejects.toThrow(new ChunkLoadError("could not start Threadline's feed reader: Could not load file: feed.js"));
  });

  it('fails when the background answered but nothing registered', async () => {
    const { load } = world(async () => ({ ok: true }));
    await expect(load()).rejects.toThrow(/did not start in this page/);
  });

  it('says to reload the page when the extension was updated or restarted under it', async () => {
    const { load } = world(async () => {
      throw new Error('Extension context invalidated.');
    });
    await expect(load()).rejects.toThrow(/updated or restarted.*reload this page to use its feed reader/);
  });

  it('asks again after a failure (Retry), and succeeds once injection works', async () => {
    let attempt = 0;
    const { load, requestInjection } = world(async (scope) => {
      attempt++;
      if (attempt === 1) throw new Error('Could not establish connection.');
      registerFeedChunk(fakeApi(), scope);
      return { ok: true };
    });
    await expect(load()).rejects.toThrow(/could not ask for Threadline's feed reader: Could not establish connection/);
    await expect(load()).resolves.toBeTruthy();
    expect(requestInjection).toHaveBeenCalledTimes(2);
  });
});
