import { describe, expect, it } from 'vitest';
import { inferReplies } from '../../../src/threads/infer';
import { wordsNeededWhenShared } from '../../../src/threads/quote-index';
import { makeComments, type CommentSpec } from './make-comments';

const infer = (specs: CommentSpec[], postBodyText = '') => inferReplies({ comments: makeComments(specs), postBodyText });

describe('inferReplies: times that are mentioned, not addressed', () => {
  const earlier: CommentSpec[] = [
    { id: 'a', at: '2024-02-19 08:45', text: 'Morning all.' },
    { id: 'b', at: '2024-02-19 10:30', text: 'Another comment.' },
    { id: 'c', at: '2024-02-19 17:00', text: 'Evening.' },
    { id: 'd', at: '2024-02-19 17:30', text: 'Late one.' },
    { id: 'e', at: '2024-02-19 07:45', text: 'Early one.' },
  ];

  it.each([
    'The reporting centre opens at 8.45 and nobody answers the phone before ten.',
    'Reports are due by 17.00 whatever the caseload.',
    'The train at 7.45 was cancelled again.',
    'I left at 17:30 and was back at 8.',
  ])('leaves %j where Blogger put it, though an earlier comment shows that time', (text) => {
    const link = infer([...earlier, { id: 'x', at: '2024-02-20 09:00', text }]).get('x')!;
    expect(link).toMatchObject({ parentId: null, source: 'blogger' });
    expect(link.considered?.[0]?.rejected).toMatch(/a time in what is said/);
  });

  it('leaves a range alone', () => {
    const link = infer([...earlier, { id: 'x', at: '2024-02-20 09:00', text: 'I was stuck in court from 10.30 until lunch.' }]).get('x')!;
    expect(link).toMatchObject({ parentId: null, source: 'blogger' });
  });

  it.each([
    ['8.45 - spot on', 'a'],
    ['Well done 10:30, well said', 'b'],
    ['Good luck 17:00, I retired too', 'c'],
    ['to 17:30: no, it was worse', 'd'],
    ['the poster at 7.45 is right', 'e'],
    ['Anonymous 19 Feb at 17:30 has it', 'd'],
  ])('still links %j', (text, parent) => {
    expect(infer([...earlier, { id: 'x', at: '2024-02-20 09:00', text }]).get('x')).toMatchObject({ parentId: parent, source: 'time' });
  });
});

