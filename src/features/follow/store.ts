/**
 * Followed posts in browser.storage.local, in three keys per post so that no two writers ever share one:
 * `follow:<post>` (the reader's follow, written by tabs, the popup and auto-unfollow), `follow-seen:<post>` (how many
 * comments the reader has seen, written by the tab that shows the post) and `follow-check:<post>` (what the last
 * background check found, written only by the check). Two tabs following or unfollowing at once touch different keys
 * (or the same key with the same intent), and a check can never bring back a follow a tab just removed.
 */
import { MAX_REPLIES } from './scheduler';
import { onAreaChanged, readKeys, removeKeys, writeKeys, type StorageChanges } from '../../shared/storage';

export const FOLLOW_VERSION = 1;
export const FOLLOW_PREFIX = 'follow:';
export const SEEN_PREFIX = 'follow-seen:';
export const CHECK_PREFIX = 'follow-check:';

/** A followed post. */
export interface Follow {
  v: typeof FOLLOW_VERSION;
  postKey: string;
  /** Blogger's post id (digits): without it the post cannot be checked from its feed. */
  postId: string | null;
  /** The post's address (no query, no hash), on the blog's own origin. */
  url: string;
  title: string;
  /** When the reader followed it (epoch ms): the newer of two wins when merging. */
  at: number;
}

/** How far the reader has read a followed post: its comment count when they last had it open. */
export interface Seen {
  v: typeof FOLLOW_VERSION;
  total: number;
  at: number;
}

/** A reply to one of the reader's comments, found by a background check. */
export interface FoundReply {
  id: string;
  author: string;
  displayTime: string;
  publishedMs: number;
  /** When a check found it (epoch ms, this browser's clock): unseen until the reader next opens the post. */
  foundAt: number;
}

/** What the last successful background check of a post found. */
export interface CheckResult {
  v: typeof FOLLOW_VERSION;
  /** The feed's comment count (`openSearch$totalResults`). */
  total: number;
  /** The count the first check found: what "new" is counted from until the reader opens the post. */
  baseline: number;
  checkedAt: number;
  /** When the count last grew (or the first check): auto-unfollow counts quiet days from the latest of this, the follow and the last visit. */
  grewAt: number;
  /** The first comment past `firstNewAfter` comments (the link to the first new one), if known. */
  firstNewId: string | null;
  firstNewAfter: number;
  /** Replies to the reader's comments found in the new comments (newest last, at most MAX_REPLIES). */
  replies: FoundReply[];
}

const ID = /^\d{1,20}$/;
const MAX_TEXT = 300;

export const followKey = (postKey: string) => `${FOLLOW_PREFIX}${postKey}`;
export const seenKey = (postKey: string) => `${SEEN_PREFIX}${postKey}`;
export const checkKey = (postKey: string) => `${CHECK_PREFIX}${postKey}`;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

function time(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

/** Only http(s) addresses are kept (the popup links to them). */
function webUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2000) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? `${url.origin}${url.pathname}` : null;
  } catch {
    return null;
  }
}

/** A well-formed follow, or null (anything else in storage is ignored, never deleted). */
export function parseFollow(value: unknown): Follow | null {
  if (!isRecord(value) || value.v !== FOLLOW_VERSION) return null;
  if (typeof value.postKey !== 'string' || value.postKey === '' || value.postKey.length > 2000) return null;
  const url = webUrl(value.url);
  if (!url) return null;
  const postId = typeof value.postId === 'string' && ID.test(value.postId) ? value.postId : null;
  const title = typeof value.title === 'string' ? value.title.trim().slice(0, MAX_TEXT) : '';
  return { v: FOLLOW_VERSION, postKey: value.postKey, postId, url, title, at: time(value.at) };
}

export function parseSeen(value: unknown): Seen | null {
  if (!isRecord(value) || value.v !== FOLLOW_VERSION) return null;
  const total = count(value.total);
  return total === null ? null : { v: FOLLOW_VERSION, total, at: time(value.at) };
}

function parseReply(value: unknown): FoundReply | null {
  if (!isRecord(value) || typeof value.id !== 'string' || !ID.test(value.id)) return null;
  return {
    id: value.id,
    author: typeof value.author === 'string' ? value.author.slice(0, 100) : '',
    displayTime: typeof value.displayTime === 'string' ? value.displayTime.slice(0, 100) : '',
    publishedMs: typeof value.publishedMs === 'number' && Number.isFinite(value.publishedMs) ? value.publishedMs : 0,
    foundAt: time(value.foundAt),
  };
}

