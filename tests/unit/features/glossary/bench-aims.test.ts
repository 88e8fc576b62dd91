import { describe, expect, it } from 'vitest';
import { evaluate, loadLabelled } from '../../../../scripts/bench-glossary';
import { buildMatcher } from '../../../../src/features/glossary/matcher';
import { BUILT_IN_TERMS } from '../../../../src/features/glossary/terms';

describe('glossary accuracy on the labelled seed passages', () => {
  const evaluation = evaluate(loadLabelled(), buildMatcher(BUILT_IN_TERMS));

  it('reaches at least 0.98 precision and 0.95 recall (npm run bench:glossary prints the details)', () => {
    expect(evaluation.precision).toBeGreaterThanOrEqual(0.98);
    expect(evaluation.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('never marks a word the labels say must not be marked', () => {
    expect(evaluation.notMarkViolations).toEqual([]);
  });

  it('counts a mark with the wrong sense as a mistake', () => {
    const wrongSense = evaluate(
      [{ source: 'test', text: 'eight SIM cards', mark: [{ term: 'SIM', expansion: 'Structured Interventions Model' }], notMark: [] }],
      buildMatcher(BUILT_IN_TERMS),
    );
    expect(wrongSense.precision).toBe(0);
    expect(wrongSense.recall).toBe(0);
  });
});