describe('inferReplies: quotes that are common words', () => {
  it('needs more words the more comments share them', () => {
    expect(wordsNeededWhenShared(1, 0)).toBe(0);
    expect(wordsNeededWhenShared(1, 1)).toBe(5);
    expect(wordsNeededWhenShared(2, 0)).toBe(7);
    expect(wordsNeededWhenShared(3, 1)).toBe(9);
  });

  it('does not link a title several comments use', () => {
    const links = infer([
      { id: 'a', at: '2024-02-19 09:00', text: 'Transforming Rehabilitation was a disaster from day one, we all said so.' },
      { id: 'b', at: '2024-02-19 10:00', text: 'Before Transforming Rehabilitation was a disaster we had a service.' },
      { id: 'c', at: '2024-02-19 11:00', text: 'I still say "Transforming Rehabilitation was a disaster" whenever asked.' },
    ]);
    expect(links.get('c')).toMatchObject({ parentId: null, source: 'blogger' });
    expect(links.get('c')!.considered?.[0]?.rejected).toMatch(/other comments carry/);
  });

  it('does not link a slogan that one comment pasted and another already quoted', () => {
    const links = infer([
      { id: 'pm', at: '2024-02-19 09:00', text: "Here are the PM's own words: we are cutting crime. Violent crime down 46%. Safer streets." },
      { id: 'q', at: '2024-02-19 10:00', text: 'He says "Violent crime down 46%" and expects us to believe it.' },
      { id: 'x', at: '2024-02-19 11:00', text: 'rishi says "Violent crime down 46%"\n\nBULL.' },
    ]);
    expect(links.get('q')).toMatchObject({ parentId: 'pm', source: 'quote' });
    expect(links.get('x')).toMatchObject({ parentId: null, source: 'blogger' });
  });

  it('does not link two comments that quote the same outside source', () => {
    const links = infer([
      {
        id: 'a',
        at: '2024-02-19 09:00',
        text: 'From the Guardian: "The Ministry of Justice has issued revised guidance for its home detention curfew scheme" and we are simplifying the HDC process, reducing the number of forms used.',
      },
      {
        id: 'b',
        at: '2024-02-19 10:00',
        text: 'BBC: "The Ministry of Justice has issued revised guidance for its home detention curfew scheme"\n"we are simplifying the HDC process, reducing the number of forms used"',
      },
    ]);
    expect(links.get('b')).toMatchObject({ parentId: null, source: 'blogger' });
    expect(links.get('b')!.considered?.some((c) => c.rejected === 'both quote the same outside source')).toBe(true);
  });

  it('does not link a comment posted again to its first copy', () => {
    const text = 'Some interesting articles from The Conversation about why prisons fail.';
    const links = infer([
      { id: 'a', at: '2024-02-19 09:00', text },
      { id: 'b', at: '2024-02-19 10:00', text: 'Unrelated.' },
      { id: 'c', at: '2024-02-20 10:00', text },
    ]);
    expect(links.get('c')).toMatchObject({ parentId: null, source: 'blogger' });
  });

  it('does not link words that are also in the post', () => {
    const post = 'The unified model will bring probation back together under one roof by June.';
    const links = infer(
      [
        { id: 'a', at: '2024-02-19 09:00', text: 'The unified model will bring probation back together, they say.' },
        { id: 'b', at: '2024-02-19 10:00', text: '"The unified model will bring probation back together" - pull the other one.' },
      ],
      post,
    );
    expect(links.get('b')).toMatchObject({ parentId: null, source: 'blogger' });
  });

  it('with two earlier comments sharing the words, prefers the one that wrote them over the one that quoted them', () => {
    const links = infer([
      { id: 'w', at: '2024-02-19 09:00', text: 'I had repeatedly asked for a role assisting and supporting new staff with my 23 years experience.' },
      { id: 'q', at: '2024-02-19 10:00', text: '“I had repeatedly asked for a role assisting and supporting new staff” sounds entitled.' },
      { id: 'x', at: '2024-02-19 11:00', text: '"I had repeatedly asked for a role assisting and supporting new staff" - me too.' },
    ]);
    expect(links.get('x')).toMatchObject({ parentId: 'w', source: 'quote' });
  });

  it('ignores a name inside a quoted passage', () => {
    const links = infer([
      { id: 'g', at: '2024-02-19 09:00', text: "Staffing is the issue.\n\n'Getafix" },
      { id: 'x', at: '2024-02-19 10:00', text: '"Getafix and friends were right all along" says the paper.' },
    ]);
    expect(links.get('x')).toMatchObject({ parentId: null, source: 'blogger' });
  });
});

describe('inferReplies: explanations', () => {
  it('lists the evidence taken first and the rest with why they were turned down', () => {
    const links = infer([
      { id: 'a', at: '2024-02-19 08:45', text: 'Morning all.' },
      { id: 'b', at: '2024-02-19 21:07', text: 'I am retiring early this week.' },
      { id: 'x', at: '2024-02-20 09:00', text: '@21:07 good luck. I left at 8.45 on my last day.' },
    ]);
    expect(links.get('x')!.considered).toEqual([
      { parentId: 'b', source: 'time', evidence: '@21:07', confidence: 0.95 },
      { parentId: 'a', source: 'time', evidence: 'at 8.45', confidence: 0.85, rejected: 'a time in what is said, not a handle (follows "at")' },
    ]);
  });
});
