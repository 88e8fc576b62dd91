import { describe, expect, it } from 'vitest';
import {
  extractQuotes,
  isQuoteLongEnough,
  normalisedWords,
  openingSentenceWords,
  ownText,
  QuoteIndex,
  quoteQuery,
  textShingles,
  textShinglesOf,
} from '../../../src/threads/quote-index';
import { RankQuoteIndex } from '../../../src/threads/rank-quote-index';

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

describe('openingSentenceWords', () => {
  it('takes the first sentence with words, as splitting the trimmed text into sentences would', () => {
    const bySplit = (own: string): string[] | null => {
      const first =
        own
          .trim()
          .split(/(?<=[.!?])\s+|\n/u)
          .find((part) => part.trim() !== '') ?? '';
      const words = normalisedWords(first).slice(0, 30);
      return words.length >= 6 ? words : null;
    };
    for (const own of [
      '  \n\n  You CAN have a consecutive sentence to a life sentence. Then more words follow here.',
      '...  !  \n Nobody listens to the people on the front line\nsecond line of the comment',
      'Short. Then a sentence long enough to count as an echo of words!   ',
      'One long opening line without any full stop that goes on and on and on',
      '   ',
      '',
    ])
      expect(openingSentenceWords(own)).toEqual(bySplit(own));
  });
});

describe('textShinglesOf', () => {
  it('gives the shingles of the normalised words, for plain ASCII and other text', () => {
    for (const text of [
      "Don't  need, ANY prior-experience! It's `quoted' and 'rock 'n' roll' at 21:07",
      'Don’t need ANY prior experience: naïve café owners’ views, 2nd time',
      '  leading space and trailing punctuation...  ',
      'three short words',
      '',
    ])
      expect(textShinglesOf(text)).toEqual(textShingles(normalisedWords(text)));
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

describe('RankQuoteIndex', () => {
  it('finds the same ranks in the same order as QuoteIndex, with reposts and common shingles', () => {
    const words = ['staff', 'officers', 'probation', 'targets', 'nobody', 'listens', 'court', 'pension', 'recall', 'union'];
    let seed = 1;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    // 120 distinct texts from a small vocabulary, a third with one phrase, ten with one sentence: posted 400 times, so
    // most are reposted (reposts pass the same shingle array, as inference does), the phrase's shingles pass the
    // postings cap, and different texts with the sentence are found together, their reposts interleaved.
    const sentence = ['you', 'can', 'have', 'a', 'consecutive', 'sentence', 'to', 'a', 'life', 'sentence'];
    const texts = Array.from({ length: 120 }, (_, i) => {
      const own = Array.from({ length: 12 + Math.floor(next() * 20) }, () => words[Math.floor(next() * words.length)]!);
      if (i % 12 === 1) return [...sentence, ...own];
      return i % 3 === 0 ? ['the', 'pension', 'trap', 'means', 'so', 'many', ...own] : own;
    });
    const shingleArrays = texts.map((text) => textShingles(text));
    const posted = Array.from({ length: 400 }, () => Math.floor(next() * texts.length));
    const plain = new QuoteIndex<number>();
    const ranked = new RankQuoteIndex();
    let matched = 0;
    posted.forEach((text, rank) => {
      for (const query of [quoteQuery(texts[text]!.slice(2, 10)), quoteQuery(texts[text]!), quoteQuery(sentence)]) {
        const found = ranked.findQuery(query);
        expect(found).toEqual(plain.findQuery(query));
        matched += found.length;
      }
      plain.addShingles(rank, shingleArrays[text]!);
      ranked.addShingles(rank, shingleArrays[text]!);
    });
    expect(matched).toBeGreaterThan(posted.length);
    expect(new RankQuoteIndex().findQuery(quoteQuery(texts[0]!))).toEqual([]);
  });
});
