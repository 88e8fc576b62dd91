/** src/blogger/feed-fetch.ts: the one credential-less feed GET, its errors and its time limit. */
import { describe, expect, it, vi } from 'vitest';
import { fetchFeedJson } from '../../../src/blogger/feed-fetch';

const ORIGIN = 'https://probationmatters.blogspot.com';

describe('fetchFeedJson', () => {
  it('fetches without credentials and reports HTTP errors and bad JSON as FeedErrors', async () => {
    const fetchMock = vi.fn<typeof fetch>();
    vi.stubGlobal('fetch', fetchMock);
    try {
      fetchMock.mockResolvedValueOnce(new Response('{"feed":{}}', { status: 200 }));
      await expect(fetchFeedJson(`${ORIGIN}/feeds/1/comments/default`)).resolves.toEqual({ feed: {} });
      expect(fetchMock.mock.calls[0]?.[1]).toMatchObject({ credentials: 'omit' });
      fetchMock.mockResolvedValueOnce(new Response('nope', { status: 404 }));
      await expect(fetchFeedJson('x')).rejects.toThrow(/HTTP 404/);
      fetchMock.mockResolvedValueOnce(new Response('{oops', { status: 200 }));
      await expect(fetchFeedJson('x')).rejects.toThrow(/malformed JSON/);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('aborts the request when the caller aborts or the time limit passes', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () => new Response('{}'));
    vi.stubGlobal('fetch', fetchMock);
    try {
      const caller = new AbortController();
      await fetchFeedJson('x', caller.signal, 60_000);
      const both = fetchMock.mock.calls[0]?.[1]?.signal;
      expect(both?.aborted).toBe(false);
      caller.abort();
      expect(both?.aborted).toBe(true);
      await fetchFeedJson('x', undefined, 0);
      await vi.waitFor(() => expect(fetchMock.mock.calls[1]?.[1]?.signal?.aborted).toBe(true));
      await fetchFeedJson('x');
      expect(fetchMock.mock.calls[2]?.[1]?.signal).toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
