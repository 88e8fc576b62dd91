/** "New since my last visit": when the reader last left each post (storage.local) and which comments are newer. */
import { readKey, readKeys, writeKeys } from '../../shared/storage';

export const LAST_VISIT_VERSION = 1;

interface StoredVisit {
  v: typeof LAST_VISIT_VERSION;
  /** When the reader last had the post open (epoch ms). */
  at: number;
  /** How many comments the post had then (absent in visits recorded before the post lists read it). */
  count?: number;
}

/** A recorded visit: when, and how many comments the post had then (null when not recorded). */
export interface Visit {
  at: number;
  count: number | null;
}

export function lastVisitKey(postKey: string): string {
  return `visit:${postKey}`;
}

/** The stored time, or null for a first visit or anything malformed. */
export function parseLastVisit(value: unknown): number | null {
  if (!value || typeof value !== 'object') return null;
  const visit = value as Partial<StoredVisit>;
  return visit.v === LAST_VISIT_VERSION && typeof visit.at === 'number' && Number.isFinite(visit.at) && visit.at > 0 ? visit.at : null;
}

/** The stored visit with its comment count, or null for a first visit or anything malformed. */
export function parseVisit(value: unknown): Visit | null {
  const at = parseLastVisit(value);
  if (at === null) return null;
  const count = (value as Partial<StoredVisit>).count;
  return { at, count: typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : null };
}

export async function loadLastVisit(postKey: string): Promise<number | null> {
  return parseLastVisit(await readKey('local', lastVisitKey(postKey)));
}

/** The visits of many posts in one read, by post key (posts never visited are absent). */
export async function loadVisits(postKeys: readonly string[]): Promise<Map<string, Visit>> {
  const stored = postKeys.length > 0 ? await readKeys('local', postKeys.map(lastVisitKey)) : {};
  const visits = new Map<string, Visit>();
  for (const key of postKeys) {
    const visit = parseVisit(stored[lastVisitKey(key)]);
    if (visit) visits.set(key, visit);
  }
  return visits;
}

/** Record a visit: when, and how many comments the post had (what the post lists count new comments against). */
export async function saveLastVisit(postKey: string, at: number, count?: number): Promise<void> {
  const value: StoredVisit = { v: LAST_VISIT_VERSION, at };
  if (count !== undefined && Number.isInteger(count) && count >= 0) value.count = count;
  await writeKeys('local', { [lastVisitKey(postKey)]: value });
}

/** The storage key of the reader's first use of Threadline on a blog. */
export function firstUseKey(host: string): string {
  return `firstUse:${host.replace(/^www\./, '')}`;
}

/** When the reader first used Threadline on the blog (epoch ms), recording `now` when nothing is recorded yet. */
export async function firstUseOf(host: string, now = Date.now()): Promise<number> {
  const key = firstUseKey(host);
  const stored = await readKey<unknown>('local', key);
  if (typeof stored === 'number' && Number.isFinite(stored) && stored > 0) return stored;
  await writeKeys('local', { [key]: now });
  return now;
}

/** Ids of comments created after the last visit; none on a first visit (null), none with an unknown time. */
export function newCommentIds(comments: Iterable<{ id: string; publishedMs: number }>, lastVisitMs: number | null): string[] {
  if (lastVisitMs === null) return [];
  const ids: string[] = [];
  for (const { id, publishedMs } of comments) if (Number.isFinite(publishedMs) && publishedMs > lastVisitMs) ids.push(id);
  return ids;
}

export interface VisitTracker {
  /** Record the visit now (idempotent per call). */
  record(): void;
  stop(): void;
}

/**
 * Record this visit when the reader leaves the page (pagehide, or the tab hidden) and after `afterMs` of reading,
 * never at start (else nothing would ever be new on reload). `save` receives the time to store.
 */
export function trackVisit(win: Window, save: (at: number) => void, afterMs = 2 * 60_000, now = () => Date.now()): VisitTracker {
  const record = () => save(now());
  const onVisibility = () => {
    if (win.document.visibilityState === 'hidden') record();
  };
  win.addEventListener('pagehide', record);
  win.document.addEventListener('visibilitychange', onVisibility);
  const timer = win.setTimeout(record, afterMs);
  return {
    record,
    stop() {
      win.removeEventListener('pagehide', record);
      win.document.removeEventListener('visibilitychange', onVisibility);
      win.clearTimeout(timer);
    },
  };
}
