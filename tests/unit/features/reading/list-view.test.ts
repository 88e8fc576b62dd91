import { describe, expect, it } from 'vitest';
import { arrangeReadingList, DEFAULT_QUERY, tagsInUse } from '../../../../src/features/reading/list-view';
import type { SavedItem } from '../../../../src/features/reading/types';
import { savedComment } from './items';

const text = (item: SavedItem) => item.excerptHtml.replace(/<[^>]+>/g, '');
const ids = (groups: ReturnType<typeof arrangeReadingList>) => groups.map((group) => [group.postKey, group.items.map((item) => item.note)]);

describe('reading list arrangement', () => {
  const items = [
    savedComment({ postKey: 'a', note: 'a-old', savedAt: 1, publishedMs: 30, tags: ['ap'] }),
    savedComment({ postKey: 'b', note: 'b-mid', savedAt: 2, read: true, excerptHtml: '<p>Café culture in the OASys team</p>' }),
    savedComment({ postKey: 'a', note: 'a-new', savedAt: 3, publishedMs: 10, tags: ['ap', 'rar'] }),
  ];

  it('groups by post, newest saved first, and orders items inside each group', () => {
    expect(ids(arrangeReadingList(items, DEFAULT_QUERY, text))).toEqual([
      ['a', ['a-new', 'a-old']],
      ['b', ['b-mid']],
    ]);
    expect(ids(arrangeReadingList(items, { ...DEFAULT_QUERY, sort: 'oldest' }, text))).toEqual([
      ['a', ['a-old', 'a-new']],
      ['b', ['b-mid']],
    ]);
    expect(ids(arrangeReadingList(items, { ...DEFAULT_QUERY, sort: 'comment-time' }, text))[0]).toEqual(['a', ['a-new', 'a-old']]);
  });

  it('searches text, notes and tags with every word required, ignoring case and accents', () => {
    expect(ids(arrangeReadingList(items, { ...DEFAULT_QUERY, text: 'cafe oasys' }, text))).toEqual([['b', ['b-mid']]]);
    expect(ids(arrangeReadingList(items, { ...DEFAULT_QUERY, text: 'RAR' }, text))).toEqual([['a', ['a-new']]]);
    expect(ids(arrangeReadingList(items, { ...DEFAULT_QUERY, text: 'a-old' }, text))).toEqual([['a', ['a-old']]]);
    expect(arrangeReadingList(items, { ...DEFAULT_QUERY, text: 'cafe missing' }, text)).toEqual([]);
  });

  it('filters by tag and by unread', () => {
    expect(ids(arrangeReadingList(items, { ...DEFAULT_QUERY, tag: 'rar' }, text))).toEqual([['a', ['a-new']]]);
    expect(ids(arrangeReadingList(items, { ...DEFAULT_QUERY, unreadOnly: true }, text))).toEqual([['a', ['a-new', 'a-old']]]);
  });

  it('lists tags most used first', () => {
    expect(tagsInUse(items)).toEqual(['ap', 'rar']);
  });
});
