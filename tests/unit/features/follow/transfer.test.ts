import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../../support/fake-browser')).createFakeBrowser() }));

import browser from '../../../../src/shared/browser';
import { minesIn, saveMine } from '../../../../src/features/follow/mine-store';
import { readKeys } from '../../../../src/shared/storage';
import { follow, loadFollowStates } from '../../../../src/features/follow/store';
import { mergeFollowImport } from '../../../../src/features/follow/transfer';
import { describeImport, exportAll, importMerge } from '../../../../src/features/reading/export-import';
import type { FakeBrowser } from '../../support/fake-browser';
import { aFollow, aMine } from './helpers';

const fake = browser as unknown as FakeBrowser;
beforeEach(() => fake.reset());

describe('follows and "mine" marks in export and import', () => {
  it('travel in the export file and come back into an empty profile', async () => {
    await follow(aFollow('101', 5_000), 12);
    await follow(aFollow('202', 6_000), 3);
    await saveMine(aMine('101', '9000'));
    const file = await exportAll();
    expect(JSON.parse(file)).toMatchObject({ follows: [{ postKey: '101' }, { postKey: '202' }], mine: [{ commentId: '9000' }] });

    fake.reset();
    const summary = await importMerge(file);
    expect(summary).toMatchObject({ followsMerged: 2, mineMerged: 1 });
    expect(describeImport(summary)).toContain('2 followed post(s), 1 comment(s) of yours merged.');
    expect([...(await loadFollowStates()).keys()].sort()).toEqual(['101', '202']);
    expect(minesIn(await readKeys('local', null)).map((mine) => mine.commentId)).toEqual(['9000']);
  });

  it('merges, never replaces: a follow here stays unless the file’s is newer; marks are added once; bad entries are skipped', () => {
    const here = { 'follow:101': aFollow('101', 5_000, { title: 'here' }), 'mine:101:9000': aMine('101', '9000') };
    const merged = mergeFollowImport(
      here,
      [
        aFollow('101', 4_000, { title: 'older' }),
        aFollow('202', 1),
        { v: 1, postKey: 'x', url: 'ftp://x' },
        aFollow('101', 9_000, { title: 'newer' }),
      ],
      [aMine('101', '9000'), aMine('101', '9001'), { nonsense: true }],
    );
    expect(merged).toMatchObject({ follows: 2, mine: 1, skipped: 2 });
    expect((merged.writes['follow:101'] as { title: string }).title).toBe('newer');
    expect(Object.keys(merged.writes).sort()).toEqual(['follow:101', 'follow:202', 'mine:101:9001']);
  });

  it('imports a file made before follows existed without complaint', async () => {
    await follow(aFollow('101'), 1);
    const file = JSON.parse(await exportAll());
    delete file.follows;
    delete file.mine;
    const summary = await importMerge(JSON.stringify(file));
    expect(summary).toMatchObject({ followsMerged: 0, mineMerged: 0 });
  });
});
