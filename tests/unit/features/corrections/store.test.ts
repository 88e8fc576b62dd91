import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../../support/fake-browser')).createFakeBrowser() }));

import browser from '../../../../src/shared/browser';
import {
  CORRECTION_VERSION,
  correctionKey,
  loadAllCorrections,
  loadCorrections,
  mergeCorrections,
  parseCorrection,
  removeCorrections,
  saveCorrection,
  watchCorrections,
  type Correction,
} from '../../../../src/features/corrections/store';
import { exportAll, importMerge } from '../../../../src/features/reading/export-import';
import type { FakeBrowser } from '../../support/fake-browser';

const fake = browser as unknown as FakeBrowser;
beforeEach(() => fake.reset());

const fix = (commentId: string, parentId: string | null, at = 1000, postKey = '7001'): Correction => ({
  v: CORRECTION_VERSION,
  postKey,
  commentId,
  parentId,
  at,
});

describe('correction store', () => {
  it('keeps one key per corrected comment, so two tabs correcting the same post lose nothing', async () => {
    // Two tabs, each with the post open and nothing read yet, correct different comments at the same moment.
    await Promise.all([saveCorrection(fix('11', '10')), saveCorrection(fix('12', null))]);
    const stored = await loadCorrections('7001');
    expect([...stored.keys()].sort()).toEqual(['11', '12']);
    expect(stored.get('12')!.parentId).toBeNull();
  });

  it('keeps the newer correction when two tabs correct the same comment', async () => {
    await saveCorrection(fix('11', '10', 1000));
    await saveCorrection(fix('11', '9', 2000));
    expect((await loadCorrections('7001')).get('11')!.parentId).toBe('9');
  });

  it('keeps a correction whose comment is not on the page (the core ignores it)', async () => {
    await saveCorrection(fix('999', '10'));
    expect((await loadCorrections('7001')).has('999')).toBe(true);
  });

  it('removes one correction, or all of a post, leaving other posts alone', async () => {
    await saveCorrection(fix('11', '10'));
    await saveCorrection(fix('12', '10'));
    await saveCorrection(fix('13', '10', 1000, 'other'));
    await removeCorrections('7001', ['11']);
    expect([...(await loadCorrections('7001')).keys()]).toEqual(['12']);
    await removeCorrections('7001', (await loadCorrections('7001')).keys());
    expect((await loadCorrections('7001')).size).toBe(0);
    expect((await loadCorrections('other')).size).toBe(1);
  });

  it('ignores malformed records and records under another key', async () => {
    await fake.storage.local.set({
      [correctionKey('7001', '11')]: { v: 1, postKey: '7001', commentId: '11', parentId: 'x' },
      [correctionKey('7001', '12')]: fix('13', null),
      [correctionKey('7001', '14')]: { v: 2, postKey: '7001', commentId: '14', parentId: null },
    });
    expect((await loadCorrections('7001')).size).toBe(0);
    expect(parseCorrection(fix('11', '11'))).toBeNull();
  });

  it('tells a tab what another tab changed', async () => {
    const seen: Array<[string, string | null | undefined]> = [];
    const stop = watchCorrections('7001', (changed) => {
      for (const [id, c] of changed) seen.push([id, c ? c.parentId : undefined]);
    });
    await saveCorrection(fix('11', '10'));
    await removeCorrections('7001', ['11']);
    await vi.waitFor(() =>
      expect(seen).toEqual([
        ['11', '10'],
        ['11', undefined],
      ]),
    );
    stop();
  });
});

describe('corrections in export and import', () => {
  it('merges like saved items: absent added, the newer kept, unreadable skipped', () => {
    const here = [fix('11', '10', 2000), fix('12', '10', 1000)];
    const merged = mergeCorrections(here, [fix('11', '9', 1500), fix('12', '9', 3000), fix('13', null), { v: 1 }]);
    expect(Object.values(merged.writes).map((c) => [c.commentId, c.parentId])).toEqual([
      ['12', '9'],
      ['13', null],
    ]);
    expect(merged).toMatchObject({ added: 1, updated: 1, skipped: 2 });
  });

  it('carries corrections through an export into another profile', async () => {
    await saveCorrection(fix('11', '10'));
    await saveCorrection(fix('12', null, 1000, 'other'));
    const file = await exportAll(new Date(5000));
    expect(JSON.parse(file).corrections).toHaveLength(2);
    fake.reset();
    await saveCorrection(fix('11', '9', 9000));
    const summary = await importMerge(file, 10_000);
    expect(summary.correctionsMerged).toBe(1);
    expect((await loadAllCorrections()).map((c) => [c.postKey, c.commentId, c.parentId])).toEqual([
      ['other', '12', null],
      ['7001', '11', '9'],
    ]);
  });

  it('imports a file made before corrections existed', async () => {
    const old = JSON.stringify({ format: 'threadline-export', version: 1, exportedAt: '', items: [], progress: {}, settings: {} });
    expect((await importMerge(old)).correctionsMerged).toBe(0);
  });
});
