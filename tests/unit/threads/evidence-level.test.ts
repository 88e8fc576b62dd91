import { describe, expect, it } from 'vitest';
import { linksAtLevel, movesAt, STRONG_EVIDENCE } from '../../../src/threads/evidence-level';
import { inferReplies } from '../../../src/threads/infer';
import type { ReplyLink } from '../../../src/threads/types';
import { makeComments } from './make-comments';

const link = (parentId: string | null, source: ReplyLink['source'], confidence: number): ReplyLink => ({
  parentId,
  source,
  evidence: 'x',
  confidence,
});

describe('evidence level', () => {
  it('moves on strong evidence only by default, on any evidence at "all", on none at "off"; Blogger and reader links always hold', () => {
    const strong = link('a', 'time', 0.95);
    const weak = link('a', 'name', 0.75);
    expect([movesAt('strong', strong), movesAt('strong', weak)]).toEqual([true, false]);
    expect([movesAt('all', strong), movesAt('all', weak)]).toEqual([true, true]);
    expect([movesAt('off', strong), movesAt('off', weak)]).toEqual([false, false]);
    for (const level of ['strong', 'all', 'off'] as const) {
      expect(movesAt(level, link('a', 'blogger', 1))).toBe(true);
      expect(movesAt(level, link('a', 'reader', 1))).toBe(true);
    }
    expect(movesAt('strong', link('a', 'quote', STRONG_EVIDENCE))).toBe(true);
    expect(movesAt('strong', link('a', 'quote', STRONG_EVIDENCE - 0.1))).toBe(false);
  });

  it('puts a weak link back under Blogger’s parent and offers it as a suggestion, keeping the evidence weighed', () => {
    const considered = [{ parentId: 'a', source: 'name' as const, evidence: 'Getafix', confidence: 0.75 }];
    const inferred = new Map<string, ReplyLink>([
      ['a', link(null, 'blogger', 1)],
      ['b', { parentId: 'a', source: 'name', evidence: 'Getafix', confidence: 0.75, considered }],
      ['c', link('a', 'time', 0.95)],
    ]);
    const bloggerParent = (id: string) => (id === 'b' ? 'z' : null);
    const strong = linksAtLevel(inferred, 'strong', bloggerParent);
    expect(strong.links.get('b')).toEqual({ parentId: 'z', source: 'blogger', evidence: '', confidence: 1, considered });
    expect(strong.links.get('c')).toBe(inferred.get('c'));
    expect([...strong.suggestions]).toEqual([['b', { parentId: 'a', source: 'name', evidence: 'Getafix', confidence: 0.75 }]]);

    const all = linksAtLevel(inferred, 'all', bloggerParent);
    expect(all.links.get('b')).toBe(inferred.get('b'));
    expect(all.suggestions.size).toBe(0);

    const off = linksAtLevel(inferred, 'off', bloggerParent);
    expect(off.links.get('c')).toMatchObject({ parentId: null, source: 'blogger' });
    expect(off.links.get('b')).toMatchObject({ parentId: 'z', source: 'blogger' });
    expect(off.suggestions.size).toBe(0);
  });

  it('suggests nothing when the weak evidence points where Blogger already put the comment', () => {
    const inferred = new Map<string, ReplyLink>([['b', link('z', 'name', 0.75)]]);
    expect(linksAtLevel(inferred, 'strong', () => 'z').suggestions.size).toBe(0);
  });

  it('on real inference: a name moves a comment only at "all"; a marked time moves it at "strong"', () => {
    const comments = makeComments([
      { id: 'a', at: '2024-02-19 09:00', text: "Recalls are up.\n\n'Getafix" },
      { id: 'b', at: '2024-02-19 10:00', text: 'Staffing is the real problem here.' },
      { id: 'c', at: '2024-02-19 11:00', text: 'In agreement with Getafix. What matters is staffing.' },
      { id: 'd', at: '2024-02-19 12:00', text: '@10:00 spot on.' },
    ]);
    const inferred = inferReplies({ comments, postBodyText: '' });
    const strong = linksAtLevel(inferred, 'strong', () => null);
    expect(strong.links.get('c')!.parentId).toBeNull();
    expect(strong.suggestions.get('c')).toMatchObject({ parentId: 'a', source: 'name' });
    expect(strong.links.get('d')).toMatchObject({ parentId: 'b', source: 'time' });
    expect(linksAtLevel(inferred, 'all', () => null).links.get('c')!.parentId).toBe('a');
  });
});
