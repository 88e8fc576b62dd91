import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../../../support/fake-browser')).createFakeBrowser() }));

import browser from '../../../../../src/shared/browser';
import { toCompact } from '../../../../../src/features/reading/sync-plan';
import { savedKey } from '../../../../../src/features/reading/types';
import { loadSavedItems, writeSavedItems } from '../../../../../src/features/reading/storage/saved-items';
import { reconcileSavedSync, SYNC_STATUS_KEY } from '../../../../../src/features/reading/storage/saved-sync';
import { updateSettings } from '../../../../../src/shared/settings';
import type { FakeBrowser } from '../../../support/fake-browser';
import { savedComment } from '../items';

const fake = browser as unknown as FakeBrowser;

beforeEach(() => fake.reset());

describe('saved-item sync run', () => {
  it('does nothing to storage.sync while the setting is off', async () => {
    await writeSavedItems([savedComment()]);
    expect(await reconcileSavedSync()).toMatchObject({ enabled: false });
    expect([...fake.storage.sync.data.keys()]).toEqual([]);
  });

  it('pushes compact items, pulls the other machine’s items without excerpt, and records the status', async () => {
    await updateSettings({ syncSavedItems: true });
    const mine = savedComment({ note: 'mine' });
    const theirs = savedComment({ note: 'theirs' });
    await writeSavedItems([mine]);
    await fake.storage.sync.set({ [savedKey(theirs)]: toCompact(theirs) });
    const status = await reconcileSavedSync(5);
    expect(status).toMatchObject({ enabled: true, synced: 2, localOnly: 0, error: null });
    expect(fake.storage.sync.data.get(savedKey(mine))).toEqual(toCompact(mine));
    expect(JSON.stringify(fake.storage.sync.data.get(savedKey(mine)))).not.toContain('excerpt');
    const { items } = await loadSavedItems();
    expect(items.get(savedKey(theirs))).toEqual({ ...theirs, excerptHtml: '' });
    expect(fake.storage.local.data.get(SYNC_STATUS_KEY)).toMatchObject({ synced: 2, at: 5 });
  });

  it('keeps what does not fit local, says how many, and never fails the sync write', async () => {
    await updateSettings({ syncSavedItems: true });
    await writeSavedItems(Array.from({ length: 150 }, (_, i) => savedComment({ note: 'n'.repeat(900), updatedAt: i })));
    fake.storage.sync.quotaBytes = 102_400;
    const status = await reconcileSavedSync();
    expect(status.error).toBeNull();
    expect(status.localOnly).toBeGreaterThan(0);
    expect(status.synced + status.localOnly).toBe(150);
    expect((await loadSavedItems()).items.size).toBe(150);
  });
});
