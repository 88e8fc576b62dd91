/**
 * `npx tsx scripts/bench/ab.ts <dirA> <dirB> [rounds] [fixture]`: two unpacked Chromium builds (and the bare page)
 * loaded in turn, round after round, so drift on a shared machine hits each alike; prints the main-thread medians
 * and the JS heap after a forced GC above the bare page's. `fixture`: a fixture's name or `synthetic-<N>`.
 */
import { fixtureByName } from '../../tests/e2e/support/fixture-catalog';
import { launchContext, loadOnce, serveSynthetic } from './browser';
import { benchPostNamed } from './bench-post';

const [dirA, dirB, roundsText = '11', name = 'threaded-v2-640'] = process.argv.slice(2);
if (!dirA || !dirB) throw new Error('usage: ab.ts <dirA> <dirB> [rounds] [fixture]');
/** A fixture's name, or `synthetic-<N>` for a synthetic post of N comments (as the bench's). */
const named = benchPostNamed(name);
const generated = named?.post ?? null;
const fixture = generated ? { url: generated.url, commentCount: named!.total } : fixtureByName(name);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const contexts = [await launchContext(dirA), await launchContext(dirB), await launchContext(null)];
if (generated) for (const { context } of contexts) await serveSynthetic(context, generated);
const labels = ['A', 'B', 'bare'];
const samples: number[][] = [[], [], []];
const heaps: number[][] = [[], [], []];
for (const [index, { context }] of contexts.entries()) await loadOnce(context, fixture.url, index < 2 ? fixture.commentCount : null);
for (let round = 0; round < Number(roundsText); round += 1) {
  for (let turn = 0; turn < 3; turn += 1) {
    const index = (turn + round) % 3;
    const sample = await loadOnce(contexts[index]!.context, fixture.url, index < 2 ? fixture.commentCount : null);
    samples[index]!.push(sample.taskMs);
    heaps[index]!.push(sample.heapUsedBytes / 2 ** 20);
  }
}
const bare = median(samples[2]!);
for (const [index, label] of labels.entries()) {
  const ms = median(samples[index]!);
  const heap = median(heaps[index]!) - median(heaps[2]!);
  console.log(
    `${label.padEnd(5)} ${ms.toFixed(1).padStart(7)} ms  ratio ${(ms / bare).toFixed(2)}  heap +${heap.toFixed(2)} MB  (${samples[index]!.map((v) => v.toFixed(0)).join(' ')})`,
  );
}
for (const { close } of contexts) await close();
