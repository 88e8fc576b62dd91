/**
 * `npx tsx scripts/bench/ab.ts <dirA> <dirB> [rounds] [fixture]`: two unpacked Chromium builds (and the bare page)
 * loaded in turn, round after round, so drift on a shared machine hits each alike; prints the main-thread medians.
 */
import { fixtureByName } from '../../tests/e2e/support/fixture-catalog';
import { launchContext, loadOnce } from './browser';

const [dirA, dirB, roundsText = '11', name = 'threaded-v2-640'] = process.argv.slice(2);
if (!dirA || !dirB) throw new Error('usage: ab.ts <dirA> <dirB> [rounds] [fixture]');
const fixture = fixtureByName(name);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const contexts = [await launchContext(dirA), await launchContext(dirB), await launchContext(null)];
const labels = ['A', 'B', 'bare'];
const samples: number[][] = [[], [], []];
for (const [index, { context }] of contexts.entries()) await loadOnce(context, fixture.url, index < 2 ? fixture.commentCount : null);
for (let round = 0; round < Number(roundsText); round += 1) {
  for (let turn = 0; turn < 3; turn += 1) {
    const index = (turn + round) % 3;
    const sample = await loadOnce(contexts[index]!.context, fixture.url, index < 2 ? fixture.commentCount : null);
    samples[index]!.push(sample.taskMs);
  }
}
const bare = median(samples[2]!);
for (const [index, label] of labels.entries()) {
  const ms = median(samples[index]!);
  console.log(
    `${label.padEnd(5)} ${ms.toFixed(1).padStart(7)} ms  ratio ${(ms / bare).toFixed(2)}  (${samples[index]!.map((v) => v.toFixed(0)).join(' ')})`,
  );
}
for (const { close } of contexts) await close();
