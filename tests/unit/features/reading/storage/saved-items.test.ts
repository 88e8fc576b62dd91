import { beforeEach, describe, expect, it, vi } from 'vitest';

// The polyfill is replaced, not src/shared/browser, so its real helpers (isDisconnectedError, …) run over the fake.
vi.mock('webextension-polyfill', async () => ({ default: (await import('../../../support/fake-browser')).createFakeBrowser() }));

import browser from '../../../../../src/shared/browser';
import { QuotaError } from '../../../../../src/shared/storage';
import {
  loadSavedItems,
  onSavedItemsChanged,
  QUARANTINE_PREFIX,
  removeSavedItems,
  updateSavedItem,
  writeSavedItems,
  type SavedChange,
} from '../../../../../src/features/reading/storage/saved-items';
import { savedKey } from '../../../../../src/features/reading/types';
import type { FakeBrowser } from '../../../support/fake-browser';
import { savedComment } from '../items';

const fake = browser as unknown as FakeBrowser;

beforeEach(() => fake.reset());

describe('saved items store', () => {
  it('stores each item under its own key and lists it back', async () => {
    const a = savedComment();
    const b = savedComment({ kind: 'thread', replyCount: 4 });
    await writeSavedItems([a, b]);
    expect([...fake.storage.local.data.keys()].sort()).toEqual([savedKey(a), savedKey(b)].sort());
    const { items, problems } = await loadSavedItems();
    expect(problems).toEqual([]);
    expect(items.get(savedKey(a))).toEqual(a);
    expect(items.get(savedKey(b))?.replyCount).toBe(4);
  });

  it('keeps every item when two writers save 50 items each at the same time', async () => {
    const first = Array.from({ length: 50 }, () => savedComment({ postKey: '1' }));
    const second = Array.from({ length: 50 }, () => savedComment({ postKey: '2' }));
    await Promise.all(first.map((item, i) => Promise.all([writeSavedItems([item]), writeSavedItems([second[i]!])])));
    expect((await loadSavedItems()).items.size).toBe(100);
  });

  it('updates note, tags and read state and moves updatedAt forward', async () => {
    const item = savedComment();
    await writeSavedItems([item]);
    const next = await updateSavedItem(savedKey(item), { note: 'check this', tags: ['#OASys', 'oasys', ' AP '], read: true }, item.updatedAt);
    expect(next).toMatchObject({ note: 'check this', tags: ['oasys', 'ap'], read: true });
    expect(next!.updatedAt).toBeGreaterThan(item.updatedAt);
    expect((await loadSavedItems()).items.get(savedKey(item))?.note).toBe('check this');
  });

  it('returns null when updating an item that was removed meanwhile', async () => {
    expect(await updateSavedItem(savedKey(savedComment()), { read: true })).toBeNull();
  });

  it('returns removed items so they can be restored (undo)', async () => {
    const item = savedComment({ note: 'keep me' });
    await writeSavedItems([item]);
    const removed = await removeSavedItems([savedKey(item)]);
    expect((await loadSavedItems()).items.size).toBe(0);
    await writeSavedItems(removed);
    expect((await loadSavedItems()).items.get(savedKey(item))?.note).toBe('keep me');
  });

  it('copies a corrupt record aside, reports it and leaves the original in place', async () => {
    await fake.storage.local.set({ 'saved:7001:123': { v: 1, kind: 'comment', postUrl: 'javascript:alert(1)' } });
    const { items, problems } = await loadSavedItems(42);
    expect(items.size).toBe(0);
    expect(problems).toEqual([expect.objectContaining({ key: 'saved:7001:123', newer: false })]);
    expect(fake.storage.local.data.get('saved:7001:123')).toBeDefined();
    expect(fake.storage.local.data.get(`${QUARANTINE_PREFIX}saved:7001:123`)).toMatchObject({ key: 'saved:7001:123', at: 42 });
  });

  it('leaves a record from a newer Threadline untouched and reports it', async () => {
    await fake.storage.local.set({ 'saved:7001:123': { v: 99, future: true } });
    const { problems } = await loadSavedItems();
    expect(problems).toEqual([expect.objectContaining({ key: 'saved:7001:123', newer: true })]);
    expect(fake.storage.local.data.get('saved:7001:123')).toEqual({ v: 99, future: true });
    expect([...fake.storage.local.data.keys()]).toEqual(['saved:7001:123']);
  });

  it('turns a quota failure into QuotaError and writes nothing', async () => {
    fake.storage.local.quotaBytes = 600;
    const items = Array.from({ length: 5 }, () => savedComment());
    await expect(writeSavedItems(items)).rejects.toBeInstanceOf(QuotaError);
    expect(fake.storage.local.data.size).toBe(0);
  });

  it('tells listeners about saves and removals from any tab', async () => {
    const seen: SavedChange[] = [];
    const stop = onSavedItemsChanged((changes) => seen.push(...changes));
    const item = savedComment();
    await writeSavedItems([item]);
    await fake.storage.local.set({ 'view:7001': { v: 1 } });
    await removeSavedItems([savedKey(item)]);
    await fake.flush();
    stop();
    expect(seen).toEqual([
      { key: savedKey(item), item },
      { key: savedKey(item), item: null },
    ]);
  });
});
