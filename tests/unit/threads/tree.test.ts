import { describe, expect, it } from 'vitest';
import { buildTree, countDescendants, postedTree, threadedTree } from '../../../src/threads/tree';
import type { ReplyLink } from '../../../src/threads/types';

const link = (parentId: string | null, source: ReplyLink['source']): ReplyLink => ({ parentId, source, evidence: '', confidence: 1 });

describe('buildTree', () => {
  it('keeps siblings in page order and computes depths', () => {
    const parents: Record<string, string | null> = { a: null, b: 'a', c: 'a', d: 'b', e: null };
    const tree = buildTree(['a', 'b', 'c', 'd', 'e'], (id) => parents[id] ?? null);
    expect(tree.roots).toEqual(['a', 'e']);
    expect(tree.children.get('a')).toEqual(['b', 'c']);
    expect(tree.depthOf.get('d')).toBe(2);
  });

  it('breaks a cycle by making its earliest member a root, keeping every comment once', () => {
    const parents: Record<string, string> = { a: 'c', b: 'a', c: 'b', d: 'd' };
    const tree = buildTree(['a', 'b', 'c', 'd'], (id) => parents[id] ?? null);
    expect(tree.roots).toEqual(['a', 'd']);
    expect(tree.parentOf.get('c')).toBe('b');
    expect(tree.depthOf.size).toBe(4);
  });

  it('makes a comment whose parent is unknown a root', () => {
    expect(buildTree(['a', 'b'], (id) => (id === 'b' ? 'zzz' : null)).roots).toEqual(['a', 'b']);
  });

  it('handles a 10,000-deep chain without recursion', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `c${i}`);
    const tree = buildTree(ids, (id) => (id === 'c0' ? null : `c${Number(id.slice(1)) - 1}`));
    expect(tree.depthOf.get('c9999')).toBe(9999);
  });
});

describe('postedTree and threadedTree', () => {
  const comments = [
    { id: 'a', parentId: null },
    { id: 'a1', parentId: 'a' },
    { id: 'a2', parentId: 'a' },
    { id: 'b', parentId: null },
  ];

  it('postedTree follows Blogger’s parents', () => {
    expect(postedTree(comments).children.get('a')).toEqual(['a1', 'a2']);
  });

  it('threadedTree follows the links, falling back to Blogger’s parents', () => {
    const links = new Map([
      ['a2', link('a1', 'time')],
      ['b', link('a2', 'quote')],
    ]);
    const tree = threadedTree(comments, links);
    expect(tree.roots).toEqual(['a']);
    expect(tree.depthOf.get('b')).toBe(3);
  });
});

describe('countDescendants', () => {
  it('counts all descendants and the inferred ones', () => {
    const comments = [
      { id: 'a', parentId: null },
      { id: 'a1', parentId: 'a' },
      { id: 'a2', parentId: 'a' },
      { id: 'b', parentId: null },
    ];
    const links = new Map([
      ['a', link(null, 'blogger')],
      ['a1', link('a', 'blogger')],
      ['a2', link('a1', 'time')],
      ['b', link('a2', 'name')],
    ]);
    const tree = threadedTree(comments, links);
    expect(countDescendants(tree, 'a', links)).toEqual({ total: 3, inferred: 2 });
    expect(countDescendants(tree, 'a1')).toEqual({ total: 2, inferred: 0 });
    expect(countDescendants(tree, 'b', links)).toEqual({ total: 0, inferred: 0 });
  });
});
