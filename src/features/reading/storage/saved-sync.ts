/**
 * Keeps saved items in step across the reader's browsers through browser.storage.sync (when the setting is on):
 * runs in the background, pushes the compact part of each item within the sync quota, pulls other machines' items,
 * and records what stayed local so the sidebar can say so.
 */
import { planSync, type SyncPlan } from '../sync-plan';
import { isSavedKey } from '../types';
import { onAreaChanged, readKey, readKeys, removeKeys, writeKeys, type StorageChanges } from '../../../shared/storage';
import { migrateSavedItem } from './migrations';
import { loadSavedItems, writeSavedItems } from './saved-items';
import { loadSettings, onSettingsChanged } from '../../../shared/settings';

export const SYNC_STATUS_KEY = 'reading-sync-status';

/** What the last sync run did, kept in storage.local for the sidebar. */
export interface SyncStatus {
  enabled: boolean;
  /** Saved items in storage.sync. */
  synced: number;
  /** Saved items kept on this machine only (the sync quota is full or the item is too big). */
  localOnly: number;
  bytes: number;
  error: string | null;
  at: number;
}

export async function loadSyncStatus(): Promise<SyncStatus | null> {
  const status = await readKey<SyncStatus>('local', SYNC_STATUS_KEY).catch(() => undefined);
  return status && typeof status === 'object' ? status : null;
}

/** Call `listener` whenever a sync run records a new status. */
export function onSyncStatusChanged(listener: (status: SyncStatus | null) => void): () => void {
  return onAreaChanged('local', (changes) => {
    if (SYNC_STATUS_KEY in changes) listener((changes[SYNC_STATUS_KEY]?.newValue as SyncStatus | undefined) ?? null);
  });
}

async function writeStatus(status: SyncStatus): Promise<void> {
  await writeKeys('local', { [SYNC_STATUS_KEY]: status }).catch(() => undefined);
}

/** One full reconcile between storage.local and storage.sync. */
export async function reconcileSavedSync(now = Date.now()): Promise<SyncStatus> {
  const settings = await loadSettings();
  if (!settings.syncSavedItems) {
    const status: SyncStatus = { enabled: false, synced: 0, localOnly: 0, bytes: 0, error: null, at: now };
    await writeStatus(status);
    return status;
  }
  const [snapshot, remoteAll] = await Promise.all([loadSavedItems(now), readKeys('sync', null)]);
  const remote = new Map<string, unknown>();
  let otherBytes = 0;
  let otherKeys = 0;
  for (const [key, value] of Object.entries(remoteAll)) {
    if (isSavedKey(key)) remote.set(key, value);
    else {
      otherBytes += new TextEncoder().encode(key + JSON.stringify(value)).length;
      otherKeys += 1;
    }
  }
  const plan: SyncPlan = planSync({ local: snapshot.items, remote, otherBytes, otherKeys });
  let error: string | null = null;
  try {
    if (plan.pull.length > 0) await writeSavedItems(plan.pull);
    if (Object.keys(plan.push).length > 0) await writeKeys('sync', plan.push);
  } catch (failure) {
    error = failure instanceof Error ? failure.message : String(failure);
  }
  const status: SyncStatus = { enabled: true, synced: plan.synced, localOnly: plan.localOnly.length, bytes: plan.bytes, error, at: now };
  await writeStatus(status);
  return status;
}

/** A saved item removed on another machine is removed here too, unless it was changed here since. */
async function applyRemoteRemovals(changes: StorageChanges): Promise<void> {
  const removed = Object.entries(changes).filter(([key, change]) => isSavedKey(key) && change.newValue === undefined && change.oldValue);
  if (removed.length === 0) return;
  const local = await readKeys(
    'local',
    removed.map(([key]) => key),
  );
  const doomed: string[] = [];
  for (const [key, change] of removed) {
    const mine = migrateSavedItem(local[key]);
    const theirs = change.oldValue as { w?: number };
    if (mine.ok && mine.item.updatedAt <= (theirs.w ?? Infinity)) doomed.push(key);
  }
  if (doomed.length > 0) await removeKeys('local', doomed);
}

/** Start syncing in the background page or worker; returns the stop function. */
export function startSavedSync(options: { delayMs?: number } = {}): () => void {
  const delayMs = options.delayMs ?? 1500;
  let enabled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(() => reconcileSavedSync()).catch(() => undefined);
    }, delayMs);
  };
  const stops = [
    onSettingsChanged((settings) => {
      enabled = settings.syncSavedItems;
      schedule();
    }),
    onAreaChanged('local', (changes) => {
      if (!enabled) return;
      const keys = Object.keys(changes).filter(isSavedKey);
      if (keys.length === 0) return;
      const removedHere = keys.filter((key) => changes[key]?.newValue === undefined);
      if (removedHere.length > 0) void removeKeys('sync', removedHere).catch(() => undefined);
      schedule();
    }),
    onAreaChanged('sync', (changes) => {
      if (!enabled || !Object.keys(changes).some(isSavedKey)) return;
      void applyRemoteRemovals(changes).catch(() => undefined);
      schedule();
    }),
  ];
  void loadSettings().then((settings) => {
    enabled = settings.syncSavedItems;
    if (enabled) schedule();
  });
  return () => {
    clearTimeout(timer);
    for (const stop of stops) stop();
  };
}
