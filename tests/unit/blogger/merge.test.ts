// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { mergeComments } from '../../../src/blogger/merge';
import type { Comment } from '../../../src/blogger/types';
import { sanitizeHtml } from '../../../src/shared/sanitize';

function comment(id: string, parentId: string | null, publishedMs: number, extra: Partial<Comment> = {}): Comment {
  return {
    id,
    parentId,
    author: 'Anonymous',
    authorUrl: null,
    isBlogOwner: false,
    publishedMs,
    displayTime: '',
    html: sanitizeHtml(id),
    removed: false,
    ...extra,
  };
}

const ids = (comments: Comment[]) => comments.map((c) => c.id);

describe('mergeComments', () => {
  const page = [comment('1', null, 100), comment('2', '1', 110), comment('3', null, 120), comment('4', '3', 130)];

  it('keeps page order and drops feed duplicates of page comments', () => {
    expect(ids(mergeComments(page, [comment('2', '1', 110), comment('1', null, 100)]))).toEqual(['1', '2', '3', '4']);
  });

  it('places a feed-only reply after its parent’s existing replies', () => {
    expect(ids(mergeComments(page, [comment('5', '1', 500)]))).toEqual(['1', '2', '5', '3', '4']);
  });

  it('places several feed-only replies to one parent in published order', () => {
    expect(ids(mergeComments(page, [comment('7', '3', 700), comment('6', '3', 600)]))).toEqual(['1', '2', '3', '4', '6', '7']);
  });

  it('puts feed-only top-level comments at the end in published order, each followed by its replies', () => {
    const feed = [comment('9', null, 900), comment('8', null, 800), comment('10', '8', 1000), comment('11', '1', 950)];
    expect(ids(mergeComments(page, feed))).toEqual(['1', '2', '11', '3', '4', '8', '10', '9']);
  });

  it('keeps a reply whose parent is nowhere exactly once, at the end', () => {
    const merged = mergeComments(page, [comment('12', '999', 50)]);
    expect(ids(merged)).toEqual(['1', '2', '3', '4', '12']);
  });

  it('gives feed comments from the blog owner’s profile the owner flag', () => {
    const owner = 'https://www.blogger.com/profile/1';
    const withOwner = [...page, comment('13', null, 140, { isBlogOwner: true, authorUrl: owner })];
    const merged = mergeComments(withOwner, [comment('14', '13', 150, { authorUrl: owner })]);
    expect(merged.at(-1)).toMatchObject({ id: '14', isBlogOwner: true });
  });

  it('returns every comment exactly once', () => {
    const feed = [comment('4', '3', 130), comment('15', '2', 160), comment('15', '2', 160), comment('16', null, 170)];
    const merged = ids(mergeComments(page, feed));
    expect(new Set(merged).size).toBe(merged.length);
    expect(merged.sort()).toEqual(['1', '15', '16', '2', '3', '4']);
  });
});
