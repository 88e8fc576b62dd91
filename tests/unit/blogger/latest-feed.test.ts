// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { FeedError } from '../../../src/blogger/errors';
import { fetchLatestPage, latestFeedUrl, oneLine, parseLatestPage, titleFromPostUrl } from '../../../src/blogger/latest-feed';
import { sanitizeHtml } from '../../../src/shared/sanitize';
import { purifyHtmlEach } from '../../../src/shared/sanitize-purify';
import { latestFeedFixture, latestFeedResponse } from '../../fixtures/serve-latest';

const ORIGIN = 'https://probationmatters.blogspot.com';

/** The fields of a fixture feed entry these tests read. */
interface FeedEntry {
  id: { $t: string };
  published: { $t: string };
  author: { name: { $t: string } }[];
  'thr$in-reply-to': { href: string; ref: string };
  gd$extendedProperty: { name: string; value: string }[];
}
const walkerEach = (bodies: readonly string[]) => bodies.map(sanitizeHtml);

/** The fixture server as fetchJson: the blog-wide feed paged as Blogger pages it. */
const fixtureFetch = vi.fn(async (url: string) => {
  const response = latestFeedResponse(url);
  if (!response) throw new Error(`not served: ${url}`);
  return JSON.parse(response.body) as unknown;
});

describe('latestFeedUrl', () => {
  it('asks the blog origin for one newest-first page of the blog-wide feed', () => {
    expect(latestFeedUrl(`${ORIGIN}/2024/02/x.html`, 51, 50)).toBe(`${ORIGIN}/feeds/comments/default?alt=json&start-index=51&max-results=50`);
  });

  it('refuses an origin that is not a web origin', () => {
    expect(() => latestFeedUrl('javascript:alert(1)', 1, 50)).toThrow(FeedError);
  });
});

describe('fetchLatestPage', () => {
  it('pages with start-index: consecutive pages follow each other without overlap, newest first', async () => {
    const all = latestFeedFixture().feed.entry.length;
    const first = await fetchLatestPage({ origin: ORIGIN, startIndex: 1, pageSize: 50, fetchJson: fixtureFetch, sanitizeEach: purifyHtmlEach });
    const second = await fetchLatestPage({ origin: ORIGIN, startIndex: 51, pageSize: 50, fetchJson: fixtureFetch, sanitizeEach: purifyHtmlEach });
    expect(first.entryCount).toBe(50);
    expect(first.total).toBe(all);
    expect(fixtureFetch).toHaveBeenLastCalledWith(`${ORIGIN}/feeds/comments/default?alt=json&start-index=51&max-results=50`, undefined);
    const ids = [...first.comments, ...second.comments].map((comment) => comment.id);
    expect(new Set(ids).size).toBe(ids.length);
    const times = [...first.comments, ...second.comments].map((comment) => comment.publishedMs);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(first.comments.map((comment) => comment.postId)).size).toBeGreaterThan(1);
  });

  it('turns a failed request into a FeedError', async () => {
    const failing = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(fetchLatestPage({ origin: ORIGIN, startIndex: 1, pageSize: 5, fetchJson: failing, sanitizeEach: walkerEach })).rejects.toThrow(
      /comment feed request failed: Failed to fetch/,
    );
  });
});

