import { describe, expect, it } from 'vitest';
import { migrateSavedItem, SAVED_ITEM_MIGRATIONS, validateSavedItem, type Migration } from '../../../../../src/features/reading/storage/migrations';
import { SAVED_ITEM_VERSION } from '../../../../../src/features/reading/types';
import { savedComment } from '../items';

/** A stored example of every schema version this build can meet, oldest first (add one when the version is bumped). */
const STORED_EXAMPLES: Record<number, unknown> = {
  1: {
    v: 1,
    kind: 'comment',
    postKey: '7001',
    postUrl: 'https://probationmatters.blogspot.com/2024/02/a-post.html',
    postTitle: 'A post',
    commentId: '1234567890123456789',
    publishedMs: 1708376820000,
    author: 'Anonymous',
    displayTime: '19 February 2024 at 21:07',
    excerptHtml: '<p>text</p>',
    replyCount: 0,
    note: 'n',
    tags: ['ap'],
    savedAt: 1,
    updatedAt: 2,
    read: false,
  },
};

describe('saved item migrations', () => {
  it('has a migration step from every earlier version', () => {
    for (let version = 1; version < SAVED_ITEM_VERSION; version++)
      expect(SAVED_ITEM_MIGRATIONS[version], `step from ${version}`).toBeTypeOf('function');
  });

  it('brings a stored example of every version up to a valid current item', () => {
    for (let version = 1; version <= SAVED_ITEM_VERSION; version++) {
      const outcome = migrateSavedItem(STORED_EXAMPLES[version]);
      expect(outcome, `version ${version}`).toMatchObject({ ok: true, migrated: version !== SAVED_ITEM_VERSION });
    }
  });

  it('chains steps in order and validates the result', () => {
    const steps: Record<number, Migration> = {
      1: ({ noteText, ...rest }) => ({ ...rest, note: noteText }),
      2: (record) => ({ ...record, tags: String(record.labels ?? '').split(' ') }),
    };
    const { note: _n, tags: _t, ...base } = savedComment();
    const outcome = migrateSavedItem({ ...base, v: 1, noteText: 'old note', labels: 'RAR OASys' }, steps, 3);
    expect(outcome).toMatchObject({ ok: true, migrated: true, item: { note: 'old note', tags: ['rar', 'oasys'] } });
  });

  it('reports a failing or missing step instead of dropping the record', () => {
    const failing = migrateSavedItem(
      { ...savedComment(), v: 1 },
      {
        1: () => {
          throw new Error('boom');
        },
      },
      2,
    );
    expect(failing).toMatchObject({ ok: false, newer: false, reason: expect.stringContaining('boom') });
    expect(migrateSavedItem({ ...savedComment(), v: 1 }, {}, 2)).toMatchObject({ ok: false, reason: 'no migration from version 1' });
  });

  it('marks records from a newer version as newer, and unversioned or non-record values as unusable', () => {
    expect(migrateSavedItem({ ...savedComment(), v: SAVED_ITEM_VERSION + 1 })).toMatchObject({ ok: false, newer: true });
    expect(migrateSavedItem({ ...savedComment(), v: undefined })).toMatchObject({ ok: false, newer: false });
    for (const value of [null, 'saved', 3, [savedComment()]]) expect(migrateSavedItem(value)).toMatchObject({ ok: false, newer: false });
  });

  it('refuses records that could not be shown or linked safely', () => {
    expect(validateSavedItem({ ...savedComment(), postUrl: 'javascript:alert(1)' })).toBe('no usable post URL');
    expect(validateSavedItem({ ...savedComment(), commentId: '12ab' })).toBe('bad comment id');
    expect(validateSavedItem({ ...savedComment(), kind: 'post' })).toBe('bad comment id');
    expect(validateSavedItem({ ...savedComment(), kind: 'poem' })).toMatch(/unknown kind/);
    expect(validateSavedItem({ ...savedComment(), savedAt: 'yesterday' })).toBe('no saved time');
  });

  it('cleans what it keeps: query and hash off the post URL, tags normalised, missing fields defaulted', () => {
    const { note: _n, read: _r, updatedAt: _u, ...rest } = savedComment();
    const item = validateSavedItem({ ...rest, postUrl: 'https://probationmatters.blogspot.com/2024/02/a.html?m=1#c1', tags: ['#AP', 'ap', 7] });
    expect(item).toMatchObject({
      postUrl: 'https://probationmatters.blogspot.com/2024/02/a.html',
      tags: ['ap'],
      note: '',
      read: false,
      updatedAt: rest.savedAt,
    });
  });
});
