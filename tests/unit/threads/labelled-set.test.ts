import { describe, expect, it } from 'vitest';
import { AIMS, loadLabels, loadRecordPages, precisionOf, recallOf, scoreLabelledSet, sumScores } from '../../../scripts/bench-threads';

const pages = loadRecordPages();
const labels = loadLabels();

describe('labelled set of seed conversations', () => {
  it('labels every comment of at least the seed-based fixtures, pointing at comments of the same page', () => {
    const labelled = pages.filter((page) => labels[page.name]);
    expect(labelled.length).toBeGreaterThanOrEqual(4);
    for (const page of labelled) {
      const ids = new Set(page.comments.map((c) => c.id));
      const pageLabels = labels[page.name]!;
      expect(Object.keys(pageLabels).sort()).toEqual([...ids].sort());
      for (const label of Object.values(pageLabels)) {
        if (label.parent !== null) expect(ids.has(label.parent)).toBe(true);
        expect(label.reason.trim()).not.toBe('');
      }
    }
  });

  it(`infers links with precision ≥ ${AIMS.precision} and recall ≥ ${AIMS.recall} (what npm run bench:threads gates on)`, () => {
    const total = sumScores(scoreLabelledSet(pages, labels).map((r) => r.score));
    expect(total.evidenceLinks).toBeGreaterThan(10);
    expect(precisionOf(total)).toBeGreaterThanOrEqual(AIMS.precision);
    expect(recallOf(total)).toBeGreaterThanOrEqual(AIMS.recall);
  });
});
