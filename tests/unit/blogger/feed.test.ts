// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { loadAllFeedComments, parseFeedPage } from '../../../src/blogger/feed';
import { FeedError } from '../../../src/blogger/errors';
import { safeHtmlToText } from '../../../src/shared/sanitize';
import { feedEntry, feedJson, manyEntries } from './feed-builders';
import { POST } from './markup';

const ORIGIN = 'https://probationmatters.blogspot.com';
const PROFILE = 'https://www.blogger.com/profile/01234567890123456789';

describe('parseFeedPage', () => {
  const top = feedEntry({
    id: '8195449246400116162',
    published: '2024-02-19T21:07:00.123Z',
    ms: 1708376820123,
    uri: PROFILE,
    author: 'Jim Brown',
    displayTime: '19 February 2024 at 21:07',
    body: 'Line<br />two <img src=x onerror=alert(1)>',
  });
  const reply = feedEntry({
    id: '8195449246400116163',
    parentId: '8195449246400116162',
    published: '2024-07-01T09:05:00.000+01:00',
    ms: 1719821100000,
    v2: true,
  });
  const removed = feedEntry({
    id: '8195449246400116164',
    parentId: '8195449246400116162',
    published: '2024-07-01T10:00:00.500+01:00',
    ms: 1719824400500,
    removed: true,
  });
  const page = parseFeedPage(feedJson([top, reply, removed], 3));

  it('reads ids from the entry id and the total from openSearch', () => {
    expect(page.comments.map((c) => c.id)).toEqual(['8195449246400116162', '8195449246400116163', '8195449246400116164']);
    expect(page.total).toBe(3);
  });

  it('takes parents from the related link, with or without ?v=2', () => {
    expect(page.comments.map((c) => c.parentId)).toEqual([null, '8195449246400116162', '8195449246400116162']);
  });

  it('reads author, profile uri, times and sanitized body', () => {
    const first = page.comments[0]!;
    expect(first).toMatchObject({
      author: 'Jim Brown',
      authorUrl: PROFILE,
      publishedMs: 1708376820123,
      displayTime: '19 February 2024 at 21:07',
      removed: false,
    });
    expect(first.html).not.toMatch(/img|onerror/);
    expect(safeHtmlToText(first.html)).toBe('Line\ntwo');
  });

  it('formats a missing displayTime from published in the offset it carries', () => {
    expect(page.comments[1]).toMatchObject({ displayTime: '1 July 2024 at 09:05', authorUrl: null, author: 'Anonymous' });
  });

  it('reads removed entries without an alternate link from contentRemoved and published', () => {
    expect(page.comments[2]).toMatchObject({ removed: true, publishedMs: 1719824400500 });
  });

  it('ignores a non-http author uri', () => {
    const entry = feedEntry({ id: '1', published: '2024-01-01T00:00:00.000Z', ms: 1704067200000, uri: 'javascript:alert(1)' });
    expect(parseFeedPage(feedJson([entry], 1)).comments[0]?.authorUrl).toBeNull();
  });

  it('tolerates entries with missing fields and skips those without an id', () => {
    const result = parseFeedPage({ feed: { entry: [{}, { id: { $t: 'tag:blogger.com,1999:blog-1.post-42' } }, 7] } });
    expect(result.comments).toHaveLength(1);
    expect(result.comments[0]).toMatchObject({ id: '42', parentId: null, author: 'Anonymous', displayTime: '', removed: false });
    expect(result.comments[0]?.publishedMs).toBeNaN();
    expect(result.total).toBe(3);
  });

  it('reads a feed without entries as empty', () => {
    expect(parseFeedPage({ feed: { openSearch$totalResults: { $t: '0' } } })).toEqual({ comments: [], total: 0, entryCount: 0 });
  });

  it('reads the entry shapes real feeds send: links matched by rel in any order, with or without ?v=2 (issue #15)', () => {
    const base = `http://www.blogger.com/feeds/1234567890123456789/${POST}/comments/default`;
    const entry = (id: string, links: Record<string, string>[], extra: Record<string, unknown> = {}) => ({
      id: { $t: `tag:blogger.com,1999:blog-1234567890123456789.post-${id}` },
      published: { $t: '2015-06-06T10:23:00.001+02:00' },
      content: { type: 'html', $t: 'Text' },
      link: links,
      author: [{ name: { $t: 'Anonymous' }, email: { $t: 'noreply@blogger.com' } }],
      'thr$in-reply-to': { href: 'x', ref: 'y', source: 'z', type: 'text/html' },
      ...extra,
    });
    const rel = (r: string, href: string) => ({ rel: r, type: r === 'alternate' ? 'text/html' : 'application/atom+xml', href });
    const parsed = parseFeedPage(
      feedJson(
        [
          // edit, self, alternate, related (the real order), no ?v=2, http:, an anonymous author with no uri at all
          entry('111', [
            rel('edit', `${base}/111`),
            rel('self', `${base}/111`),
            rel('alternate', `${ORIGIN}/p?showComment=1433578980001#c111`),
            rel('related', `${base}/100`),
          ]),
          // related first, ?v=2
          entry('112', [
            rel('related', `${base}/100?v=2`),
            rel('alternate', `${ORIGIN}/p?showComment=1433578990002#c112`),
            rel('self', `${base}/112?v=2`),
          ]),
          // a removed entry that still carries its alternate showComment link, removal sentence in Slovak
          entry('113', [rel('edit', `${base}/113`), rel('self', `${base}/113`), rel('alternate', `${ORIGIN}/p?showComment=1433579000003#c113`)], {
            content: { type: 'html', $t: 'Tento komentár bol odstránený autorom.' },
            gd$extendedProperty: [{ name: 'blogger.contentRemoved', value: 'true' }],
          }),
          // a removed entry without alternate: the time comes from published
          entry('114', [rel('self', `${base}/114`)], {
            content: { type: 'html', $t: 'Dieser Kommentar wurde vom Autor entfernt.' },
            gd$extendedProperty: [{ name: 'blogger.contentRemoved', value: 'true' }],
          }),
          // a static page's alternate: the bare page URL with #c<id>, no showComment
          entry('115', [rel('alternate', `${ORIGIN}/p/about.html#c115`)]),
        ],
        5,
      ),
    );
    expect(parsed.comments.map((c) => [c.id, c.parentId, c.publishedMs, c.removed, c.authorUrl])).toEqual([
      ['111', '100', 1433578980001, false, null],
      ['112', '100', 1433578990002, false, null],
      ['113', null, 1433579000003, true, null],
      ['114', null, Date.parse('2015-06-06T10:23:00.001+02:00'), true, null],
      ['115', null, Date.parse('2015-06-06T10:23:00.001+02:00'), false, null],
    ]);
  });

  it('keeps "Anonymous" with a profile uri as that account (its link kept)', () => {
    const parsed = parseFeedPage(
      feedJson([feedEntry({ id: '9', published: '2024-02-19T21:07:00.000Z', ms: 1708376820000, author: 'Anonymous', uri: PROFILE })], 1),
    );
    expect(parsed.comments[0]).toMatchObject({ author: 'Anonymous', authorUrl: PROFILE });
  });

  it('keeps blogger.displayTime verbatim, U+202F before PM included', () => {
    const shown = '19 February 2024 at 9:07\u202fPM';
    const parsed = parseFeedPage(feedJson([feedEntry({ id: '9', published: '2024-02-19T21:07:00.000Z', ms: 1708376820000, displayTime: shown })], 1));
    expect(parsed.comments[0]?.displayTime).toBe(shown);
  });

  it('rejects non-objects with a FeedError', () => {
    for (const bad of [null, 'text', 42, [], { nofeed: true }, { feed: 'x' }]) {
      expect(() => parseFeedPage(bad), JSON.stringify(bad)).toThrow(FeedError);
    }
  });
});

