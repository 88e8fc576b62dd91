import { afterEach, describe, expect, it } from 'vitest';
import { inferReplies, inferRepliesInSlices } from '../../../src/threads/infer';
import { threadedTree } from '../../../src/threads/tree';
import type { InferenceComment } from '../../../src/threads/types';
import { makeComments, type CommentSpec } from './make-comments';

const infer = (specs: CommentSpec[], postBodyText = '', blogAuthorNames?: string[]) =>
  inferReplies({ comments: makeComments(specs), postBodyText, blogAuthorNames });

describe('inferReplies: Blogger default', () => {
  it('keeps Blogger’s parent for every comment without evidence', () => {
    const links = infer([
      { id: 'a', at: '2024-02-19 10:00', text: 'First thought.' },
      { id: 'a1', parent: 'a', at: '2024-02-19 10:30', text: 'Agree with this.' },
      { id: 'b', at: '2024-02-19 11:00', text: 'Another thought.' },
    ]);
    expect([...links.entries()]).toEqual([
      ['a', { parentId: null, source: 'blogger', evidence: '', confidence: 1 }],
      ['a1', { parentId: 'a', source: 'blogger', evidence: '', confidence: 1 }],
      ['b', { parentId: null, source: 'blogger', evidence: '', confidence: 1 }],
    ]);
  });
});

describe('inferReplies: time references', () => {
  const base: CommentSpec[] = [
    { id: 'a', at: '2024-02-19 21:07', text: 'I am retiring early this week.' },
    { id: 'b', at: '2024-02-19 22:10', text: 'Unrelated point about pay.' },
  ];

  it('links a top-level comment to the earlier comment whose time it names', () => {
    const links = infer([...base, { id: 'c', at: '2024-02-20 08:00', text: 'Good luck 21:07, I retired three years early' }]);
    expect(links.get('c')).toMatchObject({ parentId: 'a', source: 'time', evidence: '21:07' });
  });

  it('trusts a marked reference more than a bare one', () => {
    const marked = infer([...base, { id: 'c', at: '2024-02-20 08:00', text: '@21.07 yes' }]).get('c')!;
    const bare = infer([...base, { id: 'c', at: '2024-02-20 08:00', text: 'Yes 21.07' }]).get('c')!;
    expect(marked.parentId).toBe('a');
    expect(bare.parentId).toBe('a');
    expect(marked.confidence).toBeGreaterThan(bare.confidence);
  });

  it('moves a Blogger reply to the sibling reply whose time it names', () => {
    const links = infer([
      { id: 't', at: '2024-02-19 14:00', text: 'Top comment.' },
      { id: 't1', parent: 't', at: '2024-02-19 14:04', text: 'Violent crime down 46% is a lie.' },
      { id: 't2', parent: 't', at: '2024-02-19 15:00', text: 'Careful 14:04 big brother is watching.' },
    ]);
    expect(links.get('t2')).toMatchObject({ parentId: 't1', source: 'time' });
  });

  it('ignores a time that matches no earlier comment, including a later comment at that time', () => {
    const links = infer([
      { id: 'a', at: '2024-02-19 20:00', text: 'Earlier comment.' },
      { id: 'c', at: '2024-02-19 21:10', text: '@21:15 will say something' },
      { id: 'd', at: '2024-02-19 21:15', text: 'A later comment at the named time.' },
    ]);
    expect(links.get('c')).toMatchObject({ parentId: null, source: 'blogger' });
  });

  it('with two earlier comments at the same time, prefers the one in the same thread', () => {
    const links = infer([
      { id: 'x', at: '2024-02-18 21:07', text: 'Thread x starts.' },
      { id: 'y', at: '2024-02-19 09:00', text: 'Thread y starts.' },
      { id: 'y1', parent: 'y', at: '2024-02-19 21:07', text: 'A reply in thread y.' },
      { id: 'z', at: '2024-02-19 21:08', text: 'Another top-level comment at 21:08.' },
      { id: 'y2', parent: 'y', at: '2024-02-20 10:00', text: '@21:07 you are right' },
    ]);
    expect(links.get('y2')).toMatchObject({ parentId: 'y1', source: 'time' });
  });

  it('with two earlier comments at the same time and neither in the thread, prefers the nearest', () => {
    const links = infer([
      { id: 'x', at: '2024-02-18 21:07', text: 'Monday.' },
      { id: 'y', at: '2024-02-19 21:07', text: 'Tuesday.' },
      { id: 'c', at: '2024-02-20 08:00', text: '@21:07 indeed' },
    ]);
    expect(links.get('c')).toMatchObject({ parentId: 'y', source: 'time' });
    expect(links.get('c')!.confidence).toBeLessThan(0.95);
  });

  it('uses a date in the reference to choose between days', () => {
    const links = infer([
      { id: 'x', at: '2024-02-18 21:07', text: 'Monday.' },
      { id: 'y', at: '2024-02-19 21:07', text: 'Tuesday.' },
      { id: 'c', at: '2024-02-20 08:00', text: 'Anon 18 Feb at 21:07 has it' },
    ]);
    expect(links.get('c')).toMatchObject({ parentId: 'x', evidence: '18 Feb at 21:07' });
  });

  it('matches summer-time comments by the hour the blog displays (BST), not UTC', () => {
    const links = infer([
      { id: 'a', at: '2025-07-22 21:07', text: 'Summer comment.' }, // 20:07 UTC
      { id: 'b', at: '2025-07-22 20:07', text: 'Another comment.' }, // 19:07 UTC
      { id: 'c', at: '2025-07-23 08:00', text: '@21:07 quite right' },
    ]);
    expect(links.get('c')?.parentId).toBe('a');
  });

  describe('for a reader in another timezone', () => {
    const originalTz = process.env.TZ;
    afterEach(() => {
      process.env.TZ = originalTz;
    });

    it('gives the same links, with or without display text', () => {
      const specs: CommentSpec[] = [
        { id: 'a', at: '2025-07-22 21:07', text: 'Summer comment.' },
        { id: 'c', at: '2025-07-23 08:00', text: '@21:07 quite right' },
      ];
      const withoutDisplay = (): InferenceComment[] => makeComments(specs).map((c) => ({ ...c, displayTime: '' }));
      process.env.TZ = 'America/Los_Angeles';
      const inLosAngeles = inferReplies({ comments: withoutDisplay(), postBodyText: '' });
      process.env.TZ = 'Australia/Sydney';
      const inSydney = inferReplies({ comments: withoutDisplay(), postBodyText: '' });
      expect(inLosAngeles.get('c')?.parentId).toBe('a');
      expect([...inSydney]).toEqual([...inLosAngeles]);
    });
  });

  it('does not treat prices, percentages, decimals, ranges or prose clock times as references', () => {
    const links = infer([
      { id: 'a', at: '2024-02-19 04:07', text: 'Comment at 04:07.' },
      { id: 'b', at: '2024-02-19 07:00', text: 'Comment at 07:00.' },
      { id: 'c', at: '2024-02-19 10:30', text: 'Comment at 10:30.' },
      { id: 'd', at: '2024-02-19 11:45', text: 'Comment at 11:45.' },
      {
        id: 'e',
        at: '2024-02-20 09:00',
        text: 'Crime up 4.07% and pay £10.30 an hour; rates 11.45 10.30 per 1,000; between 7pm and 7am; from 10.30-11.45.',
      },
    ]);
    expect(links.get('e')).toMatchObject({ parentId: null, source: 'blogger' });
  });
});

