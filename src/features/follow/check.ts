/**
 * One run of the follow check: for each followed post due, one request to the post's own comment feed on the blog
 * (`max-results=1` from the first unseen comment: `openSearch$totalResults` and the first new comment's id), and, when
 * the reader has comments on that post and more arrived, one more request for the new comments, read as text for
 * reply inference. Any failure (offline, an HTTP error, a malformed feed) keeps the post's previous counts and ends
 * the run; the schedule backs off. Everything it touches comes in through `deps`, so tests drive it with fakes.
 */
import { feedUrl } from '../../blogger/feed-entry';
import { fetchFeedJson } from '../../blogger/feed-fetch';
import { parseFeedTextPage } from '../../blogger/feed-text';
import type { Mine } from './mine-store';
import { findRepliesInFeed, inferenceCommentOf } from './replies';
import { nextCheckResult, postsToCheck, REQUEST_GAP_MS, type Observation } from './scheduler';
import type { CheckResult, FollowState, FoundReply } from './store';

/** New comments read at most per post and run for reply inference (the newest ones when more arrived). */
export const MAX_NEW_READ = 100;
const REQUEST_TIMEOUT_MS = 20_000;

export interface CheckDeps {
  /** GET a URL on the blog and resolve with its parsed JSON; rejects on any failure. */
  fetchJson(url: string): Promise<unknown>;
  now(): number;
  /** Waits between requests (REQUEST_GAP_MS; tests pass no wait). */
  pause(ms: number): Promise<void>;
  /** Reader's comments by post key. */
  mine: ReadonlyMap<string, readonly Mine[]>;
  /** Measures inference (performance.now in the browser). */
  clock?: () => number;
}

/** What a run did: the new check results, whether it met a failure, and what it cost. */
export interface RunReport {
  results: Map<string, CheckResult>;
  failed: boolean;
  error: string | null;
  requests: number;
  checked: number;
  /** Time spent in reply inference, and how many comments it read, over the whole run. */
  inferenceMs: number;
  inferenceComments: number;
}

/** The default fetchJson: the shared credential-less feed GET, with a time limit. */
export function fetchFeedJsonWithTimeout(url: string): Promise<unknown> {
  return fetchFeedJson(url, undefined, REQUEST_TIMEOUT_MS);
}

/** Check the due posts one after the other; stops at the first failure. */
export async function runFollowCheck(states: Iterable<FollowState>, deps: CheckDeps): Promise<RunReport> {
  const report: RunReport = { results: new Map(), failed: false, error: null, requests: 0, checked: 0, inferenceMs: 0, inferenceComments: 0 };
  const request = async (url: string) => {
    if (report.requests > 0) await deps.pause(REQUEST_GAP_MS);
    report.requests += 1;
    return parseFeedTextPage(await deps.fetchJson(url));
  };
  for (const state of postsToCheck(states)) {
    try {
      const observed = await checkOne(state, deps, request, report);
      report.results.set(state.follow.postKey, nextCheckResult(state.check, observed, deps.now()));
      report.checked += 1;
    } catch (error) {
      report.failed = true;
      report.error = error instanceof Error ? error.message : String(error);
      break;
    }
  }
  return report;
}

async function checkOne(
  state: FollowState,
  deps: CheckDeps,
  request: (url: string) => Promise<ReturnType<typeof parseFeedTextPage>>,
  report: RunReport,
): Promise<Observation> {
  const { follow, seen, check } = state;
  const postId = follow.postId!;
  const after = seen?.total ?? check?.baseline ?? null;
  const first = await request(feedUrl(follow.url, postId, (after ?? 0) + 1, 1));
  if (first.total === null) throw new Error('the feed announced no comment count');
  const total = first.total;
  const firstNewAfter = after ?? total;
  const firstNewId = after !== null && total > after ? (first.records[0]?.id ?? null) : null;
  const replies: FoundReply[] = [];
  const mine = deps.mine.get(follow.postKey) ?? [];
  // Only comments no earlier check has read: past what the reader saw and past the last check's count.
  const readFrom = Math.max(after ?? total, check?.total ?? 0);
  const unread = total - readFrom;
  if (mine.length > 0 && unread > 0) {
    const count = Math.min(unread, MAX_NEW_READ);
    const page = await request(feedUrl(follow.url, postId, total - count + 1, count));
    const found = findRepliesInFeed(mine.map(inferenceCommentOf), page.records, deps.clock);
    report.inferenceMs += found.ms;
    report.inferenceComments += found.comments;
    const byId = new Map(page.records.map((record) => [record.id, record]));
    for (const id of found.replyIds) {
      const record = byId.get(id)!;
      const publishedMs = Number.isFinite(record.publishedMs) ? record.publishedMs : 0;
      replies.push({ id, author: record.author, displayTime: record.displayTime, publishedMs, foundAt: deps.now() });
    }
  }
  return { total, firstNewAfter, firstNewId, replies };
}
