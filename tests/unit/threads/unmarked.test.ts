import { describe, expect, it } from 'vitest';
import { inferReplies } from '../../../src/threads/infer';
import { guessUnmarkedParents } from '../../../src/threads/unmarked';
import { makeComments } from './make-comments';

describe('guessed parents for replies with no explicit mark (measured, not shown)', () => {
  const comments = makeComments([
    { id: 'a', at: '2024-02-19 09:00', text: 'The approved premises in Leeds have no night cover at all.' },
    { id: 'b', at: '2024-02-19 09:10', text: 'Recruitment is the real problem for everyone.' },
    { id: 'c', at: '2024-02-19 09:20', text: 'Agreed, Leeds approved premises night cover is a scandal.' },
    { id: 'd', at: '2024-02-19 09:30', text: '@09:10 recruitment, yes.' },
    { id: 'e', at: '2024-02-19 09:40', text: 'Completely unrelated thoughts about gardening.' },
  ]);
  const guesses = guessUnmarkedParents(comments, inferReplies({ comments, postBodyText: '' }));

  it('guesses from an opener and rare shared words, looking a few comments back', () => {
    expect(guesses.get('c')).toMatchObject({ parentId: 'a' });
    expect(guesses.get('c')!.evidence).toContain('opens as an answer');
  });

  it('leaves alone comments with explicit evidence, and those that share nothing', () => {
    expect(guesses.has('d')).toBe(false);
    expect(guesses.has('e')).toBe(false);
    expect(guesses.has('a')).toBe(false);
  });
});
