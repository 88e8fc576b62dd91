// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  BADGE_NEW_COLOR,
  BADGE_REPLY_COLOR,
  followBadge,
  followedPosts,
  newCommentsOf,
  unseenRepliesOf,
} from '../../../../src/features/follow/summary';
import { aCheck, aSeen, aState, BLOG } from './helpers';

const reply = (id: string, foundAt: number) => ({ id, author: 'Anonymous', displayTime: '21:09', publishedMs: 0, foundAt });

describe('followed posts summary and badge', () => {
  it('counts new comments past what the reader saw, or past the first check when they never opened the post here', () => {
    expect(newCommentsOf(aState('1', aSeen(10), aCheck(14)))).toBe(4);
    expect(newCommentsOf(aState('1', null, aCheck(14, { baseline: 11 })))).toBe(3);
    expect(newCommentsOf(aState('1', aSeen(10), null))).toBe(0);
    // Comments removed since the visit never make the count negative.
    expect(newCommentsOf(aState('1', aSeen(10), aCheck(8)))).toBe(0);
  });

  it('counts only replies found after the reader last had the post open (this browser’s clock, not the blog’s)', () => {
    const state = aState('1', aSeen(10, 5_000), aCheck(12, { replies: [reply('7', 4_000), reply('8', 6_000)] }));
    expect(unseenRepliesOf(state).map((r) => r.id)).toEqual(['8']);
  });

  it('links each post to its first new comment while that is still the first unseen one, else to the post', () => {
    const [post] = followedPosts([aState('1', aSeen(10), aCheck(12, { firstNewId: '77', firstNewAfter: 10 }))]);
    expect(post!.href).toBe(`${BLOG}/2026/11/post-1.html#c77`);
    const [stale] = followedPosts([aState('1', aSeen(12), aCheck(12, { firstNewId: '77', firstNewAfter: 10 }))]);
    expect(stale!.href).toBe(`${BLOG}/2026/11/post-1.html`);
  });

  it('lists posts with replies to the reader first, then by most new', () => {
    const posts = followedPosts([
      aState('1', aSeen(10), aCheck(30)),
      aState('2', aSeen(10, 0), aCheck(11, { replies: [reply('5', 9_000)] })),
      aState('3', aSeen(10), aCheck(10)),
    ]);
    expect(posts.map((p) => [p.postKey, p.newCount, p.replies.length])).toEqual([
      ['2', 1, 1],
      ['1', 20, 0],
      ['3', 0, 0],
    ]);
  });

  it('badges the number of new comments, red when some answer the reader, and nothing when there is nothing new', () => {
    expect(followBadge([])).toMatchObject({ text: '', color: BADGE_NEW_COLOR });
    expect(
      followBadge([
        { newCount: 5, replies: [] },
        { newCount: 2, replies: [] },
      ]),
    ).toMatchObject({ text: '7', color: BADGE_NEW_COLOR, replyCount: 0 });
    expect(followBadge([{ newCount: 3, replies: [reply('1', 1), reply('2', 2)] }])).toMatchObject({
      text: '3',
      color: BADGE_REPLY_COLOR,
      replyCount: 2,
    });
    expect(followBadge([{ newCount: 1200, replies: [] }]).text).toBe('999+');
  });
});
