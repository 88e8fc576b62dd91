import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../../support/fake-browser')).createFakeBrowser() }));

import browser from '../../../../src/shared/browser';
import {
  checkKey,
  follow,
  followKey,
  loadFollowStates,
  markSeen,
  parseFollow,
  saveChecks,
  seenKey,
  unfollow,
  watchFollow,
} from '../../../../src/features/follow/store';
import type { FakeBrowser } from '../../support/fake-browser';
import { aCheck, aFollow } from './helpers';

const fake = browser as unknown as FakeBrowser;
beforeEach(() => fake.reset());

describe('follow store', () => {
  it('keeps both follows when two tabs follow different posts at the same moment', async () => {
    await Promise.all([follow(aFollow('101'), 12), follow(aFollow('202'), 40)]);
    const states = await loadFollowStates();
    expect([...states.keys()].sort()).toEqual(['101', '202']);
    expect(states.get('202')!.seen!.total).toBe(40);
  });

  it('loses no follow when one tab unfollows a post while another follows a second one', async () => {
    await follow(aFollow('101'), 12);
    await Promise.all([unfollow(['101']), follow(aFollow('202'), 3)]);
    expect([...(await loadFollowStates()).keys()]).toEqual(['202']);
  });

  it('never brings back a follow that a tab removed while a check was saving its results', async () => {
    await follow(aFollow('101'), 12);
    // The check read the follow, then the reader unfollowed, then the check saved what it found.
    await unfollow(['101']);
    await saveChecks(new Map([['101', aCheck(20)]]));
    expect((await loadFollowStates()).size).toBe(0);
    expect(fake.storage.local.data.has(followKey('101'))).toBe(false);
  });

  it('writes the visit and the check under keys of their own, so a visit never overwrites a count the check found', async () => {
    await follow(aFollow('101'), 12);
    await Promise.all([markSeen('101', 30, 5_000), saveChecks(new Map([['101', aCheck(31)]]))]);
    const state = (await loadFollowStates()).get('101')!;
    expect(state.seen).toMatchObject({ total: 30, at: 5_000 });
    expect(state.check!.total).toBe(31);
  });

  it('forgets what was seen and checked of a post it stops following', async () => {
    await follow(aFollow('101'), 12);
    await saveChecks(new Map([['101', aCheck(20)]]));
    await unfollow(['101']);
    for (const key of [followKey('101'), seenKey('101'), checkKey('101')]) expect(fake.storage.local.data.has(key), key).toBe(false);
  });

  it('ignores malformed follows and follows stored under another post’s key, and keeps only web addresses', async () => {
    fake.storage.local.data.set(followKey('1'), { v: 1, postKey: '1', url: 'javascript:alert(1)', at: 1 });
    fake.storage.local.data.set(followKey('2'), aFollow('3'));
    fake.storage.local.data.set(followKey('4'), { ...aFollow('4'), url: 'https://probationmatters.blogspot.com/2026/11/x.html?showComment=1#c2' });
    const states = await loadFollowStates();
    expect([...states.keys()]).toEqual(['4']);
    expect(states.get('4')!.follow.url).toBe('https://probationmatters.blogspot.com/2026/11/x.html');
    expect(parseFollow({ ...aFollow('5'), v: 2 })).toBeNull();
  });

  it('tells a tab when another tab follows or unfollows its post', async () => {
    const seen: Array<boolean> = [];
    const stop = watchFollow('101', (stored) => seen.push(stored !== null));
    await follow(aFollow('101'), 1);
    await fake.flush();
    await unfollow(['101']);
    await fake.flush();
    stop();
    expect(seen).toEqual([true, false]);
  });
});