describe('inferReplies: quotes', () => {
  it('links a reply that opens by quoting an earlier comment in curly quotes', () => {
    const links = infer([
      { id: 't', at: '2024-02-19 09:00', text: 'I took early retirement last summer.' },
      {
        id: 't1',
        parent: 't',
        at: '2024-02-19 10:00',
        text: 'The focus has been on recruiting lambs to the slaughter and bullying as many of them as possible into the machine.',
      },
      { id: 't2', parent: 't', at: '2024-02-19 11:00', text: 'Well done, lovely.' },
      {
        id: 't3',
        parent: 't',
        at: '2024-02-19 12:00',
        text: '“the focus has been on recruiting lambs to the slaughter”\n\nThe shocking thing is the bullying.',
      },
    ]);
    expect(links.get('t3')).toMatchObject({ parentId: 't1', source: 'quote', evidence: 'the focus has been on recruiting lambs to the slaughter' });
  });

  it('links a >-quoted line to its earlier comment in another thread', () => {
    const links = infer([
      { id: 'a', at: '2024-02-19 09:00', text: 'Fully remote workers are one of the worst things in probation today.' },
      { id: 'b', at: '2024-02-19 10:00', text: 'Something else.' },
      { id: 'c', at: '2024-02-19 11:00', text: '> fully remote workers are one of the worst things\nRubbish, we work hard.' },
    ]);
    expect(links.get('c')).toMatchObject({ parentId: 'a', source: 'quote' });
  });

  it('does not link a quote of the post body, even when a comment repeats it', () => {
    const post = 'Despite a full complement of middle managers, they had a 45 per cent vacancy rate for qualified officers.';
    const links = infer(
      [
        { id: 'a', at: '2024-02-19 09:00', text: 'Despite a full complement of middle managers, they had a 45 per cent vacancy rate. Shocking.' },
        { id: 'b', at: '2024-02-19 10:00', text: '"a full complement of middle managers" says it all' },
      ],
      post,
    );
    expect(links.get('b')).toMatchObject({ parentId: null, source: 'blogger' });
  });

  it('does not link a quote from an outside source found in no earlier comment', () => {
    const links = infer([
      { id: 'a', at: '2024-02-19 09:00', text: 'The inspectorate published a report today.' },
      { id: 'b', at: '2024-02-19 10:00', text: '"The most despicable criminals should never walk free" says the PM.' },
    ]);
    expect(links.get('b')).toMatchObject({ parentId: null, source: 'blogger' });
  });

  it('keeps a Blogger reply in its thread when it quotes a comment of another thread', () => {
    const links = infer([
      { id: 'a', at: '2024-02-19 09:00', text: 'The roles don’t need any prior experience, says the advert.' },
      { id: 'b', at: '2024-02-19 10:00', text: 'Community Payback supervisors wanted.' },
      { id: 'b1', parent: 'b', at: '2024-02-19 11:00', text: '“don’t need any prior experience, says the advert”\nThey do.' },
    ]);
    expect(links.get('b1')).toMatchObject({ parentId: 'b', source: 'blogger' });
  });

  it('does not link short scare quotes', () => {
    const links = infer([
      { id: 'a', at: '2024-02-19 09:00', text: 'The anyone will do approach is wrong.' },
      { id: 'b', at: '2024-02-19 10:00', text: 'The "anyone will do" idea again.' },
    ]);
    expect(links.get('b')?.source).toBe('blogger');
  });

  it('links to the comment that wrote the words, not to one that quoted them', () => {
    const links = infer([
      { id: 'a', at: '2024-02-19 09:00', text: 'Taking on people with no experience or qualifications isn’t really working.' },
      { id: 'b', at: '2024-02-19 10:00', text: '"people with no experience or qualifications" - you mean me?' },
      { id: 'c', at: '2024-02-19 11:00', text: '“people with no experience or qualifications” is spot on' },
    ]);
    expect(links.get('b')?.parentId).toBe('a');
    expect(links.get('c')?.parentId).toBe('a');
  });
});

