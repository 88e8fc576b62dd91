/** Reading progress per post in browser.storage.local: the comments that were on screen long enough to count as read. */
import { onAreaChanged, readKey, readKeys, removeKeys, writeKeys } from '../../../shared/storage';

export const PROGRESS_VERSION = 1;
export const PROGRESS_PREFIX = 'read:';

export interface ReadProgress {
  v: typeof PROGRESS_VERSION;
  /** Comment ids counted as read. */
  ids: string[];
  /** How many comments the post had when last seen (for "read 120 of 212" away from the page). */
  total: number;
  updatedAt: number;
}

export function progressKey(postKey: string): string {
  return PROGRESS_PREFIX + postKey;
}

const ID = /^\d{1,20}$/;

/** Accept only well-formed progress; anything else reads as nothing read. */
export function parseProgress(value: unknown): ReadProgress | null {
  if (!value || typeof value !== 'object') return null;
  const raw = value as Partial<ReadProgress>;
  if (raw.v !== PROGRESS_VERSION || !Array.isArray(raw.ids)) return null;
  return {
    v: PROGRESS_VERSION,
    ids: raw.ids.filter((id): id is string => typeof id === 'string' && ID.test(id)),
    total: typeof raw.total === 'number' && raw.total >= 0 ? Math.floor(raw.total) : 0,
    updatedAt: Number(raw.updatedAt) || 0,
  };
}

export async function loadProgress(postKey: string): Promise<ReadProgress | null> {
  return parseProgress(await readKey('local', progressKey(postKey)));
}

/** Progress of every post, by post key. */
export async function loadAllProgress(): Promise<Map<string, ReadProgress>> {
  const all = await readKeys('local', null);
  const out = new Map<string, ReadProgress>();
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(PROGRESS_PREFIX)) continue;
    const progress = parseProgress(value);
    if (progress) out.set(key.slice(PROGRESS_PREFIX.length), progress);
  }
  return out;
}

/**
 * Add read ids to a post's progress. Reads first and writes the union, so another tab's ids are kept; the union is
 * also what every tab converges to through onProgressChanged.
 */
export async function addReadIds(postKey: string, ids: Iterable<string>, total: number, now = Date.now()): Promise<ReadProgress> {
  const stored = await loadProgress(postKey);
  const union = new Set(stored?.ids ?? []);
  for (const id of ids) if (ID.test(id)) union.add(id);
  const next: ReadProgress = { v: PROGRESS_VERSION, ids: [...union], total: Math.max(total, 0), updatedAt: now };
  await writeKeys('local', { [progressKey(postKey)]: next });
  return next;
}

/** Forget a post's progress ("mark all unread"). */
export async function clearProgress(postKey: string): Promise<void> {
  await removeKeys('local', [progressKey(postKey)]);
}

/** Call `listener` when any post's progress changes (null when cleared). */
export function onProgressChanged(listener: (postKey: string, progress: ReadProgress | null) => void): () => void {
  return onAreaChanged('local', (changes) => {
    for (const [key, change] of Object.entries(changes)) {
      if (key.startsWith(PROGRESS_PREFIX)) listener(key.slice(PROGRESS_PREFIX.length), parseProgress(change.newValue));
    }
  });
}