export function parseCheck(value: unknown): CheckResult | null {
  if (!isRecord(value) || value.v !== FOLLOW_VERSION) return null;
  const total = count(value.total);
  if (total === null) return null;
  const replies = Array.isArray(value.replies) ? value.replies.map(parseReply).filter((reply): reply is FoundReply => reply !== null) : [];
  return {
    v: FOLLOW_VERSION,
    total,
    baseline: count(value.baseline) ?? total,
    checkedAt: time(value.checkedAt),
    grewAt: time(value.grewAt),
    firstNewId: typeof value.firstNewId === 'string' && ID.test(value.firstNewId) ? value.firstNewId : null,
    firstNewAfter: count(value.firstNewAfter) ?? 0,
    replies: replies.slice(-MAX_REPLIES),
  };
}

/** Everything stored about one followed post. */
export interface FollowState {
  follow: Follow;
  seen: Seen | null;
  check: CheckResult | null;
}

/** Every followed post with what was seen and checked, from a storage snapshot (only keys under their own post). */
export function followStatesIn(all: Record<string, unknown>): Map<string, FollowState> {
  const states = new Map<string, FollowState>();
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(FOLLOW_PREFIX)) continue;
    const follow = parseFollow(value);
    if (!follow || followKey(follow.postKey) !== key) continue;
    states.set(follow.postKey, { follow, seen: parseSeen(all[seenKey(follow.postKey)]), check: parseCheck(all[checkKey(follow.postKey)]) });
  }
  return states;
}

export async function loadFollowStates(): Promise<Map<string, FollowState>> {
  return followStatesIn(await readKeys('local', null));
}

/** One post's follow, visit and last check (null when it is not followed). */
export async function loadFollowState(postKey: string): Promise<FollowState | null> {
  const all = await readKeys('local', [followKey(postKey), seenKey(postKey), checkKey(postKey)]);
  return followStatesIn(all).get(postKey) ?? null;
}

export async function loadFollow(postKey: string): Promise<Follow | null> {
  const key = followKey(postKey);
  return parseFollow((await readKeys('local', [key]))[key]);
}

/** Follow a post; `seenTotal` (the comments on the page now) is what later comments count as new from. */
export async function follow(record: Follow, seenTotal: number | null, now = Date.now()): Promise<void> {
  const writes: Record<string, unknown> = { [followKey(record.postKey)]: record };
  if (seenTotal !== null) writes[seenKey(record.postKey)] = { v: FOLLOW_VERSION, total: seenTotal, at: now } satisfies Seen;
  await writeKeys('local', writes);
}

/** Stop following posts, forgetting what was seen and checked of them. */
export async function unfollow(postKeys: Iterable<string>): Promise<void> {
  const keys = [...postKeys].flatMap((postKey) => [followKey(postKey), seenKey(postKey), checkKey(postKey)]);
  if (keys.length > 0) await removeKeys('local', keys);
}

/** The reader has the post open with `total` comments: nothing in it is new any more. */
export async function markSeen(postKey: string, total: number, now = Date.now()): Promise<void> {
  await writeKeys('local', { [seenKey(postKey)]: { v: FOLLOW_VERSION, total, at: now } satisfies Seen });
}

/** Save what checks found (the background's own key per post; one write for all). */
export async function saveChecks(results: ReadonlyMap<string, CheckResult>): Promise<void> {
  if (results.size === 0) return;
  await writeKeys('local', Object.fromEntries([...results].map(([postKey, result]) => [checkKey(postKey), result])));
}

/** Whether a storage change touches followed posts (follows, visits or checks). */
export function touchesFollows(changes: StorageChanges): boolean {
  return Object.keys(changes).some((key) => key.startsWith(FOLLOW_PREFIX) || key.startsWith(SEEN_PREFIX) || key.startsWith(CHECK_PREFIX));
}

/** Call `listener` whenever follows, visits or checks change in any tab, page or the background. */
export function watchFollows(listener: () => void): () => void {
  return onAreaChanged('local', (changes) => {
    if (touchesFollows(changes)) listener();
  });
}

/** Whether one post is followed, kept current: returns the stop function. */
export function watchFollow(postKey: string, listener: (follow: Follow | null) => void): () => void {
  const key = followKey(postKey);
  return onAreaChanged('local', (changes) => {
    if (key in changes) listener(parseFollow(changes[key]?.newValue));
  });
}
