/**
 * Saved items in browser.storage.local, one key per item (`saved:<post>:<comment>`), so two tabs saving at once never
 * overwrite each other. There is deliberately no stored index: the list is rebuilt from the keys themselves and kept
 * current by storage.onChanged, because an index written by several tabs would be a lost-update hazard of its own.
 */
import { isSavedKey, savedKey, type SavedItem, type SavedItemChange, MAX_NOTE_LENGTH, normalizeTags } from '../types';
import { onAreaChanged, readKey, readKeys, removeKeys, writeKeys } from '../../../shared/storage';
import { migrateSavedItem } from './migrations';

/** Unusable records are copied under this prefix (the original key is left as it was) and reported. */
export const QUARANTINE_PREFIX = 'quarantine:';

/** A stored record that could not be used, and where a copy of it is kept. */
export interface SavedProblem {
  key: string;
  reason: string;
  /** Written by a newer Threadline: left exactly as it is for that version. */
  newer: boolean;
}

interface QuarantineRecord {
  key: string;
  reason: string;
  value: unknown;
  at: number;
}

export interface SavedSnapshot {
  /** Usable items by storage key. */
  items: Map<string, SavedItem>;
  problems: SavedProblem[];
}

function isQuarantine(value: unknown): value is QuarantineRecord {
  return !!value && typeof value === 'object' && typeof (value as QuarantineRecord).key === 'string';
}

/** Read every saved item, migrating older records in memory and keeping a copy of unusable ones aside. */
export async function loadSavedItems(now = Date.now()): Promise<SavedSnapshot> {
  const all = await readKeys('local', null);
  const items = new Map<string, SavedItem>();
  const problems = new Map<string, SavedProblem>();
  const setAside: Record<string, QuarantineRecord> = {};
  for (const [key, value] of Object.entries(all)) {
    if (key.startsWith(QUARANTINE_PREFIX) && isQuarantine(value)) {
      problems.set(value.key, { key: value.key, reason: value.reason, newer: false });
      continue;
    }
    if (!isSavedKey(key)) continue;
    const outcome = migrateSavedItem(value);
    if (outcome.ok) {
      if (savedKey(outcome.item) === key) items.set(key, outcome.item);
      else problems.set(key, { key, reason: 'record does not match its key', newer: false });
      continue;
    }
    problems.set(key, { key, reason: outcome.reason, newer: outcome.newer });
    const copyKey = QUARANTINE_PREFIX + key;
    if (!outcome.newer && !(copyKey in all)) setAside[copyKey] = { key, reason: outcome.reason, value, at: now };
  }
  for (const [key, problem] of problems) if (items.has(key)) problem.reason += ' (a newer copy was saved since)';
  if (Object.keys(setAside).length > 0) {
    // A copy only: never delete the original here, another tab may be saving a good record under the same key.
    await writeKeys('local', setAside).catch(() => undefined);
  }
  return { items, problems: [...problems.values()] };
}

/** Items of one post. */
export function itemsOfPost(snapshot: SavedSnapshot, postKey: string): SavedItem[] {
  return [...snapshot.items.values()].filter((item) => item.postKey === postKey);
}

/** Read one item (migrated), or null when absent or unusable. */
export async function readSavedItem(key: string): Promise<SavedItem | null> {
  const outcome = migrateSavedItem(await readKey('local', key));
  return outcome.ok ? outcome.item : null;
}

/** Write items (one set() call: all or nothing; QuotaError when they do not fit). */
export async function writeSavedItems(items: SavedItem[]): Promise<void> {
  if (items.length === 0) return;
  await writeKeys('local', Object.fromEntries(items.map((item) => [savedKey(item), item])));
}

/** Change the note, tags or read state of one item; returns the new item, or null when it no longer exists. */
export async function updateSavedItem(key: string, change: SavedItemChange, now = Date.now()): Promise<SavedItem | null> {
  const current = await readSavedItem(key);
  if (!current) return null;
  const next: SavedItem = {
    ...current,
    ...(change.note !== undefined ? { note: change.note.slice(0, MAX_NOTE_LENGTH) } : {}),
    ...(change.tags !== undefined ? { tags: normalizeTags(change.tags) } : {}),
    ...(change.read !== undefined ? { read: change.read } : {}),
    updatedAt: Math.max(now, current.updatedAt + 1),
  };
  await writeKeys('local', { [key]: next });
  return next;
}

/** Remove items; returns what was removed (for undo). */
export async function removeSavedItems(keys: string[]): Promise<SavedItem[]> {
  if (keys.length === 0) return [];
  const found = await readKeys('local', keys);
  const removed: SavedItem[] = [];
  for (const key of keys) {
    const outcome = migrateSavedItem(found[key]);
    if (outcome.ok) removed.push(outcome.item);
  }
  await removeKeys('local', keys);
  return removed;
}

/** Forget the kept-aside copies of unusable records (after the reader has seen or exported them). */
export async function dismissProblems(keys: string[]): Promise<void> {
  await removeKeys(
    'local',
    keys.map((key) => QUARANTINE_PREFIX + key),
  );
}

/** One change to the saved list: the item now under `key`, or null when it was removed (or is unusable). */
export interface SavedChange {
  key: string;
  item: SavedItem | null;
  problem?: SavedProblem;
}

/** Call `listener` with the saved items changed in any tab, page or panel. */
export function onSavedItemsChanged(listener: (changes: SavedChange[]) => void): () => void {
  return onAreaChanged('local', (changes) => {
    const out: SavedChange[] = [];
    for (const [key, change] of Object.entries(changes)) {
      if (!isSavedKey(key)) continue;
      if (change.newValue === undefined) {
        out.push({ key, item: null });
        continue;
      }
      const outcome = migrateSavedItem(change.newValue);
      out.push(
        outcome.ok && savedKey(outcome.item) === key
          ? { key, item: outcome.item }
          : {
              key,
              item: null,
              problem: { key, reason: outcome.ok ? 'record does not match its key' : outcome.reason, newer: !outcome.ok && outcome.newer },
            },
      );
    }
    if (out.length > 0) listener(out);
  });
}
