/**
 * The follow check as the extension runs it: from the background's alarm (or the popup's "Check now"), with the stored
 * follows, the reader's comments and the schedule; then auto-unfollow, the results written, the next alarm set and
 * the toolbar badge brought up to date. Only extension pages and the background call this.
 */
import { alarmTime, cancelAlarm, scheduleAlarm, setGlobalBadge } from '../../shared/browser';
import { t } from '../../shared/i18n';
import { loadSettings } from '../../shared/settings';
import { readKeys, writeKeys } from '../../shared/storage';
import { fetchFeedJsonWithTimeout, runFollowCheck, type RunReport } from './check';
import { minesIn, type Mine } from './mine-store';
import { afterRun, nextCheckAt, NO_RUNS, postsToUnfollow, type ScheduleState } from './scheduler';
import { followStatesIn, saveChecks, unfollow, type FollowState } from './store';
import { followBadge, followedPosts } from './summary';
import { repliesToYou } from './words';

export const FOLLOW_ALARM = 'threadline-follow';
export const SCHEDULE_KEY = 'follow-schedule';
/** A run holds the check for at most this long (another page or the background skips meanwhile). */
const RUN_LEASE_MS = 3 * 60_000;

/** The schedule as stored, with the last run's report (how long inference took, for the record). */
export interface StoredSchedule extends ScheduleState {
  v: 1;
  runningUntil: number;
  last: (Omit<RunReport, 'results'> & { at: number }) | null;
}

export function parseSchedule(value: unknown): StoredSchedule {
  const raw = (value && typeof value === 'object' ? value : {}) as Partial<StoredSchedule>;
  const num = (field: unknown, fallback: number) => (typeof field === 'number' && Number.isFinite(field) && field >= 0 ? field : fallback);
  return {
    v: 1,
    failures: Math.floor(num(raw.failures, 0)),
    lastRunAt: typeof raw.lastRunAt === 'number' && Number.isFinite(raw.lastRunAt) ? raw.lastRunAt : NO_RUNS.lastRunAt,
    runningUntil: num(raw.runningUntil, 0),
    last: raw.last && typeof raw.last === 'object' ? raw.last : null,
  };
}

function minesByPost(mines: readonly Mine[]): Map<string, Mine[]> {
  const byPost = new Map<string, Mine[]>();
  for (const mine of mines) byPost.set(mine.postKey, [...(byPost.get(mine.postKey) ?? []), mine]);
  return byPost;
}

/** Set (or cancel) the alarm from the settings, the follows and the schedule now stored. */
export async function reschedule(now = Date.now()): Promise<number | null> {
  const [settings, all] = await Promise.all([loadSettings(), readKeys('local', null)]);
  const states = followStatesIn(all);
  const schedule = parseSchedule(all[SCHEDULE_KEY]);
  const earliestFollow = Math.min(...[...states.values()].map((state) => state.follow.at), now);
  const when = nextCheckAt({ now, intervalMinutes: settings.follow.intervalMinutes, followed: states.size, schedule, since: earliestFollow });
  if (when === null) {
    await cancelAlarm(FOLLOW_ALARM);
    return null;
  }
  // An alarm already due at that time stays (setting it again would push a due alarm on and on).
  const current = await alarmTime(FOLLOW_ALARM);
  if (current === null || Math.abs(current - when) > 1000) await scheduleAlarm(FOLLOW_ALARM, when);
  return when;
}

/** The toolbar badge from what is stored: new comments on followed posts, and replies to the reader. */
export async function refreshFollowBadge(states?: Map<string, FollowState>): Promise<void> {
  const posts = followedPosts((states ?? followStatesIn(await readKeys('local', null))).values());
  const badge = followBadge(posts);
  const title =
    badge.text === ''
      ? undefined
      : [t('follow_badge_title_new', badge.newCount), ...(badge.replyCount > 0 ? [repliesToYou(badge.replyCount)] : [])].join(' · ');
  await setGlobalBadge(badge.text, badge.color, title);
}

/**
 * Run the check now: drop posts quiet for too long, check the rest (unless another run holds the lease), save what it
 * found and the schedule, set the next alarm, update the badge. Resolves with the run's report (null when skipped).
 */
export async function checkFollowedPosts(now: () => number = Date.now): Promise<RunReport | null> {
  const [settings, all] = await Promise.all([loadSettings(), readKeys('local', null)]);
  const schedule = parseSchedule(all[SCHEDULE_KEY]);
  const started = now();
  if (schedule.runningUntil > started) return null;
  await writeKeys('local', { [SCHEDULE_KEY]: { ...schedule, runningUntil: started + RUN_LEASE_MS } });
  const states = followStatesIn(all);
  const quiet = postsToUnfollow(states.values(), started, settings.follow.autoUnfollowDays);
  for (const postKey of quiet) states.delete(postKey);
  let report: RunReport | null = null;
  try {
    if (quiet.length > 0) await unfollow(quiet);
    report = await runFollowCheck(states.values(), {
      fetchJson: fetchFeedJsonWithTimeout,
      now,
      pause: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      mine: minesByPost(minesIn(all)),
      clock: () => performance.now(),
    });
    await saveChecks(report.results);
  } finally {
    const { results: _results, ...summary } = report ?? {
      results: null,
      failed: true,
      error: 'the run stopped',
      requests: 0,
      checked: 0,
      inferenceMs: 0,
      inferenceComments: 0,
    };
    const next = afterRun(schedule, summary.failed, now());
    const stored: StoredSchedule = { v: 1, ...next, runningUntil: 0, last: { ...summary, at: now() } };
    await writeKeys('local', { [SCHEDULE_KEY]: stored });
    await reschedule(now());
    await refreshFollowBadge();
  }
  return report;
}
