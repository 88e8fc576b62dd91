/**
 * The reader's corrections in browser.storage.local, one key per corrected comment (`fix:<post>:<comment>`), so two
 * tabs correcting the same post never overwrite each other's work; the same comment corrected twice keeps the newer.
 */
import { onAreaChanged, readKeys, removeKeys, writeKeys, type StorageChanges } from '../../shared/storage';

export const CORRECTION_VERSION = 1;
const PREFIX = 'fix:';

/** One comment put under a parent by the reader (null: the post, top level). */
export interface Correction {
  v: typeof CORRECTION_VERSION;
  postKey: string;
  commentId: string;
  parentId: string | null;
  /** When it was made (epoch ms): the newer of two wins when merging. */
  at: number;
}

const ID = /^\d{1,20}$/;

export function correctionKey(postKey: string, commentId: string): string {
  return `${PREFIX}${postKey}:${commentId}`;
}

/** A well-formed correction, or null (anything else in storage is ignored, never deleted). */
export function parseCorrection(value: unknown): Correction | null {
  if (!value || typeof value !== 'object') return null;
  const c = value as Partial<Correction>;
  if (c.v !== CORRECTION_VERSION || typeof c.postKey !== 'string' || c.postKey === '') return null;
  if (typeof c.commentId !== 'string' || !ID.test(c.commentId)) return null;
  if (c.parentId !== null && (typeof c.parentId !== 'string' || !ID.test(c.parentId) || c.parentId === c.commentId)) return null;
  return { v: CORRECTION_VERSION, postKey: c.postKey, commentId: c.commentId, parentId: c.parentId, at: Number(c.at) || 0 };
}

/** Keeps only corrections stored under their own key. */
function correctionsIn(all: Record<string, unknown>, postKey?: string): Correction[] {
  const found: Correction[] = [];
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(PREFIX)) continue;
    const correction = parseCorrection(value);
    if (!correction || correctionKey(correction.postKey, correction.commentId) !== key) continue;
    if (postKey === undefined || correction.postKey === postKey) found.push(correction);
  }
  return found;
}

/** Every correction of every post (for the export). */
export async function loadAllCorrections(): Promise<Correction[]> {
  return correctionsIn(await readKeys('local', null)).sort((a, b) => a.at - b.at);
}

/** The corrections of one post, by comment id. */
export async function loadCorrections(postKey: string): Promise<Map<string, Correction>> {
  return new Map(correctionsIn(await readKeys('local', null), postKey).map((c) => [c.commentId, c]));
}

export async function saveCorrection(correction: Correction): Promise<void> {
  await writeKeys('local', { [correctionKey(correction.postKey, correction.commentId)]: correction });
}

export async function removeCorrections(postKey: string, commentIds: Iterable<string>): Promise<void> {
  const keys = [...commentIds].map((id) => correctionKey(postKey, id));
  if (keys.length > 0) await removeKeys('local', keys);
}

/** The overrides the core applies: comment id → parent id. */
export function overridesOf(corrections: ReadonlyMap<string, Correction>): Map<string, string | null> {
  return new Map([...corrections.values()].map((c) => [c.commentId, c.parentId]));
}

/** Follow the post's corrections as other tabs (or an import) change them; returns the stop function. */
export function watchCorrections(postKey: string, listener: (changed: Map<string, Correction | null>) => void): () => void {
  const prefix = `${PREFIX}${postKey}:`;
  return onAreaChanged('local', (changes: StorageChanges) => {
    const changed = new Map<string, Correction | null>();
    for (const [key, change] of Object.entries(changes)) {
      if (!key.startsWith(prefix)) continue;
      const next = parseCorrection(change.newValue);
      const commentId = key.slice(prefix.length);
      if (next && next.commentId !== commentId) continue;
      changed.set(commentId, next);
    }
    if (changed.size > 0) listener(changed);
  });
}

/** What merging imported corrections did. */
export interface CorrectionMerge {
  writes: Record<string, Correction>;
  added: number;
  updated: number;
  skipped: number;
}

/**
 * Merge imported corrections into those here, like saved items: one absent here is added, one present takes the
 * newer of the two, an unreadable one is skipped. Returns the writes to make.
 */
export function mergeCorrections(here: readonly Correction[], incoming: readonly unknown[]): CorrectionMerge {
  const byKey = new Map(here.map((c) => [correctionKey(c.postKey, c.commentId), c]));
  const result: CorrectionMerge = { writes: {}, added: 0, updated: 0, skipped: 0 };
  for (const raw of incoming) {
    const correction = parseCorrection(raw);
    if (!correction) {
      result.skipped += 1;
      continue;
    }
    const key = correctionKey(correction.postKey, correction.commentId);
    const current = result.writes[key] ?? byKey.get(key);
    if (current && (current.at >= correction.at || current.parentId === correction.parentId)) {
      result.skipped += 1;
      continue;
    }
    if (!current) result.added += 1;
    else if (!result.writes[key]) result.updated += 1;
    result.writes[key] = correction;
  }
  return result;
}
