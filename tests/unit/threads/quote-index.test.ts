import { describe, expect, it } from 'vitest';
import { extractQuotes, isQuoteLongEnough, normalisedWords, ownText, QuoteIndex } from '../../../src/threads/quote-index';

describe('extractQuotes', () => {
  it('finds straight, curly double and curly single quotes', () => {
    const text = 'He said "the focus has been on targets" and “nobody listens to staff” and ‘don’t need any experience’ ok';
    expect(extractQuotes(text).map((q) => q.text)).toEqual(['the focus has been on targets', 'nobody listens to staff', 'don’t need any experience']);
  });

  it('finds >-prefixed lines and an opening quote that is never closed', () => {
    const text = '> the pension trap means so many are past their best\nNonsense.\n“I had repeatedly asked for a role assisting';
    expect(extractQuotes(text).map((q) => q.text)).toEqual([
      'the pension trap means so many are past their best',
      'I had repeatedly asked for a role assisting',
    ]);
  });

  it('does not mistake apostrophes for quotes', () => {
    expect(extractQuotes("It's what they don't say that matters, isn't it")).toEqual([]);
  });

  it('leaves the comment’s own words when quotes are removed', () => {
    const text = '“quoted words here” my reply';
    expect(ownText(text, extractQuotes(text)).trim()).toBe('my reply');
  });
});

describe('normalisedWords and quote length', () => {
  it('ignores case, punctuation, apostrophes and spacing', () => {
    expect(normalisedWords('Don’t  need, ANY prior-experience!')).toEqual(['dont', 'need', 'any', 'prior', 'experience']);
  });

  it('needs five words, or four carrying at least 16 letters', () => {
    expect(isQuoteLongEnough(normalisedWords('anyone will do'))).toBe(false);
    expect(isQuoteLongEnough(normalisedWords('no degree no problem'))).toBe(true);
    expect(isQuoteLongEnough(normalisedWords('it is what it'))).toBe(false);
    expect(isQuoteLongEnough(normalisedWords('it is what it is'))).toBe(true);
  });
});

describe('QuoteIndex', () => {
  it('finds the earlier texts that contain a quote despite case and punctuation changes', () => {
    const index = new QuoteIndex<string>();
    index.add('a', 'The shocking thing I see is these experienced officers bullying new staff.');
    index.add('b', 'Something else entirely about pensions and retirement plans.');
    expect(index.find(normalisedWords('experienced Officers, bullying new staff'))).toEqual(['a']);
    expect(index.find(normalisedWords('bullying new staff instead of helping them'))).toEqual([]);
  });

  it('tolerates a small edit in a long quote', () => {
    const index = new QuoteIndex<number>();
    index.add(1, 'there was a thin line of experienced staff who might have hung on in if the offer had been tailored');
    expect(index.find(normalisedWords('there was a thin line of experienced staff who might of hung on in if the offer had been tailored'))).toEqual([
      1,
    ]);
  });
});
