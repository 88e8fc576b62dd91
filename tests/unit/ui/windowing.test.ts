import { describe, expect, it } from 'vitest';
import type { ThreadTree } from '../../../src/threads/types';
import { commentsOfGroup, eagerGroupCount, groupIndexOf, shownByGroup } from '../../../src/ui/windowing';

/** 1 ─ 2 ─ 3, 4, 5 ─ 6 */
function tree(): ThreadTree {
  return {
    roots: ['1', '4', '5'],
    children: new Map([
      ['1', ['2']],
      ['2', ['3']],
      ['5', ['6']],
    ]),
    parentOf: new Map([
      ['1', null],
      ['2', '1'],
      ['3', '2'],
      ['4', null],
      ['5', null],
      ['6', '5'],
    ]),
    depthOf: new Map(),
  };
}

describe('eagerGroupCount', () => {
  it('builds at once, on a big post, every group that starts within the first comments', () => {
    expect(eagerGroupCount([30, 30, 30, 30], 80, 80)).toBe(3);
    expect(eagerGroupCount([30, 30, 30, 30], 30, 80)).toBe(1);
    expect(eagerGroupCount([10, 10, 10, 10, 10, 10, 10, 10, 10], 30, 80)).toBe(3);
  });

  it('builds a small post whole and at least the first group of any post', () => {
    expect(eagerGroupCount([40, 40], 30, 80)).toBe(2);
    expect(eagerGroupCount([500, 10], 30, 80)).toBe(1);
    expect(eagerGroupCount([], 30, 80)).toBe(0);
  });
});

describe('shownByGroup', () => {
  it('lists what the reader would see in each group: not filtered out, not under a collapsed comment', () => {
    const groups = [['1', '4'], ['5']];
    expect(
      shownByGroup(
        tree(),
        groups,
        () => false,
        () => false,
      ),
    ).toEqual([
      ['1', '2', '3', '4'],
      ['5', '6'],
    ]);
    expect(
      shownByGroup(
        tree(),
        groups,
        (id) => id === '4',
        (id) => id === '2',
      ),
    ).toEqual([
      ['1', '2'],
      ['5', '6'],
    ]);
  });

  it('keeps the previous array of a group whose shown comments did not change, so its memoised view skips a render', () => {
    const groups = [['1', '4'], ['5']];
    const before = shownByGroup(
      tree(),
      groups,
      () => false,
      () => false,
    );
    const after = shownByGroup(
      tree(),
      groups,
      (id) => id === '6',
      () => false,
      before,
    );
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
  });
});

describe('groupIndexOf', () => {
  it('finds the group of a reply through its top-level comment', () => {
    const groupOfRoot = new Map([
      ['1', 0],
      ['4', 0],
      ['5', 1],
    ]);
    expect(groupIndexOf(tree(), groupOfRoot, '3')).toBe(0);
    expect(groupIndexOf(tree(), groupOfRoot, '6')).toBe(1);
    expect(groupIndexOf(tree(), groupOfRoot, 'unknown')).toBeUndefined();
  });
});

describe('commentsOfGroup', () => {
  it('lists every comment of a group once, in display order', () => {
    expect(commentsOfGroup(tree(), ['1', '4'])).toEqual(['1', '2', '3', '4']);
  });
});
