// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  afterRun,
  gapAfter,
  MAX_GAP_MS,
  MAX_POSTS_PER_RUN,
  MIN_DELAY_MS,
  nextCheckAt,
  nextCheckResult,
  NO_RUNS,
  postsToCheck,
  postsToUnfollow,
} from '../../../../src/features/follow/scheduler';
import { aCheck, aSeen, aState } from './helpers';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 11, 1, 9, 0);

describe('follow scheduler: when to check', () => {
  it('sets no check while nothing is followed or the reader turned checks off', () => {
    expect(nextCheckAt({ now: T0, intervalMinutes: 30, followed: 0, schedule: NO_RUNS })).toBeNull();
    expect(nextCheckAt({ now: T0, intervalMinutes: 0, followed: 3, schedule: NO_RUNS })).toBeNull();
  });

  it('checks one interval after following, then one interval after each clean run', () => {
    expect(nextCheckAt({ now: T0, intervalMinutes: 30, followed: 1, schedule: NO_RUNS, since: T0 })).toBe(T0 + 30 * MINUTE);
    let schedule = afterRun(NO_RUNS, false, T0 + 30 * MINUTE);
    expect(nextCheckAt({ now: T0 + 30 * MINUTE, intervalMinutes: 30, followed: 1, schedule })).toBe(T0 + 60 * MINUTE);
    schedule = afterRun(schedule, false, T0 + 60 * MINUTE);
    expect(nextCheckAt({ now: T0 + 61 * MINUTE, intervalMinutes: 360, followed: 1, schedule })).toBe(T0 + 60 * MINUTE + 6 * HOUR);
  });

  it('backs off after failures in a row, doubling the gap up to six hours, and returns to the interval after a clean run', () => {
    let schedule = NO_RUNS;
    const gaps: number[] = [];
    let now = T0;
    for (let run = 0; run < 6; run++) {
      schedule = afterRun(schedule, true, now);
      const next = nextCheckAt({ now, intervalMinutes: 15, followed: 2, schedule })!;
      gaps.push((next - now) / MINUTE);
      now = next;
    }
    expect(gaps).toEqual([30, 60, 120, 240, 360, 360]);
    schedule = afterRun(schedule, false, now);
    expect(nextCheckAt({ now, intervalMinutes: 15, followed: 2, schedule })! - now).toBe(15 * MINUTE);
    expect(gapAfter(360, 4)).toBe(MAX_GAP_MS);
  });

  it('never sets a check in the past or at once after the browser was closed for a day', () => {
    const schedule = afterRun(NO_RUNS, false, T0);
    expect(nextCheckAt({ now: T0 + DAY, intervalMinutes: 30, followed: 1, schedule })).toBe(T0 + DAY + MIN_DELAY_MS);
  });
});

describe('follow scheduler: which posts', () => {
  it('checks the posts checked longest ago first, never more than a run’s share, and skips posts without a Blogger id', () => {
    const states = Array.from({ length: 30 }, (_, i) => aState(String(100 + i), null, aCheck(5, { checkedAt: T0 - i * MINUTE })));
    const noId = aState('x', null, null);
    noId.follow.postId = null;
    const picked = postsToCheck([...states, noId]);
    expect(picked).toHaveLength(MAX_POSTS_PER_RUN);
    expect(picked[0]!.follow.postKey).toBe('129');
    expect(picked.some((state) => state.follow.postKey === 'x')).toBe(false);
  });

  it('stops following a post quiet for the set number of days: no new comment, no visit since', () => {
    const quiet = aState('1', aSeen(10, T0), aCheck(10, { grewAt: T0 }), T0);
    const visited = aState('2', aSeen(10, T0 + 20 * DAY), aCheck(10, { grewAt: T0 }), T0);
    const lively = aState('3', aSeen(10, T0), aCheck(14, { grewAt: T0 + 29 * DAY }), T0);
    expect(postsToUnfollow([quiet, visited, lively], T0 + 30 * DAY, 30)).toEqual(['1']);
    expect(postsToUnfollow([quiet, visited, lively], T0 + 30 * DAY - 1, 30)).toEqual([]);
    expect(postsToUnfollow([quiet], T0 + 365 * DAY, 0)).toEqual([]);
  });

  it('restarts the quiet clock when a check finds more comments, and keeps it when the count is the same', () => {
    const first = nextCheckResult(null, { total: 10, firstNewAfter: 10, firstNewId: null, replies: [] }, T0);
    expect(first).toMatchObject({ total: 10, baseline: 10, grewAt: T0 });
    const same = nextCheckResult(first, { total: 10, firstNewAfter: 10, firstNewId: null, replies: [] }, T0 + DAY);
    expect(same.grewAt).toBe(T0);
    const grown = nextCheckResult(same, { total: 12, firstNewAfter: 10, firstNewId: '55', replies: [] }, T0 + 2 * DAY);
    expect(grown).toMatchObject({ total: 12, baseline: 10, grewAt: T0 + 2 * DAY, firstNewId: '55' });
  });

  it('keeps each reply found once across runs', () => {
    const reply = { id: '9', author: 'A', displayTime: '21:09', publishedMs: T0, foundAt: T0 };
    const once = nextCheckResult(null, { total: 3, firstNewAfter: 2, firstNewId: '9', replies: [reply] }, T0);
    const twice = nextCheckResult(once, { total: 4, firstNewAfter: 2, firstNewId: '9', replies: [reply] }, T0 + HOUR);
    expect(twice.replies.map((r) => r.id)).toEqual(['9']);
  });
});
