import { describe, expect, it } from 'vitest';
import type { LatestComment } from '../../../../src/blogger/latest-feed';
import { applyLatestFilters, latestFilters, POST_FILTER, UNREAD_FILTER } from '../../../../src/features/latest/filters';
import { addLatestFilter } from '../../../../src/features/latest/api';
import { groupByPost, whoOf } from '../../../../src/features/latest/grouping';

function comment(
  id: string,
  postId: string,
  publishedMs: number,
  author: string | null = null,
  displayTime = '11 March 2024 at 21:07',
): LatestComment {
  return {
    id,
    postId,
    postUrl: `https://probationmatters.blogspot.com/2024/03/post-${postId}.html`,
    postTitle: `Post ${postId}`,
    author,
    publishedMs,
    displayTime,
    permalink: `https://probationmatters.blogspot.com/2024/03/post-${postId}.html?showComment=${publishedMs}#c${id}`,
    excerpt: `comment ${id}`,
    removed: false,
  };
}

describe('groupByPost', () => {
  it('groups by post, the post with the newest comment first, newest first within a group, even when the feed interleaves posts', () => {
    const groups = groupByPost([
      comment('1', 'a', 900),
      comment('2', 'b', 800),
      comment('3', 'a', 700),
      comment('4', 'b', 950),
      comment('5', 'c', 100),
    ]);
    expect(groups.map((group) => [group.postId, group.comments.map((c) => c.id)])).toEqual([
      ['b', ['4', '2']],
      ['a', ['1', '3']],
      ['c', ['5']],
    ]);
  });
});

describe('whoOf', () => {
  it('says the name, else the time handle readers use, else Anonymous', () => {
    expect(whoOf(comment('1', 'a', 1, 'Getafix'), 'Anonymous')).toBe('Getafix');
    expect(whoOf(comment('1', 'a', 1, null, '11 March 2024 at 21:07'), 'Anonymous')).toBe('Anonymous · 21:07');
    expect(whoOf(comment('1', 'a', 1, null, '11 March 2024'), 'Anonymous')).toBe('Anonymous');
  });
});

describe('Latest filters', () => {
  const comments = [comment('1', 'a', 3), comment('2', 'b', 2), comment('3', 'a', 1)];
  const read = new Set(['1']);
  const context = { isRead: (c: LatestComment) => read.has(c.id) };

  it('Only unread keeps the comments not read', () => {
    expect(applyLatestFilters(comments, latestFilters(), { unread: true }, context).map((c) => c.id)).toEqual(['2', '3']);
  });

  it('one post keeps that post, and the choices are the posts loaded', () => {
    expect(POST_FILTER.choices(comments)).toEqual([
      { value: 'a', label: 'Post a' },
      { value: 'b', label: 'Post b' },
    ]);
    expect(applyLatestFilters(comments, latestFilters(), { post: 'a' }, context).map((c) => c.id)).toEqual(['1', '3']);
    expect(applyLatestFilters(comments, latestFilters(), { post: 'a', unread: true }, context).map((c) => c.id)).toEqual(['3']);
    expect(applyLatestFilters(comments, latestFilters(), { post: '' }, context)).toHaveLength(3);
  });

  it('another feature adds a filter as one more entry of the row', () => {
    const remove = addLatestFilter({ id: 'followed', kind: 'toggle', label: () => 'Only posts I follow', test: (c) => c.postId === 'b' });
    expect(latestFilters().map((filter) => filter.id)).toEqual([UNREAD_FILTER.id, POST_FILTER.id, 'followed']);
    expect(applyLatestFilters(comments, latestFilters(), { followed: true }, context).map((c) => c.id)).toEqual(['2']);
    remove();
    expect(latestFilters().map((filter) => filter.id)).toEqual(['unread', 'post']);
  });
});
