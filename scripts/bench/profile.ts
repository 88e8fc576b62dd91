/**
 * `npx tsx scripts/bench/profile.ts [fixture]`: a sampled CPU profile of one load with Threadline, self time by
 * function, file and (with a `--dev` build's source maps: `npx tsx scripts/build.ts --dev --target=chrome`) source folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureByName } from '../../tests/e2e/support/fixture-catalog';
import { CHROME_DIST } from '../../tests/e2e/support/launch';
import { launchContext, serveSynthetic } from './browser';
import { benchPostNamed } from './bench-post';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

/** A fixture's name, or `synthetic-<N>` for a synthetic post of N comments (as the bench's). `TYPE=<word>`: profile typing it into the filter instead of the load. */
const name = process.argv[2] ?? 'threaded-v2-640';
const named = benchPostNamed(name);
const generated = named?.post ?? null;
const fixture = generated ? null : fixtureByName(name);
const url = generated?.url ?? fixture!.url;
const total = generated ? named!.total : fixture!.commentCount;
const { context, close } = await launchContext(CHROME_DIST);
if (generated) await serveSynthetic(context, generated);
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await page.goto('about:blank');
const typed = process.env.TYPE;
if (!typed) await cdp.send('Profiler.start');
await page.goto(url);
await page.waitForFunction(
  (count) => {
    const scope = document.querySelector('[data-thread-root]')?.shadowRoot;
    if (!scope || scope.querySelector('[data-thread-feed="loading"]')) return false;
    return scope.querySelectorAll('[data-thread-comment], [data-thread-standin]').length >= count;
  },
  total,
  { timeout: 300_000, polling: 50 },
);
console.log(`complete at ${Math.round(await page.evaluate(() => performance.now()))} ms (page clock)`);
await page.waitForTimeout(1500);
if (typed) {
  await page.locator('.toolbar [data-thread-action="filter"]').click();
  await page.waitForTimeout(1000);
  await cdp.send('Profiler.start');
  await page.locator('input[data-thread-filter="text"]').pressSequentially(typed, { delay: 60 });
  await page.waitForTimeout(2000);
}
const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
const selfMs = new Map<number, number>();
profile.samples.forEach((id, index) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000));
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
const bySource = new Map<string, number>();
type Consumer = { originalPositionFor(position: { line: number; column: number }): { source: string | null } };
const consumers = new Map<string, Consumer | null>();
// source-map-js comes with the build tools (vite); the folder view is skipped where it is missing.
const sourceMaps = await import('source-map-js').catch(() => null);
const sourceOf = (file: string, line: number, column: number): string | null => {
  if (!sourceMaps) return null;
  if (!consumers.has(file)) {
    const map = join(CHROME_DIST, `${file}.map`);
    consumers.set(file, existsSync(map) ? (new sourceMaps.SourceMapConsumer(JSON.parse(readFileSync(map, 'utf8'))) as unknown as Consumer) : null);
  }
  const source = consumers.get(file)?.originalPositionFor({ line: line + 1, column }).source;
  return source
    ? source
        .replace(/^(\.\.\/)+/, '')
        .replace(/^node_modules\/([^/]+)\/.*$/, '$1')
        .replace(process.env.BY_FILE ? /$^/ : /\/[^/]+$/, '')
    : null;
};
for (const node of profile.nodes) {
  const ms = selfMs.get(node.id) ?? 0;
  if (ms === 0) continue;
  const file = node.callFrame.url.replace(/^.*\//, '') || `(${node.callFrame.functionName || 'native'})`;
  if (file === '(idle)' || file === '(program)') continue;
  const key = `${node.callFrame.functionName || '(anonymous)'} ${sourceOf(file, node.callFrame.lineNumber, node.callFrame.columnNumber) ?? `${file}:${node.callFrame.lineNumber + 1}`}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  byFile.set(file, (byFile.get(file) ?? 0) + ms);
  const source = sourceOf(file, node.callFrame.lineNumber, node.callFrame.columnNumber) ?? `(${file})`;
  bySource.set(source, (bySource.get(source) ?? 0) + ms);
}
const top = (map: Map<string, number>, n: number) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([key, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${key}`)
    .join('\n');
// The longest stretch of samples without an idle one: roughly the longest task (tasks back to back merge).
const idleIds = new Set(profile.nodes.filter((node) => node.callFrame.functionName === '(idle)').map((node) => node.id));
const nodeById = new Map(profile.nodes.map((node) => [node.id, node]));
let best = { start: 0, end: 0, ms: 0 };
for (let index = 0, start = 0, ms = 0; index < profile.samples.length; index += 1) {
  if (idleIds.has(profile.samples[index]!)) {
    start = index + 1;
    ms = 0;
    continue;
  }
  ms += (profile.timeDeltas[index] ?? 0) / 1000;
  if (ms > best.ms) best = { start, end: index + 1, ms };
}
const inStretch = new Map<string, number>();
for (let index = best.start; index < best.end; index += 1) {
  const node = nodeById.get(profile.samples[index]!)!;
  const file = node.callFrame.url.replace(/^.*\//, '');
  const where = (file && sourceOf(file, node.callFrame.lineNumber, node.callFrame.columnNumber)) || file || 'native';
  const key = `${node.callFrame.functionName || '(anonymous)'} ${where}`;
  inStretch.set(key, (inStretch.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
}
// STRETCHES=1: every busy stretch of 3 ms or more, in order, with the sources it spent most in (the load's phases);
// STRETCHES=fn: by function instead, the top eight.
if (process.env.STRETCHES) {
  let clock = 0;
  let stretch: { at: number; ms: number; by: Map<string, number> } | null = null;
  const report = () => {
    if (!stretch || stretch.ms < 3) return;
    const parts = [...stretch.by.entries()].sort((a, b) => b[1] - a[1]).slice(0, process.env.STRETCHES === 'fn' ? 8 : 4);
    console.log(
      `${stretch.at.toFixed(0).padStart(7)} ms  ${stretch.ms.toFixed(1).padStart(6)} ms  ${parts.map(([key, ms]) => `${key} ${ms.toFixed(1)}`).join(', ')}`,
    );
  };
  profile.samples.forEach((id, index) => {
    const delta = (profile.timeDeltas[index] ?? 0) / 1000;
    clock += delta;
    if (idleIds.has(id)) {
      report();
      stretch = null;
      return;
    }
    stretch ??= { at: clock, ms: 0, by: new Map() };
    stretch.ms += delta;
    const node = nodeById.get(id)!;
    const file = node.callFrame.url.replace(/^.*\//, '');
    const source = (file && sourceOf(file, node.callFrame.lineNumber, node.callFrame.columnNumber)) || null;
    const where =
      process.env.STRETCHES === 'fn'
        ? `${node.callFrame.functionName || '(anonymous)'}@${source ?? file ?? 'native'}`
        : (source ?? (node.callFrame.functionName || 'native'));
    stretch.by.set(where, (stretch.by.get(where) ?? 0) + delta);
  });
  report();
}
console.log(`longest busy stretch: ${best.ms.toFixed(1)} ms\n${top(inStretch, 25)}\n`);
console.log(`${name}: self time by file\n${top(byFile, 12)}\n\nby source folder\n${top(bySource, 25)}\n\nby function\n${top(byFunction, 40)}`);
await close();
