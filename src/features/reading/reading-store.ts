/**
 * The live reading list one page or panel works with: every saved item, reading progress and sync status, loaded once
 * and kept in step with every other tab through storage.onChanged; actions that report failures in words.
 */
import { DisconnectedError, QuotaError } from '../../shared/storage';
import {
  dismissProblems,
  loadSavedItems,
  onSavedItemsChanged,
  removeSavedItems,
  updateSavedItem,
  writeSavedItems,
  type SavedChange,
  type SavedProblem,
} from './storage/saved-items';
import { loadAllProgress, onProgressChanged, type ReadProgress } from './storage/saved-progress';
import { loadSyncStatus, onSyncStatusChanged, type SyncStatus } from './storage/saved-sync';
import { savedKey, type SavedItem, type SavedItemChange } from './types';

export interface ReadingState {
  loaded: boolean;
  items: Map<string, SavedItem>;
  problems: SavedProblem[];
  progress: Map<string, ReadProgress>;
  sync: SyncStatus | null;
  /** A message for the reader after a failed action (quota full...), until dismissed. */
  error: string | null;
  /** The items removed last, until undone or replaced by another removal. */
  undo: { items: SavedItem[]; label: string } | null;
}

export const QUOTA_ADVICE =
  'Threadline could not save: the browser’s storage for this extension is full. Nothing was half-written. ' +
  'Remove saved items you no longer need (or export them first), then try again.';

export function describeFailure(action: string, error: unknown): string {
  if (error instanceof QuotaError) return QUOTA_ADVICE;
  if (error instanceof DisconnectedError) return error.message;
  return `Threadline could not ${action}: ${error instanceof Error ? error.message : String(error)}`;
}

export class ReadingStore {
  private state: ReadingState = {
    loaded: false,
    items: new Map(),
    problems: [],
    progress: new Map(),
    sync: null,
    error: null,
    undo: null,
  };
  private readonly listeners = new Set<() => void>();
  private readonly stops: (() => void)[] = [];
  /** Changes seen while a load is in flight, re-applied over its (possibly older) snapshot. */
  private buffered: SavedChange[] | null = null;

  /** Start listening to storage, then load; `ready` settles once the first load is done. */
  readonly ready: Promise<void>;

  constructor() {
    this.stops.push(
      onSavedItemsChanged((changes) => {
        this.buffered?.push(...changes);
        this.applyChanges(changes);
      }),
      onProgressChanged((postKey, progress) => {
        const next = new Map(this.state.progress);
        if (progress) next.set(postKey, progress);
        else next.delete(postKey);
        this.patch({ progress: next });
      }),
      onSyncStatusChanged((sync) => this.patch({ sync })),
    );
    this.ready = this.reload();
  }

  /** Read everything again (changes that arrive meanwhile are applied on top by the listeners). */
  async reload(): Promise<void> {
    this.buffered = [];
    try {
      const [snapshot, progress, sync] = await Promise.all([loadSavedItems(), loadAllProgress(), loadSyncStatus()]);
      this.patch({ loaded: true, items: snapshot.items, problems: snapshot.problems, progress, sync });
      this.applyChanges(this.buffered);
    } catch (error) {
      this.patch({ loaded: true, error: describeFailure('read the reading list', error) });
    } finally {
      this.buffered = null;
    }
  }

  private applyChanges(changes: SavedChange[]): void {
    if (changes.length === 0) return;
    const items = new Map(this.state.items);
    let problems = this.state.problems;
    for (const change of changes) {
      if (change.item) items.set(change.key, change.item);
      else items.delete(change.key);
      if (change.problem) problems = [...problems.filter((problem) => problem.key !== change.key), change.problem];
    }
    this.patch({ items, problems });
  }

  get(): ReadingState {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private patch(change: Partial<ReadingState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }

  /**
   * Save items (shown at once; rolled back with an explanation if the browser refuses). The rollback touches only the
   * items still as this save set them: one another tab wrote meanwhile is theirs, and stays.
   */
  async save(items: SavedItem[]): Promise<boolean> {
    const before = this.state.items;
    const optimistic = new Map(before);
    for (const item of items) optimistic.set(savedKey(item), item);
    this.patch({ items: optimistic, error: null });
    try {
      await writeSavedItems(items);
      return true;
    } catch (error) {
      const rollback = new Map(this.state.items);
      for (const item of items) {
        const key = savedKey(item);
        if (rollback.get(key) !== item) continue;
        const previous = before.get(key);
        if (previous) rollback.set(key, previous);
        else rollback.delete(key);
      }
      this.patch({ items: rollback, error: describeFailure('save', error) });
      return false;
    }
  }

  async update(key: string, change: SavedItemChange): Promise<void> {
    try {
      const next = await updateSavedItem(key, change);
      if (next) this.patch({ items: new Map(this.state.items).set(key, next), error: null });
    } catch (error) {
      this.patch({ error: describeFailure('change the saved item', error) });
    }
  }

  /**
   * Remove items, keeping them for undo: gone from the list at once; put back with an explanation if the browser
   * refuses (unless another tab saved them again meanwhile, which then stands).
   */
  async remove(keys: string[], label = 'Removed'): Promise<void> {
    const taken = new Map<string, SavedItem>();
    const items = new Map(this.state.items);
    for (const key of keys) {
      const item = items.get(key);
      if (item) taken.set(key, item);
      items.delete(key);
    }
    this.patch({ items, error: null });
    try {
      const removed = await removeSavedItems(keys);
      this.patch({ undo: removed.length > 0 ? { items: removed, label } : this.state.undo });
    } catch (error) {
      const restored = new Map(this.state.items);
      for (const [key, item] of taken) if (!restored.has(key)) restored.set(key, item);
      this.patch({ items: restored, error: describeFailure('remove the saved item', error) });
    }
  }

  async undoRemove(): Promise<void> {
    const undo = this.state.undo;
    if (!undo) return;
    this.patch({ undo: null });
    if (!(await this.save(undo.items))) this.patch({ undo });
  }

  async dismissProblems(): Promise<void> {
    await dismissProblems(this.state.problems.map((problem) => problem.key)).catch(() => undefined);
    this.patch({ problems: [] });
  }

  clearMessages(): void {
    this.patch({ error: null, undo: null });
  }

  /** Show a failure that happened elsewhere (e.g. an import). */
  report(message: string | null): void {
    this.patch({ error: message });
  }

  destroy(): void {
    for (const stop of this.stops) stop();
    this.listeners.clear();
  }
}
