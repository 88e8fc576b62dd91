import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../../support/fake-browser')).createFakeBrowser() }));

import { followPost, unfollowPost, watchFollowIndex } from '../../../../src/features/follow/api';
import { saveMine, savePageReplies } from '../../../../src/features/follow/mine-store';
import { checkKey, follow } from '../../../../src/features/follow/store';
import browser from '../../../../src/shared/browser';
import type { FakeBrowser } from '../../support/fake-browser';
import { aCheck, aFollow, aMine } from './helpers';

const fake = browser as unknown as FakeBrowser;
beforeEach(() => fake.reset());

describe('the follow index other features read (the Latest view’s filters)', () => {
  it('holds followed posts, your comments and the replies to them, and follows changes from any tab', async () => {
    await follow(aFollow('101', 1_000), 10, 1_000);
    fake.storage.local.data.set(
      checkKey('101'),
      aCheck(12, { replies: [{ id: '55', author: 'A', displayTime: '21:00', publishedMs: 0, foundAt: 2_000 }] }),
    );
    await saveMine(aMine('101', '40'));
    await savePageReplies('202', ['66']);
    const controller = new AbortController();
    const index = watchFollowIndex(controller.signal);
    await index.ready;
    expect(index.followedPosts.values()).toEqual(['101']);
    expect(index.followedPostIds.values()).toEqual(['101']);
    expect(index.myComments.values()).toEqual(['40']);
    expect(index.repliesToMe.values().sort()).toEqual(['55', '66']);

    const changed = vi.fn();
    index.followedPosts.subscribe('303', changed);
    await followPost({ postKey: '303', postId: '303', url: 'https://probationmatters.blogspot.com/2026/12/x.html', title: 'X' });
    await vi.waitFor(() => expect(index.followedPosts.has('303')).toBe(true));
    expect(changed).toHaveBeenCalled();
    await unfollowPost('101');
    await vi.waitFor(() => expect(index.followedPosts.has('101')).toBe(false));
    expect(index.repliesToMe.values()).toEqual(['66']);
    controller.abort();
  });
});
