/** `npx tsx scripts/bench/inference.ts`: reply inference against the all-pairs baseline (and the pre-issue-16 version) on 2,000 and 10,000 synthetic comments. */
import { performance } from 'node:perf_hooks';
import { inferReplies } from '../../src/threads/infer';
import type { InferenceComment } from '../../src/threads/types';
import { inferReplies as referenceInferReplies } from '../../tests/unit/threads/infer-reference';
import { corpusOf, loadRecordPages, syntheticComments } from '../bench-threads';
import { naiveInference } from './algorithms';

const ROUNDS = Number(process.env.ROUNDS ?? 7);

/** Best of ROUNDS for each function, the functions run in turn within each round so load hits all of them alike. */
function bestOf(fns: Record<string, () => unknown>): Record<string, number> {
  const best: Record<string, number> = {};
  for (const name of Object.keys(fns)) best[name] = Infinity;
  for (let round = 0; round < ROUNDS; round += 1)
    for (const [name, fn] of Object.entries(fns)) {
      const start = performance.now();
      fn();
      best[name] = Math.min(best[name]!, performance.now() - start);
    }
  return best;
}

const corpus = corpusOf(loadRecordPages());
const small = syntheticComments(2000, corpus);
const large = syntheticComments(10_000, corpus);
const ours = (comments: InferenceComment[]) => () => inferReplies({ comments, postBodyText: '' });
const old = (comments: InferenceComment[]) => () => referenceInferReplies({ comments, postBodyText: '' });
bestOf({ warm: ours(small.slice(0, 300)), warmOld: old(small.slice(0, 300)), warmNaive: () => naiveInference(small.slice(0, 300)) });

const at2k = bestOf({ ours: ours(small), old: old(small), naive: () => naiveInference(small) });
console.log(
  `2,000 comments, best of ${ROUNDS}: ours ${at2k.ours!.toFixed(1)} ms, pre-issue-16 ${at2k.old!.toFixed(1)} ms, all-pairs ${at2k.naive!.toFixed(1)} ms → ${(at2k.naive! / at2k.ours!).toFixed(2)}x the baseline's speed (was ${(at2k.naive! / at2k.old!).toFixed(2)}x), ${(at2k.old! / at2k.ours!).toFixed(2)}x faster than before`,
);
const at10k = bestOf({ ours: ours(large), old: old(large) });
console.log(
  `10,000 comments, best of ${ROUNDS}: ours ${at10k.ours!.toFixed(1)} ms (${(at10k.ours! / at2k.ours!).toFixed(2)} × the 2,000 time; linear = 5), pre-issue-16 ${at10k.old!.toFixed(1)} ms (${(at10k.old! / at2k.old!).toFixed(2)} ×)`,
);