describe('parseLatestPage', () => {
  const page = parseLatestPage(latestFeedFixture(), ORIGIN, purifyHtmlEach);
  const entries = latestFeedFixture().feed.entry as FeedEntry[];

  it('reads each entry into a record with its comment id, post id, post URL and title, author, time and permalink', () => {
    const entry = entries[0]!;
    const record = page.comments[0]!;
    expect(record.id).toBe(/post-(\d+)$/.exec(entry.id.$t)![1]);
    expect(record.postId).toBe(/post-(\d+)$/.exec(entry['thr$in-reply-to'].ref)![1]);
    expect(record.postUrl).toBe(entry['thr$in-reply-to'].href);
    expect(record.postTitle).toBe(titleFromPostUrl(record.postUrl));
    expect(record.publishedMs).toBe(Date.parse(entry.published.$t));
    expect(record.permalink).toBe(`${record.postUrl}?showComment=${record.publishedMs}#c${record.id}`);
    expect(record.displayTime).toBe(entry.gd$extendedProperty.find((p) => p.name === 'blogger.displayTime')!.value);
  });

  it('gives null for Anonymous and the name otherwise', () => {
    const names = entries.map((entry) => entry.author[0]!.name.$t);
    page.comments.forEach((record) => {
      const name = names[entries.findIndex((entry) => entry.id.$t.endsWith(`.post-${record.id}`))]!;
      expect(record.author).toBe(name === 'Anonymous' ? null : name);
    });
  });

  it('keeps hostile bodies inert: the excerpt is plain text, with no markup and no script text', () => {
    const hostile = page.comments.filter((record) => /latest-hostile-\d/.test(record.excerpt));
    expect(hostile.length).toBe(2);
    for (const record of hostile) {
      expect(record.excerpt).not.toMatch(/<|onerror|__pwned/);
    }
    expect(page.comments.find((record) => record.author?.includes('Mallory'))?.author).toMatch(/^<img src=x onerror=.*>Mallory$/);
  });

  it('takes the post from the comment link when the in-reply-to link is not the blog (a javascript: link is never used)', () => {
    const rank = entries.findIndex((entry) => String(entry['thr$in-reply-to'].href).startsWith('javascript:'));
    expect(rank).toBeGreaterThan(-1);
    const record = page.comments.find((comment) => entries[rank]!.id.$t.endsWith(`.post-${comment.id}`))!;
    expect(record.postUrl.startsWith(`${ORIGIN}/`)).toBe(true);
    expect(page.comments.every((comment) => comment.permalink.startsWith(`${ORIGIN}/`))).toBe(true);
  });

  it('skips entries whose post is on another host, and entries without ids', () => {
    const feed = {
      feed: {
        entry: [
          {
            id: { $t: 'tag:blogger.com,1999:blog-1.post-11' },
            'thr$in-reply-to': { href: 'https://evil.example/2024/01/x.html', ref: 'tag:blogger.com,1999:blog-1.post-22' },
          },
          { id: { $t: 'no id' }, 'thr$in-reply-to': { href: `${ORIGIN}/2024/01/x.html`, ref: 'tag:blogger.com,1999:blog-1.post-22' } },
          {
            id: { $t: 'tag:blogger.com,1999:blog-1.post-12' },
            'thr$in-reply-to': { href: `http://probationmatters.blogspot.com/2024/01/x.html`, ref: 'tag:blogger.com,1999:blog-1.post-22' },
          },
        ],
      },
    };
    const parsed = parseLatestPage(feed, ORIGIN, walkerEach);
    expect(parsed.comments.map((comment) => [comment.id, comment.postUrl])).toEqual([['12', `${ORIGIN}/2024/01/x.html`]]);
    expect(parsed.entryCount).toBe(3);
  });

  it('refuses what is not a feed', () => {
    expect(() => parseLatestPage({ nope: 1 }, ORIGIN, walkerEach)).toThrow(FeedError);
  });
});

describe('excerpts and titles', () => {
  it('cuts the excerpt to one line at a word, with an ellipsis', () => {
    expect(oneLine('a  b\n\nc')).toBe('a b c');
    const long = 'word '.repeat(60);
    const cut = oneLine(long);
    expect(cut.length).toBeLessThanOrEqual(141);
    expect(cut.endsWith('word…')).toBe(true);
  });

  it('reads a title from the slug, without the day suffix of a second post', () => {
    expect(titleFromPostUrl(`${ORIGIN}/2023/08/memo-to-justin_26.html`)).toBe('Memo to justin');
  });
});
