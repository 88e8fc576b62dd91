// @vitest-environment node
/** The posts feed read for totals only, and the feed URL that mirrors each list page. */
import { describe, expect, it } from 'vitest';
import { parsePostTotals, postsFeedUrl } from '../../../src/blogger/posts-feed';
import { listFixture, listFixtureText } from '../../fixtures/serve-lists';

const BLOG = 'https://probationmatters.blogspot.com';

describe('postsFeedUrl', () => {
  it('asks the page’s own origin for as many posts as the page shows', () => {
    expect(postsFeedUrl(`${BLOG}/`, 'home', 20)).toBe(`${BLOG}/feeds/posts/default?alt=json&max-results=20`);
  });

  it('keeps the label, the search words and the "Older posts" boundary', () => {
    expect(postsFeedUrl(`${BLOG}/search/label/civil%20service?updated-max=2021-01-01T00:00:00Z`, 'label', 7)).toBe(
      `${BLOG}/feeds/posts/default/-/civil%20service?alt=json&max-results=7&updated-max=2021-01-01T00%3A00%3A00Z`,
    );
    expect(postsFeedUrl(`${BLOG}/search?q=napo`, 'search', 5)).toContain('&q=napo');
  });

  it('gives an archive month its range, with a day to spare each side', () => {
    const url = new URL(postsFeedUrl(`${BLOG}/2024/02/`, 'archive', 2) as string);
    expect(url.searchParams.get('published-min')).toBe('2024-01-31T00:00:00Z');
    expect(url.searchParams.get('published-max')).toBe('2024-03-02T00:00:00Z');
  });

  it('never asks for more than 50 posts', () => {
    expect(postsFeedUrl(`${BLOG}/`, 'home', 500)).toContain('max-results=50');
  });
});

describe('parsePostTotals', () => {
  it('reads id, URL, thr$total and time of every entry of the fixture feed', () => {
    const totals = parsePostTotals(JSON.parse(listFixtureText('posts-feed')));
    const home = listFixture('home').posts ?? [];
    for (const post of home) expect(totals.find((total) => total.postId === post.postId)).toMatchObject({ url: post.url, total: post.count });
  });

  it('skips entries without a numeric total and survives malformed feeds', () => {
    const feed = {
      feed: {
        entry: [
          { id: { $t: 'tag:blogger.com,1999:blog-1.post-22' }, thr$total: { $t: '7' }, published: { $t: '2024-01-01T10:00:00Z' } },
          { id: { $t: 'tag:blogger.com,1999:blog-1.post-23' }, thr$total: { $t: '<b>9</b>' } },
          { id: { $t: 'tag:blogger.com,1999:blog-1.post-24' } },
          'junk',
        ],
      },
    };
    expect(parsePostTotals(feed)).toEqual([{ postId: '22', url: null, total: 7, publishedMs: Date.parse('2024-01-01T10:00:00Z') }]);
    expect(parsePostTotals(null)).toEqual([]);
    expect(parsePostTotals({ feed: { entry: 'x' } })).toEqual([]);
  });
});
