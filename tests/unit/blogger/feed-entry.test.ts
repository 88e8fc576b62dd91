/** src/blogger/feed-entry.ts: the post comment-feed URL, built only on the page's origin and only for Blogger post ids. */
import { describe, expect, it } from 'vitest';
import { FeedError } from '../../../src/blogger/errors';
import { feedUrl } from '../../../src/blogger/feed-entry';
import { POST } from './markup';

const ORIGIN = 'https://probationmatters.blogspot.com';

describe('feedUrl', () => {
  it('asks the page origin for one oldest-first page of the post comment feed', () => {
    expect(feedUrl(`${ORIGIN}/2024/02/x.html?m=1`, POST, 201, 200)).toBe(
      `${ORIGIN}/feeds/${POST}/comments/default?alt=json&orderby=published&reverse=false&start-index=201&max-results=200`,
    );
  });

  it('refuses a post id that is not digits', () => {
    expect(() => feedUrl(ORIGIN, '../../evil', 1, 10)).toThrow(FeedError);
  });
});
