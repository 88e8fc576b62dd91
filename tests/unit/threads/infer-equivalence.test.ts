import { describe, expect, it } from 'vitest';
import { corpusOf, loadRecordPages, syntheticComments } from '../../../scripts/bench-threads';
import { InferenceMemo, inferReplies, inferRepliesInSlices } from '../../../src/threads/infer';
import type { InferenceInput } from '../../../src/threads/types';
import { inferReplies as referenceInferReplies } from './infer-reference';

const pages = loadRecordPages();
const corpus = corpusOf(pages);

/** Links as plain entries, so a difference shows which comment and which field. */
const entries = (input: InferenceInput) => [...inferReplies(input)];
const referenceEntries = (input: InferenceInput) => [...referenceInferReplies(input)];

describe('the faster inference gives the same links as the reference implementation', () => {
  it('has fixture pages to compare on', () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  for (const page of pages) {
    it(`on the fixture page ${page.name}`, () => {
      const input = { comments: page.comments, postBodyText: page.postBodyText };
      expect(entries(input)).toEqual(referenceEntries(input));
    });

    it(`on the first 200 comments of ${page.name}, then all of them (the two passes the page runs)`, () => {
      const first = { comments: page.comments.slice(0, 200), postBodyText: page.postBodyText };
      const all = { comments: page.comments, postBodyText: page.postBodyText };
      const memo = new InferenceMemo();
      expect([...inferReplies(first, memo)]).toEqual(referenceEntries(first));
      expect([...inferReplies(all, memo)]).toEqual(referenceEntries(all));
    });
  }

  for (const [count, seed] of [
    [2000, 7],
    [1500, 11],
  ] as const) {
    it(`on ${count} synthetic comments (seed ${seed})`, () => {
      const input = { comments: syntheticComments(count, corpus, seed), postBodyText: pages[0]?.postBodyText ?? '' };
      expect(entries(input)).toEqual(referenceEntries(input));
    });
  }

  it('in slices as in one go', async () => {
    const page = pages.at(-1)!;
    const input = { comments: page.comments, postBodyText: page.postBodyText };
    const sliced = await inferRepliesInSlices(input, { sliceMs: 0, yieldToMain: () => Promise.resolve() });
    expect([...sliced]).toEqual(referenceEntries(input));
  });
});
