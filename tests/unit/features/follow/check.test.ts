// @vitest-environment node
/** The follow check on feed records, in a plain node environment: no DOM, as in Chrome's background service worker. */
import { describe, expect, it } from 'vitest';
import { feedUrl } from '../../../../src/blogger/feed-entry';
import { MAX_NEW_READ, runFollowCheck, type CheckDeps } from '../../../../src/features/follow/check';
import type { Mine } from '../../../../src/features/follow/mine-store';
import { aCheck, aMine, aSeen, aState, BLOG, feedEntry, feedPage, type EntrySpec } from './helpers';

const T = (hh: number, mm: number) => Date.UTC(2026, 10, 20, hh, mm);

/** A blog serving each post's comments, oldest first, as Blogger's feed does (start-index and max-results honoured). */
function fakeBlog(posts: Record<string, EntrySpec[]>, fail: (url: URL) => unknown = () => undefined) {
  const asked: string[] = [];
  const fetchJson = async (url: string) => {
    asked.push(url);
    const parsed = new URL(url);
    const failure = fail(parsed);
    if (failure) throw failure;
    const postId = /^\/feeds\/(\d+)\/comments\/default$/.exec(parsed.pathname)?.[1] ?? '';
    const all = posts[postId] ?? [];
    const start = Number(parsed.searchParams.get('start-index'));
    const max = Number(parsed.searchParams.get('max-results'));
    return feedPage(all.length, all.slice(start - 1, start - 1 + max).map(feedEntry));
  };
  return { asked, fetchJson };
}

function deps(fetchJson: CheckDeps['fetchJson'], mine: Mine[] = [], pauses: number[] = []): CheckDeps {
  const byPost = new Map<string, Mine[]>();
  for (const m of mine) byPost.set(m.postKey, [...(byPost.get(m.postKey) ?? []), m]);
  return { fetchJson, now: () => T(23, 0), pause: async (ms) => void pauses.push(ms), mine: byPost };
}

const comments = (postId: string, count: number, from = 0): EntrySpec[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `${postId}${String(from + i).padStart(4, '0')}`,
    postId,
    html: `Comment number ${from + i} about caseloads.`,
    publishedMs: T(20, 0) + (from + i) * 60_000,
    displayTime: `20:${String((from + i) % 60).padStart(2, '0')}`,
  }));

