/** The one wrapper around browser.storage: typed reads and writes, change subscriptions and clear quota errors. */
import browser, { isDisconnectedError } from './browser';

export type AreaName = 'local' | 'sync';

/** Raised when a write does not fit the storage quota; nothing was written. */
export class QuotaError extends Error {
  constructor(
    readonly area: AreaName,
    cause: unknown,
  ) {
    super(`Threadline could not save: the browser's ${area} storage is full.`, { cause });
    this.name = 'QuotaError';
  }
}

/**
 * Raised when the content script has lost its extension (updated, reloaded or removed under an open page): storage is
 * out of reach until the page is reloaded; nothing stored before is affected.
 */
export class DisconnectedError extends Error {
  constructor(cause: unknown) {
    super('Threadline was updated or restarted in the background: reload this page to keep saving. Everything saved before is kept.', { cause });
    this.name = 'DisconnectedError';
  }
}

/** Run a storage call, turning the browser's disconnection errors (thrown or rejected) into DisconnectedError. */
async function reachStorage<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw isDisconnectedError(error) ? new DisconnectedError(error) : error;
  }
}

function isQuotaMessage(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /quota|QUOTA_BYTES|exceeded/i.test(message);
}

/** Read several keys at once; missing keys are absent from the result. */
export async function readKeys(area: AreaName, keys: string[] | null): Promise<Record<string, unknown>> {
  return (await reachStorage(() => browser.storage[area].get(keys))) as Record<string, unknown>;
}

/** Read one key. */
export async function readKey<T>(area: AreaName, key: string): Promise<T | undefined> {
  const found = await readKeys(area, [key]);
  return found[key] as T | undefined;
}

/** Write several keys in one call (the browser applies one set() atomically). */
export async function writeKeys(area: AreaName, items: Record<string, unknown>): Promise<void> {
  try {
    await reachStorage(() => browser.storage[area].set(items));
  } catch (error) {
    if (!(error instanceof DisconnectedError) && isQuotaMessage(error)) throw new QuotaError(area, error);
    throw error;
  }
}

/** Remove keys. */
export async function removeKeys(area: AreaName, keys: string[]): Promise<void> {
  await reachStorage(() => browser.storage[area].remove(keys));
}

export type StorageChanges = Record<string, { oldValue?: unknown; newValue?: unknown }>;

/** Subscribe to changes in one area; returns the unsubscribe function. */
export function onAreaChanged(area: AreaName, listener: (changes: StorageChanges) => void): () => void {
  const handler = (changes: StorageChanges, areaName: string) => {
    if (areaName === area) listener(changes);
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
