/**
 * The ReadingStore over a fake browser.storage: saves show at once and roll back exactly when the browser refuses,
 * removals likewise, and another tab's change that lands while a write is pending is kept.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../../support/fake-browser')).createFakeBrowser() }));

import { QUOTA_ADVICE, ReadingStore } from '../../../../src/features/reading/reading-store';
import { savedKey, type SavedItem } from '../../../../src/features/reading/types';
import browser from '../../../../src/shared/browser';
import type { FakeBrowser } from '../../support/fake-browser';
import { savedComment } from './items';

const fake = browser as unknown as FakeBrowser;

let store: ReadingStore | null = null;

beforeEach(() => fake.reset());
afterEach(() => {
  store?.destroy();
  store = null;
  vi.restoreAllMocks();
});

/** A store over storage that already holds `items`, once its first load is done. */
async function storeWith(items: SavedItem[]): Promise<ReadingStore> {
  await fake.storage.local.set(Object.fromEntries(items.map((item) => [savedKey(item), item])));
  await fake.flush();
  store = new ReadingStore();
  await store.ready;
  return store;
}

/** A promise the test settles by hand. */
function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/**
 * Hold the next storage.local write (set or remove) until the test settles it; later writes go through. `started`
 * resolves once the store has made that write.
 */
function holdNextWrite(method: 'set' | 'remove') {
  const write = deferred();
  let started!: () => void;
  const reached = new Promise<void>((resolve) => (started = resolve));
  vi.spyOn(fake.storage.local, method).mockImplementationOnce(() => {
    started();
    return write.promise;
  });
  return { ...write, started: reached };
}

/** Another tab writes straight to storage; its onChanged event reaches this tab's store. */
async function otherTabSaves(item: SavedItem): Promise<void> {
  await fake.storage.local.set({ [savedKey(item)]: item });
  await fake.flush();
}

const keysOf = (reading: ReadingStore) => [...reading.get().items.keys()].sort();

describe('ReadingStore.save', () => {
  it('shows the saved item at once, before the browser has written it', async () => {
    const reading = await storeWith([]);
    const item = savedComment();
    const write = holdNextWrite('set');

    const saving = reading.save([item]);

    expect(reading.get().items.get(savedKey(item))).toEqual(item);
    expect(fake.storage.local.data.has(savedKey(item))).toBe(false);
    write.resolve();
    expect(await saving).toBe(true);
    expect(reading.get().items.get(savedKey(item))).toEqual(item);
    expect(reading.get().error).toBeNull();
  });

  it('rolls back to exactly the previous items when the browser refuses the write, and says the storage is full', async () => {
    const kept = savedComment({ note: 'kept' });
    const overwritten = savedComment({ note: 'before' });
    const reading = await storeWith([kept, overwritten]);
    const before = new Map(reading.get().items);
    const write = holdNextWrite('set');

    const saving = reading.save([{ ...overwritten, note: 'after' }, savedComment({ note: 'new' })]);
    expect(reading.get().items.size).toBe(3);
    expect(reading.get().items.get(savedKey(overwritten))?.note).toBe('after');

    write.reject(new Error('QUOTA_BYTES quota exceeded'));
    expect(await saving).toBe(false);
    expect(reading.get().items).toEqual(before);
    expect(reading.get().error).toBe(QUOTA_ADVICE);
  });

  it('names the failed action and the browser’s reason when a write fails for another reason', async () => {
    const reading = await storeWith([]);
    const write = holdNextWrite('set');
    const saving = reading.save([savedComment()]);
    write.reject(new Error('the disk went away'));
    expect(await saving).toBe(false);
    expect(reading.get().items.size).toBe(0);
    expect(reading.get().error).toBe('Threadline could not save: the disk went away');
  });

  it('keeps another tab’s item that arrives while its own write is pending, whether the write succeeds or fails', async () => {
    const reading = await storeWith([]);
    const mine = savedComment({ note: 'mine' });
    const theirs = savedComment({ note: 'theirs' });

    const first = holdNextWrite('set');
    const saving = reading.save([mine]);
    await otherTabSaves(theirs);
    expect(keysOf(reading)).toEqual([savedKey(mine), savedKey(theirs)].sort());
    first.resolve();
    expect(await saving).toBe(true);
    await fake.flush();
    expect(keysOf(reading)).toEqual([savedKey(mine), savedKey(theirs)].sort());

    const alsoMine = savedComment({ note: 'also mine' });
    const alsoTheirs = savedComment({ note: 'also theirs' });
    const second = holdNextWrite('set');
    const failing = reading.save([alsoMine]);
    await otherTabSaves(alsoTheirs);
    second.reject(new Error('QUOTA_BYTES quota exceeded'));
    expect(await failing).toBe(false);
    expect(keysOf(reading)).toEqual([savedKey(mine), savedKey(theirs), savedKey(alsoTheirs)].sort());
    expect(reading.get().items.get(savedKey(alsoTheirs))).toEqual(alsoTheirs);
  });

  // BUG (src/features/reading/reading-store.ts, save's rollback): the rollback puts back the value each saved key had
  // *before* the save, even when another tab wrote that same key while the write was pending. Storage then holds the
  // other tab's item but this tab's list shows the old value (or nothing) until the next reload. The rollback should
  // keep a key's current value when it no longer is the optimistic one this save put there.
  it('keeps another tab’s write to the same item that lands while its own failing write is pending', async () => {
    const reading = await storeWith([]);
    const item = savedComment({ note: 'mine' });
    const write = holdNextWrite('set');
    const saving = reading.save([item]);
    const theirs = { ...item, note: 'theirs', updatedAt: item.updatedAt + 1 };
    await otherTabSaves(theirs);
    expect(reading.get().items.get(savedKey(item))?.note).toBe('theirs');

    write.reject(new Error('QUOTA_BYTES quota exceeded'));
    expect(await saving).toBe(false);
    expect(fake.storage.local.data.get(savedKey(item))).toEqual(theirs);
    expect(reading.get().items.get(savedKey(item))).toEqual(theirs);
  });
});

