import { describe, expect, it } from 'vitest';
import {
  AIMS,
  HOLDOUT_AIMS,
  HOLDOUT_LABELS_FILE,
  loadLabels,
  loadRecordPages,
  precisionOf,
  recallOf,
  scoreLabelledSet,
  sumScores,
  wrongPer100Of,
} from '../../../scripts/bench-threads';

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

describe('holdout set (labelled before the rules for issue #14 changed)', () => {
  const holdout = loadLabels(HOLDOUT_LABELS_FILE);

  it('labels every comment of its pages, none of which the tuning set labels', () => {
    const labelled = pages.filter((page) => holdout[page.name]);
    expect(labelled.length).toBeGreaterThanOrEqual(1);
    for (const page of labelled) {
      expect(labels[page.name]).toBeUndefined();
      expect(Object.keys(holdout[page.name]!).sort()).toEqual(page.comments.map((c) => c.id).sort());
    }
  });

  it(`moves at most ${HOLDOUT_AIMS.wrongMovesPer100} comment wrongly per 100 and finds ≥ ${HOLDOUT_AIMS.recall} of the explicit links`, () => {
    const total = sumScores(scoreLabelledSet(pages, holdout).map((r) => r.score));
    expect(wrongPer100Of(total)).toBeLessThanOrEqual(HOLDOUT_AIMS.wrongMovesPer100);
    expect(recallOf(total)).toBeGreaterThanOrEqual(HOLDOUT_AIMS.recall);
  });
});