describe('inferReplies: unmarked repeats', () => {
  it('links a reply whose opening sentence repeats a sibling’s words without quote marks', () => {
    const links = infer([
      { id: 't', at: '2024-02-19 09:00', text: 'Extra two years for not attending court.' },
      { id: 't1', parent: 't', at: '2024-02-19 10:00', text: 'You cannot have a consecutive sentence to a life sentence.' },
      { id: 't2', parent: 't', at: '2024-02-19 11:00', text: 'If they change the law it can be.' },
      { id: 't3', parent: 't', at: '2024-02-19 12:00', text: 'You CAN have a consecutive sentence to a life sentence.' },
    ]);
    expect(links.get('t3')).toMatchObject({ parentId: 't1', source: 'quote' });
    expect(links.get('t3')!.confidence).toBeLessThan(links.get('t1')!.confidence);
  });

  it('does not link a repeat found in several earlier comments, or a short one', () => {
    const links = infer([
      { id: 'a', at: '2024-02-19 09:00', text: 'Probation officers are leaving the service in droves this year.' },
      { id: 'b', at: '2024-02-19 10:00', text: 'Probation officers are leaving the service in droves this year, again.' },
      { id: 'c', at: '2024-02-19 11:00', text: 'Probation officers are leaving the service in droves this year. Sad.' },
      { id: 'd', at: '2024-02-19 12:00', text: 'Leaving in droves. Again.' },
    ]);
    expect(links.get('c')?.source).toBe('blogger');
    expect(links.get('d')?.source).toBe('blogger');
  });
});

