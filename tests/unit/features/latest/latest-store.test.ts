// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';

// Storage is reached through the polyfill: an in-memory browser stands in.
vi.mock('webextension-polyfill', async () => ({ default: (await import('../../support/fake-browser')).createFakeBrowser() }));
import { fetchLatestPage } from '../../../../src/blogger/latest-feed';
import { LATEST_CACHE_MS, LatestStore, parseCache, type LatestCache } from '../../../../src/features/latest/latest-store';
import { sanitizeHtml } from '../../../../src/shared/sanitize';
import { latestFeedFixture, latestFeedResponse } from '../../../fixtures/serve-latest';

const ORIGIN = 'https://probationmatters.blogspot.com';

function memoryCache(initial?: unknown): LatestCache & { value: unknown } {
  const cache = {
    value: initial,
    read: async () => cache.value,
    write: async (value: unknown) => {
      cache.value = value;
    },
  };
  return cache;
}

/** The fixture feed as the store's source; `fail` makes the next requests fail. */
function fixtureSource() {
  const state = { fail: 0 };
  const source = vi.fn(async (startIndex: number, pageSize: number, signal: AbortSignal) => {
    if (state.fail > 0) {
      state.fail--;
      throw new Error('comment feed answered HTTP 503');
    }
    return fetchLatestPage({
      origin: ORIGIN,
      startIndex,
      pageSize,
      signal,
      fetchJson: async (url) => JSON.parse(latestFeedResponse(url)!.body),
      sanitizeEach: (bodies) => bodies.map(sanitizeHtml),
    });
  });
  return { source, state };
}

describe('LatestStore', () => {
  it('loads the newest page when first shown, then pages back with Load more until the feed is read', async () => {
    const { source } = fixtureSource();
    const store = new LatestStore({ origin: ORIGIN, source, cache: memoryCache(), pageSize: 100 });
    await store.ensureLoaded();
    expect(store.get().data!.comments).toHaveLength(100);
    expect(store.hasMore()).toBe(true);
    await store.loadMore();
    await store.loadMore();
    const total = latestFeedFixture().feed.entry.length;
    expect(store.get().data!.read).toBe(total);
    expect(store.hasMore()).toBe(false);
    expect(source.mock.calls.map(([start]) => start)).toEqual([1, 101, 201]);
    const ids = store.get().data!.comments.map((comment) => comment.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows a fresh cached load without asking the blog, and asks again once it is older than the cache time', async () => {
    let now = 1_000_000;
    const cache = memoryCache();
    const first = fixtureSource();
    await new LatestStore({ origin: ORIGIN, source: first.source, cache, now: () => now }).ensureLoaded();
    expect(first.source).toHaveBeenCalledTimes(1);

    now += LATEST_CACHE_MS - 1;
    const second = fixtureSource();
    const cachedStore = new LatestStore({ origin: ORIGIN, source: second.source, cache, now: () => now });
    await cachedStore.ensureLoaded();
    expect(second.source).not.toHaveBeenCalled();
    expect(cachedStore.get().data!.comments.length).toBe(50);

    now += 2;
    const third = fixtureSource();
    await new LatestStore({ origin: ORIGIN, source: third.source, cache, now: () => now }).ensureLoaded();
    expect(third.source).toHaveBeenCalledTimes(1);
  });

  it('ignores a cache of another blog or of another shape', () => {
    expect(parseCache({ v: 1, origin: 'https://other.blogspot.com', comments: [], read: 0, total: 0, fetchedAt: 1 }, ORIGIN)).toBeNull();
    expect(parseCache({ v: 2, origin: ORIGIN, comments: [], read: 0, total: 0, fetchedAt: 1 }, ORIGIN)).toBeNull();
    const bad = { id: '1', postId: '2', postUrl: 'javascript:alert(1)', permalink: 'javascript:alert(1)#c1' };
    expect(parseCache({ v: 1, origin: ORIGIN, comments: [bad], read: 1, total: 1, fetchedAt: 1 }, ORIGIN)!.comments).toEqual([]);
  });

  it('Refresh asks for the newest page again and drops the older pages', async () => {
    const { source } = fixtureSource();
    const store = new LatestStore({ origin: ORIGIN, source, cache: memoryCache() });
    await store.ensureLoaded();
    await store.loadMore();
    expect(store.get().data!.comments).toHaveLength(100);
    await store.refresh();
    expect(store.get().data!.comments).toHaveLength(50);
    expect(source.mock.calls.at(-1)![0]).toBe(1);
  });

  it('says a failure, keeps what was shown, and Retry repeats what failed', async () => {
    const { source, state } = fixtureSource();
    const store = new LatestStore({ origin: ORIGIN, source, cache: memoryCache() });
    await store.ensureLoaded();
    state.fail = 1;
    await store.loadMore();
    expect(store.get().status).toEqual({ kind: 'failed', reason: 'comment feed answered HTTP 503', more: true });
    expect(store.get().data!.comments).toHaveLength(50);
    await store.retry();
    expect(store.get().status).toEqual({ kind: 'ready' });
    expect(store.get().data!.comments).toHaveLength(100);
  });

  it('a first load that fails leaves no data and a Retry that loads', async () => {
    const { source, state } = fixtureSource();
    state.fail = 1;
    const store = new LatestStore({ origin: ORIGIN, source, cache: memoryCache() });
    await store.ensureLoaded();
    expect(store.get()).toEqual({ data: null, status: { kind: 'failed', reason: 'comment feed answered HTTP 503', more: false } });
    await store.retry();
    expect(store.get().data!.comments).toHaveLength(50);
  });
});
