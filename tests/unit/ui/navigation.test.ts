import { describe, expect, it } from 'vitest';
import { buildTree } from '../../../src/threads/tree';
import { Navigator, visibleComments } from '../../../src/ui/navigation';

/**
 * a
 * ├─ b
 * │  └─ c
 * └─ d
 * e
 * └─ f
 * g
 */
const PARENTS: Record<string, string | null> = { a: null, b: 'a', c: 'b', d: 'a', e: null, f: 'e', g: null };
const tree = buildTree(Object.keys(PARENTS), (id) => PARENTS[id] ?? null);

function nav(hidden: string[] = [], collapsed: string[] = []) {
  const visible = visibleComments(
    tree,
    (id) => hidden.includes(id),
    (id) => collapsed.includes(id),
  );
  return { visible, navigator: new Navigator(tree, visible) };
}

describe('visibleComments', () => {
  it('lists comments in display order, skipping filter-hidden ones and replies under collapsed comments', () => {
    expect(nav().visible).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(nav(['d', 'f'], ['b']).visible).toEqual(['a', 'b', 'e', 'g']);
  });
});

describe('Navigator', () => {
  it('steps to the next and previous visible comment and stays put at the ends', () => {
    const { navigator } = nav(['c']);
    expect(navigator.step(null, 1)).toBe('a');
    expect(navigator.step(null, -1)).toBe('g');
    expect(navigator.step('b', 1)).toBe('d');
    expect(navigator.step('d', -1)).toBe('b');
    expect(navigator.step('g', 1)).toBe('g');
    expect(navigator.step('a', -1)).toBe('a');
  });

  it('steps from a comment that has just been hidden to its nearest visible neighbour', () => {
    const { navigator } = nav(['b', 'c']);
    expect(navigator.step('c', 1)).toBe('d');
    expect(navigator.step('c', -1)).toBe('a');
  });

  it('moves between threads, K first returning to the top of the current thread', () => {
    const { navigator } = nav(['e', 'f']);
    expect(navigator.stepThread('c', 1)).toBe('g');
    expect(navigator.stepThread('c', -1)).toBe('a');
    expect(navigator.stepThread('g', -1)).toBe('a');
    expect(navigator.stepThread(null, 1)).toBe('a');
  });

  it('finds the parent in the current tree', () => {
    const { navigator } = nav();
    expect(navigator.parent('c')).toBe('b');
    expect(navigator.parent('a')).toBeNull();
    expect(navigator.rootOf('c')).toBe('a');
  });

  it('finds the next comment that satisfies a test, wrapping round to the top', () => {
    const { navigator } = nav([], ['e']);
    const isNew = (id: string) => ['c', 'f', 'g'].includes(id);
    expect(navigator.nextWhere(null, isNew)).toBe('c');
    expect(navigator.nextWhere('c', isNew)).toBe('g'); // f is under collapsed e
    expect(navigator.nextWhere('g', isNew)).toBe('c');
    expect(navigator.nextWhere('a', () => false)).toBeNull();
  });
});
