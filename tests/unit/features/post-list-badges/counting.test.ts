// @vitest-environment node
/** Which badge a listed post earns: new comments against the count at the last visit, or a never-opened new post. */
import { describe, expect, it } from 'vitest';
import { badgeFor, firstNewCommentHref, newSinceVisit } from '../../../../src/features/post-list-badges/counting';

const URL_A = 'https://probationmatters.blogspot.com/2024/02/some-thoughts.html';
const FIRST_USE = Date.parse('2024-01-01T00:00:00Z');

describe('newSinceVisit', () => {
  it('is the count now minus the count at the last visit', () => {
    expect(newSinceVisit(35, { at: 1, count: 30 })).toBe(5);
    expect(newSinceVisit(30, { at: 1, count: 30 })).toBe(0);
  });

  it('is never negative when comments were removed, and unknown without both counts', () => {
    expect(newSinceVisit(28, { at: 1, count: 30 })).toBe(0);
    expect(newSinceVisit(null, { at: 1, count: 30 })).toBeNull();
    expect(newSinceVisit(35, { at: 1, count: null })).toBeNull();
  });
});

describe('badgeFor', () => {
  const post = { url: URL_A, publishedMs: Date.parse('2024-02-04T08:12:00Z'), count: 35 };

  it('"N new" for a visited post with more comments, linking to its first comment after the visit', () => {
    const at = Date.parse('2024-02-05T22:02:12Z');
    expect(badgeFor(post, { at, count: 30 }, FIRST_USE)).toEqual({ kind: 'new', count: 5, href: `${URL_A}?showComment=${at + 1}#comments` });
  });

  it('nothing for a visited post with nothing new, or whose count at the visit was not recorded', () => {
    expect(badgeFor(post, { at: 5, count: 35 }, FIRST_USE)).toBeNull();
    expect(badgeFor(post, { at: 5, count: null }, FIRST_USE)).toBeNull();
    expect(badgeFor({ ...post, count: null }, { at: 5, count: 30 }, FIRST_USE)).toBeNull();
  });

  it('"new post" for a never-opened post published after the first use, nothing for older ones', () => {
    expect(badgeFor(post, null, FIRST_USE)).toEqual({ kind: 'new-post', count: 35, href: URL_A });
    expect(badgeFor(post, null, Date.parse('2025-01-01T00:00:00Z'))).toBeNull();
    expect(badgeFor({ ...post, publishedMs: Number.NaN }, null, FIRST_USE)).toBeNull();
  });

  it('the first-new link drops the post URL’s own query and hash', () => {
    expect(firstNewCommentHref(`${URL_A}?m=1#comments`, 1000)).toBe(`${URL_A}?showComment=1001#comments`);
  });
});