describe('follow check', () => {
  it('asks each post’s own feed on the blog for one comment past those seen, and counts the new ones with a link to the first', async () => {
    const blog = fakeBlog({ '101': comments('101', 14), '202': comments('202', 3) });
    const report = await runFollowCheck([aState('101', aSeen(10), aCheck(10)), aState('202', aSeen(3), null)], deps(blog.fetchJson));
    expect(report.failed).toBe(false);
    expect(report.results.get('101')).toMatchObject({ total: 14, firstNewId: '1010010', firstNewAfter: 10 });
    expect(report.results.get('202')).toMatchObject({ total: 3, firstNewId: null });
    expect(blog.asked).toHaveLength(2);
    for (const url of blog.asked) {
      expect(new URL(url).origin).toBe(BLOG);
      expect(new URL(url).searchParams.get('max-results')).toBe('1');
    }
    const asked101 = blog.asked.find((url) => url.includes('/feeds/101/'))!;
    expect(new URL(asked101).searchParams.get('start-index')).toBe('11');
  });

  it('keeps the previous counts of a post whose feed fails (offline, 5xx, malformed), stops the run there and says it failed', async () => {
    for (const failure of [new TypeError('Failed to fetch'), new Error('the feed answered HTTP 503')]) {
      const blog = fakeBlog({ '101': comments('101', 14), '202': comments('202', 5) }, (url) =>
        url.pathname.includes('/101/') ? failure : undefined,
      );
      const report = await runFollowCheck(
        [aState('101', aSeen(10), aCheck(12, { checkedAt: 1 })), aState('202', aSeen(3), aCheck(3, { checkedAt: 2 }))],
        deps(blog.fetchJson),
      );
      expect(report.failed).toBe(true);
      expect(report.error).toBe(failure.message);
      expect(report.results.size).toBe(0);
      expect(blog.asked).toHaveLength(1);
    }
    const malformed = await runFollowCheck(
      [aState('101', aSeen(1), null)],
      deps(async () => ({ feed: { entry: [] } })),
    );
    expect(malformed).toMatchObject({ failed: true, error: 'the feed announced no comment count' });
    const notAFeed = await runFollowCheck(
      [aState('101', aSeen(1), null)],
      deps(async () => '<html>'),
    );
    expect(notAFeed.failed).toBe(true);
  });

  it('pauses between requests so a run never bursts', async () => {
    const blog = fakeBlog({ '1': comments('1', 2), '2': comments('2', 2), '3': comments('3', 2) });
    const pauses: number[] = [];
    await runFollowCheck([aState('1', aSeen(2), null), aState('2', aSeen(2), null), aState('3', aSeen(2), null)], deps(blog.fetchJson, [], pauses));
    expect(pauses).toEqual([500, 500]);
  });

  it('finds replies to the reader’s comment among the new comments by the threads’ inference (time, quote, Blogger’s reply), not others', async () => {
    const mine = aMine('101', '9000', {
      displayTime: '21:07',
      publishedMs: T(21, 7),
      text: 'Caseloads in our PDU are over 60 and nobody in HMPPS is listening.',
    });
    const fresh: EntrySpec[] = [
      { id: '9001', postId: '101', html: '@21:07 exactly the same in our office.', publishedMs: T(21, 30), displayTime: '21:30' },
      { id: '9002', postId: '101', html: 'Has anyone heard about the pay award?', publishedMs: T(21, 40), displayTime: '21:40' },
      { id: '9003', postId: '101', html: '&quot;nobody in HMPPS is listening&quot;<br>They never do.', publishedMs: T(21, 50), displayTime: '21:50' },
      { id: '9004', postId: '101', html: 'Agreed.', publishedMs: T(22, 0), displayTime: '22:00', parentId: '9000' },
    ];
    const all = [...comments('101', 10), ...fresh];
    const blog = fakeBlog({ '101': all });
    const report = await runFollowCheck([aState('101', aSeen(10), aCheck(10))], deps(blog.fetchJson, [mine]));
    expect(report.results.get('101')!.replies.map((reply) => reply.id)).toEqual(['9001', '9003', '9004']);
    expect(report.results.get('101')!.replies[0]).toMatchObject({
      author: 'Anonymous',
      displayTime: '21:30',
      publishedMs: T(21, 30),
      foundAt: T(23, 0),
    });
    // Two requests: the count, then the four new comments (and only those).
    expect(blog.asked).toHaveLength(2);
    expect(new URL(blog.asked[1]!).searchParams.get('start-index')).toBe('11');
    expect(new URL(blog.asked[1]!).searchParams.get('max-results')).toBe('4');
    expect(report.inferenceComments).toBe(5);
    expect(report.inferenceMs).toBeGreaterThanOrEqual(0);
  });

  it('reads new comments only once: the next run starts past the last check, and only when the reader has comments there', async () => {
    const mine = aMine('101', '1010000');
    const blog = fakeBlog({ '101': comments('101', 13), '202': comments('202', 12) });
    await runFollowCheck([aState('101', aSeen(10), aCheck(11)), aState('202', aSeen(10), aCheck(10))], deps(blog.fetchJson, [mine]));
    const reads = blog.asked.filter((url) => new URL(url).searchParams.get('max-results') !== '1');
    expect(reads).toHaveLength(1);
    expect(new URL(reads[0]!).searchParams.get('start-index')).toBe('12');
    expect(new URL(reads[0]!).searchParams.get('max-results')).toBe('2');
    expect(new URL(reads[0]!).pathname).toContain('/101/');
  });

  it('reads at most the newest hundred new comments of a post in one run', async () => {
    const blog = fakeBlog({ '101': comments('101', 400) });
    await runFollowCheck([aState('101', aSeen(10), aCheck(10))], deps(blog.fetchJson, [aMine('101', '1010000')]));
    const read = new URL(blog.asked[1]!).searchParams;
    expect([read.get('start-index'), read.get('max-results')]).toEqual([String(400 - MAX_NEW_READ + 1), String(MAX_NEW_READ)]);
  });

  it('builds feed addresses only on the post’s own origin and only for Blogger post ids', () => {
    expect(feedUrl(`${BLOG}/2026/11/x.html`, '42', 3, 1)).toBe(
      `${BLOG}/feeds/42/comments/default?alt=json&orderby=published&reverse=false&start-index=3&max-results=1`,
    );
    expect(() => feedUrl(`${BLOG}/x.html`, '../../evil', 1, 1)).toThrow();
    expect(() => feedUrl('javascript:alert(1)', '42', 1, 1)).toThrow();
  });
});