/**
 * A fake fetchJson serving `total` entries by start-index/max-results, recording the URLs asked for. `serverPageSize`
 * caps every page whatever is asked (real feeds answer 25 or 100); `newestFirst` ignores orderby/reverse as Blogger's
 * default order does; `claimedTotal` overrides openSearch$totalResults (null: leave it out).
 */
function fakeFeed(total: number, options: { failAt?: number; serverPageSize?: number; newestFirst?: boolean; claimedTotal?: number | null } = {}) {
  const specs = manyEntries(total);
  const served = options.newestFirst ? [...specs].reverse() : specs;
  const urls: string[] = [];
  const fetchJson = vi.fn(async (url: string) => {
    urls.push(url);
    const query = new URL(url).searchParams;
    const start = Number(query.get('start-index'));
    const size = Math.min(Number(query.get('max-results')), options.serverPageSize ?? Infinity);
    if (options.failAt === start) throw new Error('HTTP 503');
    const json = feedJson(served.slice(start - 1, start - 1 + size).map(feedEntry), options.claimedTotal ?? total, start) as {
      feed: Record<string, unknown>;
    };
    if (options.claimedTotal === null) delete json.feed.openSearch$totalResults;
    return json;
  });
  return { specs, urls, fetchJson };
}

describe('loadAllFeedComments', () => {
  it('pages with start-index until the total and returns the comments not on the page', async () => {
    const { specs, urls, fetchJson } = fakeFeed(450);
    const have = new Set(specs.slice(0, 200).map((s) => s.id));
    const progress: { loaded: number; total: number }[] = [];
    const result = await loadAllFeedComments({ origin: ORIGIN, postId: POST, have, fetchJson, onProgress: (p) => progress.push(p) });
    expect(urls.map((u) => new URL(u).searchParams.get('start-index'))).toEqual(['1', '201', '401']);
    expect(urls.every((u) => u.startsWith(`${ORIGIN}/feeds/${POST}/comments/default?`))).toBe(true);
    expect(result.comments.map((c) => c.id)).toEqual(specs.slice(200).map((s) => s.id));
    expect(result.total).toBe(450);
    expect(progress).toEqual([
      { loaded: 200, total: 450 },
      { loaded: 400, total: 450 },
      { loaded: 450, total: 450 },
    ]);
  });

  it('pages on past a short page when the server chooses 25 per page whatever is asked (issue #15)', async () => {
    const { specs, urls, fetchJson } = fakeFeed(640, { serverPageSize: 25 });
    const result = await loadAllFeedComments({ origin: ORIGIN, postId: POST, have: new Set(specs.slice(0, 200).map((s) => s.id)), fetchJson });
    expect(urls).toHaveLength(26); // 25 full pages and one of 15: 640 reached, no request past it
    expect(urls.map((u) => new URL(u).searchParams.get('start-index')).slice(0, 3)).toEqual(['1', '26', '51']);
    expect(urls.every((u) => new URL(u).searchParams.get('max-results') === '200')).toBe(true);
    expect(result.comments.map((c) => c.id)).toEqual(specs.slice(200).map((s) => s.id));
    expect(result.total).toBe(640);
  });

  it('pages on past short pages of 100 too, and stops at an empty page when the total is not reached', async () => {
    const { specs, fetchJson } = fakeFeed(250, { serverPageSize: 100, claimedTotal: 400 });
    const result = await loadAllFeedComments({ origin: ORIGIN, postId: POST, have: new Set(), fetchJson });
    expect(fetchJson).toHaveBeenCalledTimes(4); // 100, 100, 50, then an empty page
    expect(result.comments).toHaveLength(specs.length);
  });

  it('pages until an empty page when no page announces a total', async () => {
    const { specs, fetchJson } = fakeFeed(60, { serverPageSize: 25, claimedTotal: null });
    const result = await loadAllFeedComments({ origin: ORIGIN, postId: POST, have: new Set(), fetchJson });
    expect(fetchJson).toHaveBeenCalledTimes(4);
    expect(result.comments).toHaveLength(specs.length);
    expect(result.total).toBe(60);
  });

  it('follows a total that grows while loading, but never loops forever', async () => {
    let calls = 0;
    const specs = manyEntries(30_000);
    const fetchJson = vi.fn(async (url: string) => {
      calls += 1;
      const start = Number(new URL(url).searchParams.get('start-index'));
      // Every answer claims 25 more than there are so far: a feed that keeps growing.
      return feedJson(specs.slice(start - 1, start - 1 + 25).map(feedEntry), start + 49, start);
    });
    const result = await loadAllFeedComments({ origin: ORIGIN, postId: POST, have: new Set(), fetchJson });
    expect(calls).toBe(100);
    expect(result.comments).toHaveLength(2500);
  });

  it('orders a newest-first answer (a server that ignores orderby=published&reverse=false) oldest first', async () => {
    const { specs, urls, fetchJson } = fakeFeed(60, { serverPageSize: 25, newestFirst: true });
    const result = await loadAllFeedComments({ origin: ORIGIN, postId: POST, have: new Set(), fetchJson });
    expect(urls.every((u) => /[?&]orderby=published&reverse=false&/.test(u))).toBe(true);
    expect(result.comments.map((c) => c.id)).toEqual(specs.map((s) => s.id));
  });

  it('keeps an oldest-first answer as it is', async () => {
    const { specs, fetchJson } = fakeFeed(60, { serverPageSize: 25 });
    const result = await loadAllFeedComments({ origin: ORIGIN, postId: POST, have: new Set(), fetchJson });
    expect(result.comments.map((c) => c.id)).toEqual(specs.map((s) => s.id));
  });

  it('stops when the feed ignores start-index and repeats itself', async () => {
    const specs = manyEntries(10);
    const fetchJson = vi.fn(async () => feedJson(specs.map(feedEntry), 100));
    const result = await loadAllFeedComments({ origin: ORIGIN, postId: POST, have: new Set(), fetchJson, pageSize: 10 });
    expect(fetchJson).toHaveBeenCalledTimes(2);
    expect(result.comments).toHaveLength(10);
  });

  it('honours an AbortSignal between pages', async () => {
    const controller = new AbortController();
    const { fetchJson } = fakeFeed(600);
    const run = loadAllFeedComments({
      origin: ORIGIN,
      postId: POST,
      have: new Set(),
      fetchJson,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(fetchJson).toHaveBeenCalledTimes(1);
  });

  it('does not start when already aborted', async () => {
    const { fetchJson } = fakeFeed(10);
    const signal = AbortSignal.abort();
    await expect(loadAllFeedComments({ origin: ORIGIN, postId: POST, have: new Set(), fetchJson, signal })).rejects.toBeTruthy();
    expect(fetchJson).not.toHaveBeenCalled();
  });

  it('turns a failed request into a FeedError', async () => {
    const { fetchJson } = fakeFeed(450, { failAt: 201 });
    await expect(loadAllFeedComments({ origin: ORIGIN, postId: POST, have: new Set(), fetchJson })).rejects.toThrow(FeedError);
  });

  it('turns malformed JSON into a FeedError', async () => {
    const fetchJson = vi.fn(async () => ({ unexpected: true }));
    await expect(loadAllFeedComments({ origin: ORIGIN, postId: POST, have: new Set(), fetchJson })).rejects.toThrow(FeedError);
  });
});
