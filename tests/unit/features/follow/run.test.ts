/** The follow check as the background runs it: auto-unfollow, results and schedule saved, the alarm and the global badge. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../../support/fake-browser')).createFakeBrowser() }));

import browser from '../../../../src/shared/browser';
import { checkFollowedPosts, FOLLOW_ALARM, parseSchedule, refreshFollowBadge, reschedule, SCHEDULE_KEY } from '../../../../src/features/follow/run';
import { follow, loadFollowStates, markSeen } from '../../../../src/features/follow/store';
import { updateSettings } from '../../../../src/shared/settings';
import type { FakeBrowser } from '../../support/fake-browser';
import { aFollow, feedPage } from './helpers';

type Extra = {
  alarms: Record<string, unknown>;
  action: Record<string, unknown>;
};
const fake = browser as unknown as FakeBrowser & Extra;
const alarms = new Map<string, number>();
let badge = { text: '', color: '', title: '' as string | null };
const DAY = 86_400_000;

beforeEach(() => {
  fake.reset();
  alarms.clear();
  badge = { text: '', color: '', title: '' };
  fake.alarms = {
    create: async (name: string, info: { when: number }) => void alarms.set(name, info.when),
    clear: async (name: string) => alarms.delete(name),
    get: async (name: string) => (alarms.has(name) ? { name, scheduledTime: alarms.get(name) } : undefined),
  };
  fake.action = {
    setBadgeText: async ({ text }: { text: string }) => void (badge.text = text),
    setBadgeBackgroundColor: async ({ color }: { color: string }) => void (badge.color = color),
    setTitle: async ({ title }: { title: string | null }) => void (badge.title = title),
  };
});
afterEach(() => vi.unstubAllGlobals());

function serveFeed(total: number | (() => never)) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    if (typeof total === 'function') total();
    return new Response(JSON.stringify(feedPage(total as number, [])), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return asked;
}

describe('the background follow check', () => {
  it('sets one alarm an interval after following, and none once nothing is followed or checks are off', async () => {
    expect(await reschedule(10 * DAY)).toBeNull();
    await follow(aFollow('101', 10 * DAY), 5);
    expect(await reschedule(10 * DAY)).toBe(10 * DAY + 30 * 60_000);
    expect(alarms.get(FOLLOW_ALARM)).toBe(10 * DAY + 30 * 60_000);
    await updateSettings({ follow: { onComment: true, intervalMinutes: 0, autoUnfollowDays: 30 } });
    expect(await reschedule(10 * DAY)).toBeNull();
    expect(alarms.has(FOLLOW_ALARM)).toBe(false);
  });

  it('saves the counts, shows them on the global badge, and clears them when the post is opened', async () => {
    const now = Date.now();
    await follow(aFollow('101', now), 5, now);
    const asked = serveFeed(9);
    const report = await checkFollowedPosts();
    expect(report).toMatchObject({ failed: false, checked: 1, requests: 1 });
    expect(new URL(asked[0]!).origin).toBe('https://probationmatters.blogspot.com');
    expect(badge).toMatchObject({ text: '4', color: '#0a5bc4' });
    expect(badge.title).toContain('4 new');
    await markSeen('101', 9);
    await refreshFollowBadge();
    expect(badge).toMatchObject({ text: '', title: '' });
    expect(alarms.has(FOLLOW_ALARM)).toBe(true);
  });

  it('keeps the previous counts when the blog fails and backs off the next alarm', async () => {
    const now = Date.now();
    await follow(aFollow('101', now), 5, now);
    serveFeed(7);
    await checkFollowedPosts();
    const first = alarms.get(FOLLOW_ALARM)!;
    serveFeed(() => {
      throw new TypeError('Failed to fetch');
    });
    const report = await checkFollowedPosts();
    expect(report).toMatchObject({ failed: true, error: 'Failed to fetch' });
    expect((await loadFollowStates()).get('101')!.check!.total).toBe(7);
    expect(badge.text).toBe('2');
    const schedule = parseSchedule(fake.storage.local.data.get(SCHEDULE_KEY));
    expect(schedule.failures).toBe(1);
    expect(alarms.get(FOLLOW_ALARM)! - schedule.lastRunAt!).toBe(60 * 60_000);
    expect(first).toBeLessThan(alarms.get(FOLLOW_ALARM)!);
  });

  it('stops following posts quiet for longer than the option says, before checking', async () => {
    const old = Date.now() - 31 * DAY;
    await follow(aFollow('101', old), 5, old);
    await follow(aFollow('202', Date.now()), 5);
    const asked = serveFeed(5);
    await checkFollowedPosts();
    expect([...(await loadFollowStates()).keys()]).toEqual(['202']);
    expect(asked.every((url) => url.includes('/feeds/202/'))).toBe(true);
  });

  it('skips a run while another one holds the check', async () => {
    await follow(aFollow('101'), 5);
    fake.storage.local.data.set(SCHEDULE_KEY, { v: 1, failures: 0, lastRunAt: null, runningUntil: Date.now() + 60_000, last: null });
    const asked = serveFeed(9);
    expect(await checkFollowedPosts()).toBeNull();
    expect(asked).toEqual([]);
  });
});
