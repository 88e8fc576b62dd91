import { beforeEach, describe, expect, it, vi } from 'vitest';

// The polyfill is replaced, not src/shared/browser, so its real helpers (isDisconnectedError, …) run over the fake.
vi.mock('webextension-polyfill', async () => ({ default: (await import('../../support/fake-browser')).createFakeBrowser() }));

import browser from '../../../../src/shared/browser';
import { exportAll, importMerge, ImportError, mergeItem, mergeSettings } from '../../../../src/features/reading/export-import';
import { savedKey } from '../../../../src/features/reading/types';
import { loadSavedItems, writeSavedItems } from '../../../../src/features/reading/storage/saved-items';
import { addReadIds, loadProgress } from '../../../../src/features/reading/storage/saved-progress';
import { DEFAULT_SETTINGS, loadSettings, updateSettings } from '../../../../src/shared/settings';
import type { FakeBrowser } from '../../support/fake-browser';
import { savedComment } from './items';

const fake = browser as unknown as FakeBrowser;

function snapshotOfStorage() {
  return JSON.stringify([[...fake.storage.local.data], [...fake.storage.sync.data]]);
}

beforeEach(() => fake.reset());

describe('export then import', () => {
  it('restores every item, the reading progress and the settings into an empty profile', async () => {
    const items = [
      savedComment({ note: 'n1', tags: ['ap'] }),
      savedComment({ kind: 'thread', read: true }),
      savedComment({ kind: 'post', commentId: null }),
    ];
    await writeSavedItems(items);
    await addReadIds('7001', ['111', '222'], 40);
    await updateSettings({ mutedWords: ['tr'], defaultView: 'posted' });
    const file = await exportAll();

    fake.reset();
    const summary = await importMerge(file);
    expect(summary).toMatchObject({ added: 3, updated: 0, skipped: 0, problems: [], progressMerged: 1, settingsChanged: true });
    const { items: restored } = await loadSavedItems();
    for (const item of items) expect(restored.get(savedKey(item))).toEqual(item);
    expect((await loadProgress('7001'))?.ids.sort()).toEqual(['111', '222']);
    expect(await loadSettings()).toMatchObject({ mutedWords: ['tr'], defaultView: 'posted' });
  });

  it('merges instead of replacing: keeps items only here, adds new ones, takes newer notes, skips older ones', async () => {
    const onlyHere = savedComment({ note: 'mine' });
    const shared = savedComment({ note: 'old', updatedAt: 10, tags: ['ap'] });
    const stale = savedComment({ note: 'here is newer', updatedAt: 50 });
    await writeSavedItems([onlyHere, shared, stale]);
    const fresh = savedComment();
    const file = JSON.stringify({
      format: 'threadline-export',
      version: 1,
      items: [fresh, { ...shared, note: 'new', updatedAt: 20, tags: ['rar'] }, { ...stale, note: 'older', updatedAt: 40 }],
    });
    const summary = await importMerge(file);
    expect(summary).toMatchObject({ added: 1, updated: 1, skipped: 1 });
    const { items } = await loadSavedItems();
    expect(items.size).toBe(4);
    expect(items.get(savedKey(onlyHere))?.note).toBe('mine');
    expect(items.get(savedKey(shared))).toMatchObject({ note: 'new', tags: ['ap', 'rar'], updatedAt: 20 });
    expect(items.get(savedKey(stale))?.note).toBe('here is newer');
  });

  it('imports the usable items of a file and lists the unusable ones as skipped', async () => {
    const good = savedComment();
    const file = JSON.stringify({ format: 'threadline-export', version: 1, items: [good, { v: 1, kind: 'comment' }, 'junk'] });
    const summary = await importMerge(file);
    expect(summary).toMatchObject({ added: 1, skipped: 2 });
    expect(summary.problems).toHaveLength(2);
    expect(summary.problems[0]).toMatch(/^item 2: /);
  });

  it.each([
    ['not JSON', '{"format": "threadline-export", items: ['],
    ['another program’s JSON', JSON.stringify({ bookmarks: [{ url: 'https://example.org' }] })],
    ['a bare list', JSON.stringify([savedComment()])],
    ['a file from a newer Threadline', JSON.stringify({ format: 'threadline-export', version: 9, items: [] })],
    ['a file without items', JSON.stringify({ format: 'threadline-export', version: 1 })],
    ['a file without a version', JSON.stringify({ format: 'threadline-export', items: [] })],
  ])('refuses %s with a clear error and changes nothing', async (_name, text) => {
    await writeSavedItems([savedComment()]);
    const before = snapshotOfStorage();
    const failure = await importMerge(text).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImportError);
    expect((failure as Error).message).toMatch(/Threadline export|newer Threadline/);
    expect(snapshotOfStorage()).toBe(before);
  });

  it('writes nothing when the merged items do not fit the quota', async () => {
    await writeSavedItems([savedComment()]);
    fake.storage.local.quotaBytes = 2_000;
    const before = snapshotOfStorage();
    const file = JSON.stringify({ format: 'threadline-export', version: 1, items: Array.from({ length: 20 }, () => savedComment()) });
    await expect(importMerge(file)).rejects.toThrow(/storage for Threadline is full/);
    expect(snapshotOfStorage()).toBe(before);
  });
});

describe('merge rules', () => {
  it('keeps the excerpt already here and the earliest saved time', () => {
    const here = savedComment({ excerptHtml: '', savedAt: 5, updatedAt: 5 });
    const merged = mergeItem(here, { ...here, excerptHtml: '<p>x</p>', savedAt: 3, updatedAt: 4 });
    expect(merged).toMatchObject({ excerptHtml: '<p>x</p>', savedAt: 3, updatedAt: 5 });
    expect(mergeItem(here, { ...here })).toBeNull();
  });

  it('takes settings from the file only where they are still at their defaults here', () => {
    const here = { ...DEFAULT_SETTINGS, defaultView: 'posted' as const, mutedWords: ['a'] };
    const merged = mergeSettings(here, { ...DEFAULT_SETTINGS, defaultView: 'threaded', collapseRepliesByDefault: true, mutedWords: ['b'] });
    expect(merged).toMatchObject({ defaultView: 'posted', collapseRepliesByDefault: true, mutedWords: ['a', 'b'] });
    expect(mergeSettings(here, here)).toBeNull();
  });
});