describe('inferReplies: names', () => {
  it('links a comment naming a signed name to the latest comment so signed', () => {
    const links = infer([
      { id: 'a', at: '2024-02-19 09:00', text: "Recalls are up.\n\n'Getafix" },
      { id: 'b', at: '2024-02-19 10:00', text: 'Something else.' },
      { id: 'c', at: '2024-02-19 11:00', text: "Extra two years is nonsense.\n'Getafix" },
      { id: 'd', at: '2024-02-19 12:00', text: 'In agreement with Getafix. What matters is staffing.' },
      { id: 'e', at: '2024-02-19 13:00', text: 'Pearly Gates is right about this.' },
    ]);
    expect(links.get('d')).toMatchObject({ parentId: 'c', source: 'name', evidence: 'Getafix' });
    expect(links.get('e')).toMatchObject({ parentId: null, source: 'blogger' }); // a name never signed
  });

  it('links a name signed in the post body to the post', () => {
    const links = infer(
      [{ id: 'a', at: '2024-02-19 09:00', text: "In agreement with Getafix's contention that clients fear recall." }],
      "A great contribution from regular reader 'Getafix:-\n\nStaff are leaving in droves.",
    );
    expect(links.get('a')).toMatchObject({ parentId: null, source: 'name', evidence: "Getafix's" });
  });

  it('treats the blog author’s names as the post', () => {
    const links = infer([
      { id: 'a', at: '2024-02-19 09:00', text: 'Thanks JB for this.' },
      { id: 'b', at: '2024-02-19 10:00', text: 'Jim is right, as usual.\n- JB' },
    ]);
    expect(links.get('a')).toMatchObject({ parentId: null, source: 'name', evidence: 'JB' });
    expect(links.get('b')).toMatchObject({ parentId: null, source: 'name', evidence: 'Jim' });
  });

  it('does not take a Blogger reply out of its thread on a name alone', () => {
    const links = infer([
      { id: 'a', at: '2024-02-19 09:00', text: "Recalls are up.\n'Getafix" },
      { id: 'b', at: '2024-02-19 10:00', text: 'Something else.' },
      { id: 'b1', parent: 'b', at: '2024-02-19 11:00', text: 'Getafix said this already.' },
    ]);
    expect(links.get('b1')).toMatchObject({ parentId: 'b', source: 'blogger' });
  });

  it('lets a stronger signal win over a name', () => {
    const links = infer([
      { id: 'a', at: '2024-02-19 09:00', text: "Recalls are up.\n'Getafix" },
      { id: 'b', at: '2024-02-19 10:15', text: 'Pay is down.' },
      { id: 'c', at: '2024-02-19 11:00', text: 'Getafix and @10:15 both make good points.' },
    ]);
    expect(links.get('c')).toMatchObject({ parentId: 'b', source: 'time' });
  });
});

describe('inferReplies: invariants', () => {
  const specs: CommentSpec[] = [
    { id: 'a', at: '2024-02-19 09:00', text: "A.\n'Getafix" },
    { id: 'a1', parent: 'a', at: '2024-02-19 09:30', text: '@09:00 yes' },
    { id: 'r', at: '2024-02-19 09:45', text: '', removed: true },
    { id: 'b', at: '2024-02-19 10:00', text: '@09:45 what did they say? Getafix knows.' },
    { id: 'b1', parent: 'b', at: '2024-02-19 10:05', text: '@10:00 @09:30 @09:00' },
  ];

  it('returns one link for every comment, exactly once, in a tree without cycles', () => {
    const comments = makeComments(specs);
    const links = inferReplies({ comments, postBodyText: '' });
    expect([...links.keys()].sort()).toEqual(comments.map((c) => c.id).sort());
    const tree = threadedTree(comments, links);
    expect(tree.depthOf.size).toBe(comments.length);
  });

  it('lets a removed comment be a parent but gives it no evidence of its own', () => {
    const links = infer(specs);
    expect(links.get('b')).toMatchObject({ parentId: 'r', source: 'time' });
    expect(links.get('r')).toMatchObject({ parentId: null, source: 'blogger' });
  });

  it('is deterministic and ignores input object identity', () => {
    expect([...infer(specs)]).toEqual([...infer(specs)]);
  });
});

describe('inferRepliesInSlices', () => {
  it('gives the same links as inferReplies, yielding between slices', async () => {
    const specs: CommentSpec[] = Array.from({ length: 60 }, (_, i) => ({
      id: `c${i}`,
      at: `2024-02-19 ${String(8 + Math.floor(i / 6)).padStart(2, '0')}:${String((i % 6) * 9).padStart(2, '0')}`,
      text:
        i > 0 && i % 5 === 0
          ? `@${String(8 + Math.floor((i - 1) / 6)).padStart(2, '0')}:${String(((i - 1) % 6) * 9).padStart(2, '0')} agreed`
          : `Point number ${i}.`,
    }));
    let yields = 0;
    const sliced = await inferRepliesInSlices(
      { comments: makeComments(specs), postBodyText: '' },
      {
        sliceMs: 0,
        yieldToMain: async () => {
          yields += 1;
        },
      },
    );
    expect([...sliced]).toEqual([...infer(specs)]);
    expect(yields).toBeGreaterThan(5);
    expect(sliced.get('c5')).toMatchObject({ parentId: 'c4', source: 'time' });
  });
});