describe('ReadingStore.remove', () => {
  it('takes the items out and keeps them for undo once the browser has removed them', async () => {
    const gone = savedComment();
    const stays = savedComment();
    const reading = await storeWith([gone, stays]);
    await reading.remove([savedKey(gone)], 'Comment removed.');
    expect(keysOf(reading)).toEqual([savedKey(stays)]);
    expect(reading.get().undo).toEqual({ items: [gone], label: 'Comment removed.' });
    expect(reading.get().error).toBeNull();
    await reading.undoRemove();
    expect(keysOf(reading)).toEqual([savedKey(gone), savedKey(stays)].sort());
  });

  it('takes the item out at once, before the browser has removed it', async () => {
    const item = savedComment();
    const reading = await storeWith([item]);
    const write = holdNextWrite('remove');
    const removing = reading.remove([savedKey(item)]);
    await write.started;
    try {
      expect(reading.get().items.has(savedKey(item))).toBe(false);
    } finally {
      write.resolve();
      await removing;
    }
  });

  it('leaves exactly the previous items when the browser refuses the removal, and says what failed', async () => {
    const first = savedComment();
    const second = savedComment();
    const reading = await storeWith([first, second]);
    const before = new Map(reading.get().items);
    const write = holdNextWrite('remove');

    const removing = reading.remove([savedKey(first)]);
    await write.started;
    write.reject(new Error('the disk went away'));
    await removing;

    expect(reading.get().items).toEqual(before);
    expect(reading.get().error).toBe('Threadline could not remove the saved item: the disk went away');
    expect(reading.get().undo).toBeNull();
  });

  it('keeps another tab’s item that arrives while its own removal is pending, whether the removal succeeds or fails', async () => {
    const first = savedComment();
    const second = savedComment();
    const reading = await storeWith([first, second]);

    const theirs = savedComment({ note: 'theirs' });
    const removal = holdNextWrite('remove');
    const removing = reading.remove([savedKey(first)]);
    await removal.started;
    await otherTabSaves(theirs);
    removal.resolve();
    await removing;
    expect(keysOf(reading)).toEqual([savedKey(second), savedKey(theirs)].sort());

    const alsoTheirs = savedComment({ note: 'also theirs' });
    const failing = holdNextWrite('remove');
    const refused = reading.remove([savedKey(second)]);
    await failing.started;
    await otherTabSaves(alsoTheirs);
    failing.reject(new Error('the disk went away'));
    await refused;
    expect(keysOf(reading)).toEqual([savedKey(second), savedKey(theirs), savedKey(alsoTheirs)].sort());
  });
});
