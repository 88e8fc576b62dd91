import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../../support/fake-browser')).createFakeBrowser() }));

import type { LatestComment } from '../../../../src/blogger/latest-feed';
import { watchFollowIndex } from '../../../../src/features/follow/api';
import { follow } from '../../../../src/features/follow/store';
import { applyLatestFilters } from '../../../../src/features/latest/filters';
import { latestFollows } from '../../../../src/features/latest/follow-links';
import browser from '../../../../src/shared/browser';
import type { FakeBrowser } from '../../support/fake-browser';
import { aFollow } from '../follow/helpers';

const fake = browser as unknown as FakeBrowser;
beforeEach(() => fake.reset());

const BLOG = 'https://probationmatters.blogspot.com';
function aComment(id: string, postId: string): LatestComment {
  return {
    id,
    postId,
    postUrl: `${BLOG}/2026/12/post-${postId}.html`,
    postTitle: `Post ${postId}`,
    author: null,
    publishedMs: 0,
    displayTime: '21:07',
    permalink: `${BLOG}/2026/12/post-${postId}.html#c${id}`,
    excerpt: 'x',
    removed: false,
  };
}
const comments = [aComment('1', '101'), aComment('2', '202'), aComment('3', '101')];
const notRead = { isRead: () => false };

describe('the Latest view’s link to following', () => {
  it('"Only posts I follow" keeps the comments of followed posts, by id or by URL key, and follows changes', async () => {
    await follow(aFollow('101', 1_000), 10, 1_000);
    const controller = new AbortController();
    const index = watchFollowIndex(controller.signal);
    await index.ready;
    const follows = latestFollows(index);
    const followed = follows.filters.find((filter) => filter.id === 'followed')!;
    expect(applyLatestFilters(comments, [followed], { followed: true }, notRead).map((c) => c.id)).toEqual(['1', '3']);
    expect(applyLatestFilters(comments, [followed], {}, notRead)).toHaveLength(3);
    index.followedPosts.replace([...index.followedPosts.values(), aComment('x', '202').postUrl]);
    expect(follows.isFollowed(comments[1]!)).toBe(true);
    controller.abort();
  });

  it('"Replies to me" keeps only the comments the index counts as replies to the reader', () => {
    const controller = new AbortController();
    const index = watchFollowIndex(controller.signal);
    index.repliesToMe.replace(['2']);
    const replies = latestFollows(index).filters.find((filter) => filter.id === 'replies-to-me')!;
    expect(applyLatestFilters(comments, [replies], { 'replies-to-me': true }, notRead).map((c) => c.id)).toEqual(['2']);
    controller.abort();
  });

  it('follows a post from its comment and stops following it under the key it was followed by', async () => {
    const controller = new AbortController();
    const index = watchFollowIndex(controller.signal);
    await index.ready;
    const follows = latestFollows(index);
    await follows.setFollowed(comments[1]!, true);
    await vi.waitFor(() => expect(follows.isFollowed(comments[1]!)).toBe(true));
    expect(index.followedPosts.values()).toEqual(['202']);
    await follows.setFollowed(comments[1]!, false);
    await vi.waitFor(() => expect(follows.isFollowed(comments[1]!)).toBe(false));
    controller.abort();
  });
});
