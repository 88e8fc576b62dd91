/**
 * When the background checks followed posts, which ones, and which to stop following: pure functions of the stored
 * state and the time, unit-tested with fake time. The background turns their answers into one one-shot alarm.
 */
import type { CheckResult, FollowState } from './store';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** The longest gap back-off may reach (and the longest interval the options offer). */
export const MAX_GAP_MS = 6 * 60 * MINUTE;
/** The soonest an alarm is set after now, so a browser that was closed for a day does not check at the instant it opens. */
export const MIN_DELAY_MS = MINUTE;
/** Posts checked in one run at most (the ones checked longest ago first); the rest wait for the next run. */
export const MAX_POSTS_PER_RUN = 20;
/** Pause between two requests of one run, so a run is a trickle, never a burst. */
export const REQUEST_GAP_MS = 500;
/** Replies to the reader kept per followed post (the oldest go first); here, not in store.ts, so this module stays storage-free. */
export const MAX_REPLIES = 50;

/** What the background keeps about its runs (`follow-schedule`, written by the background only). */
export interface ScheduleState {
  /** Runs in a row that met a failure (0 after a clean run): each doubles the gap, up to MAX_GAP_MS. */
  failures: number;
  lastRunAt: number | null;
}

export const NO_RUNS: ScheduleState = { failures: 0, lastRunAt: null };

/** The gap after a run: the interval, doubled for each failure in a row, never past MAX_GAP_MS (nor below the interval). */
export function gapAfter(intervalMinutes: number, failures: number): number {
  const base = intervalMinutes * MINUTE;
  return Math.max(base, Math.min(MAX_GAP_MS, base * 2 ** Math.min(failures, 10)));
}

/**
 * When the next check is due, or null for none: no checks while nothing is followed or the reader turned them off.
 * The first check comes one interval after following; after a run, one gap (with back-off) after that run.
 */
export function nextCheckAt(options: {
  now: number;
  intervalMinutes: number;
  followed: number;
  schedule: ScheduleState;
  since?: number;
}): number | null {
  const { now, intervalMinutes, followed, schedule } = options;
  if (intervalMinutes <= 0 || followed <= 0) return null;
  const from = schedule.lastRunAt ?? options.since ?? now;
  return Math.max(now + MIN_DELAY_MS, from + gapAfter(intervalMinutes, schedule.failures));
}

/** The schedule after a run that did (or did not) meet a failure. */
export function afterRun(schedule: ScheduleState, failed: boolean, now: number): ScheduleState {
  return { failures: failed ? schedule.failures + 1 : 0, lastRunAt: now };
}

/** The posts one run checks: those with a Blogger post id, checked longest ago (or never) first, at most `limit`. */
export function postsToCheck(states: Iterable<FollowState>, limit = MAX_POSTS_PER_RUN): FollowState[] {
  return [...states]
    .filter((state) => state.follow.postId !== null)
    .sort((a, b) => (a.check?.checkedAt ?? 0) - (b.check?.checkedAt ?? 0) || a.follow.at - b.follow.at)
    .slice(0, limit);
}

/** The last sign of life of a followed post: followed, opened, or a check that found more comments. */
export function lastActivity(state: FollowState): number {
  return Math.max(state.follow.at, state.seen?.at ?? 0, state.check?.grewAt ?? 0);
}

/** The posts to stop following: quiet (no new comment, no visit) for `days` days; none when `days` is 0. */
export function postsToUnfollow(states: Iterable<FollowState>, now: number, days: number): string[] {
  if (days <= 0) return [];
  return [...states].filter((state) => now - lastActivity(state) >= days * DAY).map((state) => state.follow.postKey);
}

/** What one post's check observed in its feed. */
export interface Observation {
  total: number;
  /** The comments the first-new link counts past, and the id at that place (null when there is none yet). */
  firstNewAfter: number;
  firstNewId: string | null;
  /** Replies to the reader found among the new comments read this time. */
  replies: CheckResult['replies'];
}

/** The stored check after an observation: the count grows the quiet clock back to now; replies accumulate once each. */
export function nextCheckResult(previous: CheckResult | null, observed: Observation, now: number): CheckResult {
  const grew = previous === null || observed.total > previous.total;
  const known = new Set((previous?.replies ?? []).map((reply) => reply.id));
  const replies = [...(previous?.replies ?? []), ...observed.replies.filter((reply) => !known.has(reply.id))].slice(-MAX_REPLIES);
  return {
    v: 1,
    total: observed.total,
    baseline: previous?.baseline ?? observed.total,
    checkedAt: now,
    grewAt: grew ? now : previous.grewAt,
    firstNewId: observed.firstNewId,
    firstNewAfter: observed.firstNewAfter,
    replies,
  };
}
