/**
 * `npm run bench`: one run, one report: where the main-thread time goes (CDP trace), overhead, long tasks, scale,
 * algorithms vs naive, bundle sizes, Firefox's 640 ratio, chunks against folded chunks → bench/results.json and
 * bench/README-performance.md (the README links there; nothing rewrites it).
 * `-- --chunks` runs only the chunk comparison, `-- --post-lists` only the post-list badges, `-- --attribution` only the trace attribution (and Firefox's ratio),
 * `-- --long-tasks` only the long tasks of every post size; each updates its part of both files. `-- --busy` runs
 * whatever is asked with a CPU-bound process beside it (the margin on a busy machine); `-- --no-firefox` skips
 * Firefox, `-- --no-chunks` the chunk comparison (the last one stays in the record).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, type as osType, release } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureAlgorithms, measureBackgroundAnalysis, type AlgorithmResult, type BackgroundAnalysisCost } from './bench/algorithms';
import { measureFeedSanitizing } from './bench/feed-sanitize';
import {
  bareLongestTask,
  interactionLongTasks,
  launchBoth,
  loadOnce,
  serveSynthetic,
  tracedLoad,
  type InteractionTasks,
  type LoadSample,
} from './bench/browser';
import { startBusy } from './bench/busy';
import { firefoxOverhead, type FirefoxOverhead } from './bench/firefox';
import { WORK_KINDS, type Attribution } from './bench/trace';
import { buildTarget } from './build';
import { measureBundles, type BundleReport } from './bench/bundles';
import { chunkReport, compareChunks, type ChunkComparison } from './bench/chunks';
import { benchPost } from './bench/bench-post';
import { measurePostListBadges, type PostListBenchResult } from './bench/post-list';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const AIMS = {
  overheadRatio640: 2.0,
  perCommentRatio640: 0.7,
  longTaskMs: 50,
  complete10kMs: 8000,
  inferenceSpeedup2k: 3,
  contentMinifiedKB: 80,
} as const;
/** Loads per traced page and variant; the one with the median main-thread total is kept. */
const TRACE_LOADS = Number(process.env.BENCH_TRACE_LOADS ?? 5);
const FIREFOX_LOADS = Number(process.env.BENCH_FIREFOX_LOADS ?? 3);
const LONG_TASK_SIZES = [200, 640, 2000, 10_000];
const flag = (name: string): boolean => process.argv.includes(`--${name}`);
const LOADS = Number(process.env.BENCH_LOADS ?? 5);
const SCALE_SIZES = [200, 2000, 10_000];
/** Rounds of the chunk comparison (each: both pages with every variant). */
const CHUNK_ROUNDS = Number(process.env.BENCH_CHUNK_ROUNDS ?? 9);

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const round = (value: number, digits = 1): number => Number(value.toFixed(digits));
const kb = (bytes: number): number => round(bytes / 1024, 1);

interface OverheadRow {
  page: string;
  comments: number;
  loads: number;
  withTaskMs: number;
  withoutTaskMs: number;
  ratio: number;
  /** Comments the bare page shows (Blogger stops at about 200; Threadline shows them all). */
  onPage: number;
  /** The ratio per comment shown: (with / comments) / (without / onPage). */
  perCommentRatio: number;
  withScriptMs: number;
  withoutScriptMs: number;
  readyMs: number;
  completeMs: number;
  longestTaskMs: number;
}

interface ScaleRow {
  comments: number;
  onPage: number;
  readyMs: number;
  completeMs: number;
  rendered: number;
  heapMB: number;
  baselineHeapMB: number;
  threadlineHeapMB: number;
  longestTaskMs: number;
}

interface FixtureEntry {
  name: string;
  url: string;
  commentCount: number;
  onPage?: number;
}

function fixture(name: string): FixtureEntry {
  const index = JSON.parse(readFileSync(join(root, 'tests/fixtures/index.json'), 'utf8')) as { pages: FixtureEntry[] };
  const page = index.pages.find((entry) => entry.name === name);
  if (!page) throw new Error(`no fixture ${name}`);
  return page;
}

const fixtureUrl = (name: string): string => fixture(name).url;

async function overhead(browsers: Awaited<ReturnType<typeof launchBoth>>, name: string, comments: number): Promise<OverheadRow> {
  const { url, onPage = comments } = fixture(name);
  await loadOnce(browsers.withExtension, url, comments); // warm caches (code cache, fixture reads) in both before measuring
  await loadOnce(browsers.without, url, null);
  const withSamples: LoadSample[] = [];
  const withoutSamples: LoadSample[] = [];
  for (let i = 0; i < LOADS; i++) {
    withSamples.push(await loadOnce(browsers.withExtension, url, comments));
    withoutSamples.push(await loadOnce(browsers.without, url, null));
  }
  const withTask = median(withSamples.map((s) => s.taskMs));
  const withoutTask = median(withoutSamples.map((s) => s.taskMs));
  return {
    page: name,
    comments,
    loads: LOADS,
    withTaskMs: round(withTask),
    withoutTaskMs: round(withoutTask),
    ratio: round(withTask / withoutTask, 2),
    onPage,
    perCommentRatio: round(withTask / comments / (withoutTask / onPage), 2),
    withScriptMs: round(median(withSamples.map((s) => s.scriptMs))),
    withoutScriptMs: round(median(withoutSamples.map((s) => s.scriptMs))),
    readyMs: round(median(withSamples.map((s) => s.readyMs ?? Number.NaN))),
    completeMs: round(median(withSamples.map((s) => s.completeMs ?? Number.NaN))),
    longestTaskMs: round(Math.max(...withSamples.map((s) => s.longestTaskMs))),
  };
}

/** Pages the attribution and long tasks run on: the two real fixtures, synthetic posts for the larger sizes. */
interface BenchPage {
  label: string;
  comments: number;
  url: string;
  /** Serves a synthetic post in both contexts; resolves with the function that stops serving it. */
  serve?: (browsers: Awaited<ReturnType<typeof launchBoth>>) => Promise<() => Promise<void>>;
}

function benchPage(comments: number): BenchPage {
  if (comments === 200 || comments === 640) {
    const name = `threaded-v2-${comments}`;
    return { label: name, comments, url: fixtureUrl(name) };
  }
  const post = benchPost(comments);
  return {
    label: `synthetic-${comments}`,
    comments,
    url: post.url,
    async serve(browsers) {
      const stops = [await serveSynthetic(browsers.withExtension, post), await serveSynthetic(browsers.without, post)];
      return async () => {
        for (const stop of stops) await stop();
      };
    },
  };
}

interface AttributionRow extends Attribution {
  page: string;
  comments: number;
  variant: 'bare page' | 'Threadline';
  loads: number;
}

/** Traced loads of each page, bare and with Threadline; per page and variant, the load with the median total. */
async function attribution(browsers: Awaited<ReturnType<typeof launchBoth>>, sizes: number[]): Promise<AttributionRow[]> {
  const rows: AttributionRow[] = [];
  for (const comments of sizes) {
    const page = benchPage(comments);
    const stop = page.serve ? await page.serve(browsers) : null;
    try {
      const loads = comments >= 10_000 ? 1 : TRACE_LOADS;
      await loadOnce(browsers.withExtension, page.url, comments); // warm caches in both
      await loadOnce(browsers.without, page.url, null);
      const bare: Attribution[] = [];
      const with_: Attribution[] = [];
      for (let i = 0; i < loads; i++) {
        bare.push(await tracedLoad(browsers.without, page.url, null));
        with_.push(await tracedLoad(browsers.withExtension, page.url, comments));
      }
      const middle = (list: Attribution[]) => [...list].sort((a, b) => a.totalMs - b.totalMs)[Math.floor(list.length / 2)] as Attribution;
      rows.push({ page: page.label, comments, variant: 'bare page', loads, ...middle(bare) });
      rows.push({ page: page.label, comments, variant: 'Threadline', loads, ...middle(with_) });
      const [b, w] = [rows.at(-2)!, rows.at(-1)!];
      console.log(`  ${page.label}: bare ${b.totalMs} ms, with Threadline ${w.totalMs} ms (${round(w.totalMs / b.totalMs, 2)}x)`);
    } finally {
      await stop?.();
    }
  }
  return rows;
}

/** The three biggest kinds of work Threadline adds on a page (with minus bare), largest first. */
function biggestCosts(rows: AttributionRow[], page: string): Array<{ kind: string; addedMs: number }> {
  const bare = rows.find((r) => r.page === page && r.variant === 'bare page');
  const with_ = rows.find((r) => r.page === page && r.variant === 'Threadline');
  if (!bare || !with_) return [];
  return WORK_KINDS.map((kind) => ({ kind, addedMs: round(with_.byKind[kind] - bare.byKind[kind]) }))
    .sort((a, b) => b.addedMs - a.addedMs)
    .slice(0, 3);
}

function attributionTable(rows: AttributionRow[]): string {
  return table(
    [
      'page',
      'variant',
      'main thread ms',
      ...WORK_KINDS.map((kind) => `${kind} ms`),
      'style recalcs (forced)',
      'layouts (forced)',
      'DOM nodes',
      'Threadline elements',
      'JS listeners',
      'tasks ≥ 50 ms wall (CPU)',
      'longest task ms wall (CPU; biggest part)',
    ],
    rows.map((r) => {
      const part = WORK_KINDS.map((kind) => [kind, r.longestTaskByKind[kind]] as const).sort((a, b) => b[1] - a[1])[0]!;
      return [
        r.page,
        r.variant,
        r.totalMs,
        ...WORK_KINDS.map((kind) => r.byKind[kind]),
        `${r.styleRecalcs} (${r.forcedStyleRecalcs})`,
        `${r.layouts} (${r.forcedLayouts})`,
        r.domNodes,
        r.threadlineElements,
        r.jsEventListeners,
        `${r.longTasks} (${r.longTasksCpu})`,
        `${r.longestTaskMs} (${r.longestTaskCpuMs}; ${part[0]} ${part[1]})`,
      ];
    }),
  );
}

interface LongTaskRow extends InteractionTasks {
  page: string;
  comments: number;
  /** The same page's longest task without Threadline, navigation to settled (its own first layout). */
  bareLoad?: number;
}

/** Longest task while restructuring, filtering, collapsing and expanding, on every post size. */
async function longTasksAll(browsers: Awaited<ReturnType<typeof launchBoth>>): Promise<LongTaskRow[]> {
  const rows: LongTaskRow[] = [];
  for (const comments of LONG_TASK_SIZES) {
    const page = benchPage(comments);
    const stop = page.serve ? await page.serve(browsers) : null;
    try {
      const tasks = await interactionLongTasks(browsers.withExtension, page.url, comments, 'probation');
      rows.push({ page: page.label, comments, ...tasks, bareLoad: await bareLongestTask(browsers.without, page.url) });
      const r = rows.at(-1)!;
      console.log(`  ${page.label}: restructuring ${r.restructuring}, filter ${r.filter}, collapse ${r.collapseAll}, expand ${r.expandAll} ms`);
    } finally {
      await stop?.();
    }
  }
  return rows;
}

async function scale(browsers: Awaited<ReturnType<typeof launchBoth>>): Promise<ScaleRow[]> {
  const rows: ScaleRow[] = [];
  for (const total of SCALE_SIZES) {
    const post = benchPost(total);
    const stopWith = await serveSynthetic(browsers.withExtension, post);
    const stopWithout = await serveSynthetic(browsers.without, post);
    const runs = total >= 10_000 ? 1 : 3;
    const samples: LoadSample[] = [];
    const baselines: LoadSample[] = [];
    for (let i = 0; i < runs; i++) {
      samples.push(await loadOnce(browsers.withExtension, post.url, total));
      baselines.push(await loadOnce(browsers.without, post.url, null));
    }
    await stopWith();
    await stopWithout();
    const heap = median(samples.map((s) => s.heapUsedBytes));
    const baseHeap = median(baselines.map((s) => s.heapUsedBytes));
    rows.push({
      comments: total,
      onPage: post.comments.filter((c) => c.onPage).length,
      readyMs: round(median(samples.map((s) => s.readyMs ?? Number.NaN))),
      completeMs: round(median(samples.map((s) => s.completeMs ?? Number.NaN))),
      rendered: Math.min(...samples.map((s) => s.comments)),
      heapMB: round(heap / 2 ** 20, 2),
      baselineHeapMB: round(baseHeap / 2 ** 20, 2),
      threadlineHeapMB: round((heap - baseHeap) / 2 ** 20, 2),
      longestTaskMs: round(Math.max(...samples.map((s) => s.longestTaskMs))),
    });
    console.log(`  scale ${total}: complete ${rows.at(-1)!.completeMs} ms, Threadline heap ${rows.at(-1)!.threadlineHeapMB} MB`);
  }
  return rows;
}

function table(headers: string[], rows: Array<Array<string | number>>): string {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column] as number)).join(' | ')} |`;
  return [line(headers), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

type Machine = { cpu: string; cores: number; memoryGB: number; os: string; node: string; chromium: string };

interface AttributionPart {
  ranAt: string;
  busy: boolean;
  rows: AttributionRow[];
  /** What Threadline adds on the 640-comment post, the three biggest kinds of work. */
  biggestCosts640: Array<{ kind: string; addedMs: number }>;
  ratio640: number;
}

interface LongTasksPart {
  ranAt: string;
  busy: boolean;
  rows: LongTaskRow[];
}

/** The record of the last runs; a partial run (--attribution, --long-tasks, --chunks) replaces only its own part. */
interface Results {
  ranAt: string;
  machine: Machine;
  aims: typeof AIMS;
  busy?: boolean;
  overhead?: OverheadRow[];
  longTasks640?: InteractionTasks;
  scale?: ScaleRow[];
  scaleRatios?: Array<{ from: number; to: number; sizeRatio: number; completeRatio: number; heapRatio: number }>;
  algorithms?: AlgorithmResult[];
  bundles?: BundleReport;
  attribution?: AttributionPart;
  firefox?: FirefoxOverhead & { ranAt: string; busy: boolean };
  longTasks?: LongTasksPart;
  overAim: string[];
  chunks?: ChunkComparison;
  postLists?: PostListBenchResult;
  backgroundAnalysis?: BackgroundAnalysisCost;
}

async function chunkComparison(): Promise<ChunkComparison> {
  console.log(`bench: chunks against folded chunks, ${CHUNK_ROUNDS} interleaved rounds on the 200- and 640-comment fixtures…`);
  const pages = [
    { name: 'threaded-v2-200', comments: 200 },
    { name: 'threaded-v2-640', comments: 640 },
  ].map((p) => ({ ...p, url: fixtureUrl(p.name) }));
  return compareChunks(root, pages, CHUNK_ROUNDS, (line) => console.log(line));
}

function report(results: Results): string {
  const m = results.machine;
  const out: string[] = [
    `Ran ${results.ranAt} on ${m.cpu} (${m.cores} cores), ${m.memoryGB} GB RAM, ${m.os}, Node ${m.node}, Chromium ${m.chromium} (headless)${results.busy ? ', with a CPU-bound process beside it (--busy)' : ''}.`,
  ];
  const busyNote = (part: { busy: boolean; ranAt: string }) => `ran ${part.ranAt}${part.busy ? ', --busy' : ''}`;
  if (results.attribution) {
    const a = results.attribution;
    out.push(
      '',
      `### Where the main-thread time goes (CDP trace, Chromium renderer main thread, self time by kind; ${busyNote(a)}; median of ${TRACE_LOADS} loads by total)`,
      attributionTable(a.rows),
      '',
      `Threadline on the 640-comment post: ${a.ratio640} times the bare page. Biggest additions: ${a.biggestCosts640.map((c) => `${c.kind} +${c.addedMs} ms`).join(', ')}.`,
      '',
      'Script entry points of the longest task with Threadline (wall clock includes waiting for a core on a loaded machine; CPU is the work):',
      ...a.rows.filter((r) => r.variant === 'Threadline').map((r) => `- ${r.page}: ${r.longestTaskScript.join('; ') || 'no script'}`),
    );
  }
  if (results.firefox) {
    const f = results.firefox;
    out.push(
      '',
      `### Firefox ${f.version}: the 640-comment post (${busyNote(f)}; main-thread busy time from a page-world heartbeat, median of ${f.loads} loads)`,
      table(['busy ms without', 'busy ms with', 'ratio', 'longest gap ms with'], [[f.withoutBusyMs, f.withBusyMs, f.ratio, f.longestGapWithMs]]),
    );
  }
  if (results.overhead) {
    const o = results.overhead.map((r) => [
      r.page,
      r.comments,
      r.onPage,
      r.loads,
      r.withoutTaskMs,
      r.withTaskMs,
      r.ratio,
      r.perCommentRatio,
      r.withoutScriptMs,
      r.withScriptMs,
      r.readyMs,
      r.completeMs,
      r.longestTaskMs,
    ]);
    out.push(
      '',
      `### Overhead (Chromium renderer main thread, CDP TaskDuration, median of ${LOADS} loads; aim ≤ ${AIMS.overheadRatio640} at 640, ≤ ${AIMS.perCommentRatio640} per comment shown)`,
      table(
        [
          'page',
          'comments',
          'shown without',
          'loads',
          'task ms without',
          'task ms with',
          'ratio',
          'ratio per comment shown',
          'script ms without',
          'script ms with',
          'ready ms',
          'complete ms',
          'longest task ms',
        ],
        o,
      ),
    );
    const moved = results.backgroundAnalysis;
    if (moved)
      out.push(
        '',
        `Not in these figures: the reply inference (with handles and signers) runs in the extension's background, another process, off the page's main thread; on the ${moved.comments}-comment post it costs ${moved.coldMs} ms the first time (a worker just started) and ${moved.warmMs} ms warm (Node, the same code). The page pays for sending the comments and reading the answer.`,
      );
  }
  if (results.longTasks) {
    const lt = results.longTasks;
    out.push(
      '',
      `### Longest task (ms; aim: none over ${AIMS.longTaskMs}; ${busyNote(lt)})`,
      table(
        ['page', 'restructuring (load → complete)', 'bare page, load', 'typing a filter', 'collapse all', 'expand all'],
        lt.rows.map((r) => [r.page, r.restructuring, r.bareLoad ?? '', r.filter, r.collapseAll, r.expandAll]),
      ),
      '',
      '"bare page, load": the same page without Threadline, navigation to settled. The restructuring window starts at',
      "navigation too, so it holds the blog's own first layout (one task of 50 ms or more here); a restructuring figure",
      "no higher than the bare page's is that task, not Threadline's (a trace names it: EventDispatch pagereveal, layout).",
    );
  } else if (results.longTasks640) {
    const lt = results.longTasks640;
    out.push(
      '',
      `### Longest task on the 640-comment page (aim: none over ${AIMS.longTaskMs} ms)`,
      table(
        ['restructuring (load → complete)', 'typing a filter', 'collapse all', 'expand all'],
        [[lt.restructuring, lt.filter, lt.collapseAll, lt.expandAll]],
      ),
    );
  }
  if (results.scale) {
    const s = results.scale.map((r) => [
      r.comments,
      r.onPage,
      r.readyMs,
      r.completeMs,
      r.rendered,
      r.baselineHeapMB,
      r.heapMB,
      r.threadlineHeapMB,
      r.longestTaskMs,
    ]);
    out.push(
      '',
      `### Scale: synthetic posts from seed text (200 on the page, the rest from the feed; aim: 10,000 complete < ${AIMS.complete10kMs} ms)`,
      table(
        [
          'comments',
          'on page',
          'ready ms',
          'complete ms',
          'built (rest stand-ins)',
          'heap MB without',
          'heap MB with',
          'Threadline heap MB',
          'longest task ms',
        ],
        s,
      ),
      '',
      table(
        ['sizes', 'size ratio', 'complete-time ratio', 'Threadline-heap ratio'],
        (results.scaleRatios ?? []).map((r) => [`${r.from} → ${r.to}`, r.sizeRatio, r.completeRatio, r.heapRatio]),
      ),
    );
  }
  if (results.algorithms) {
    const a = results.algorithms.map((r) => [r.name, r.input, round(r.oursMs), round(r.naiveMs), `${round(r.speedup, 2)}x`]);
    out.push(
      '',
      `### Algorithms against naive baselines (Node, median of 5; aim: inference ≥ ${AIMS.inferenceSpeedup2k}x at 2,000)`,
      table(['what', 'input', 'ours ms', 'naive ms', 'speed-up'], a),
    );
  }
  if (results.bundles) {
    const b = results.bundles.sizes.map((r) => [r.file, kb(r.minifiedBytes), kb(r.gzipBytes)]);
    const parts = results.bundles.contentBreakdown
      .slice(0, 8)
      .map((r) => `${r.origin} ${kb(r.bytes)} KB`)
      .join(', ');
    out.push(
      '',
      `### Bundles (dist/chrome; aim: content script < ${AIMS.contentMinifiedKB} KB minified)`,
      table(['file', 'minified KB', 'gzip KB'], b),
      '',
      `content.js by origin: ${parts}.`,
    );
  }
  out.push('', results.overAim.length ? `**Over aim:** ${results.overAim.join('; ')}.` : 'Every figure is within its aim.');
  if (results.postLists) {
    const p = results.postLists;
    out.push(
      '',
      `### Post-list badges (${p.page}, ${p.posts} posts, ${p.badges} badges, medians of ${p.loads} loads, Chromium)`,
      '',
      table(
        [
          'without Threadline',
          'Threadline, nothing to badge',
          `with ${p.badges} badges`,
          'badges cost',
          'of which script',
          'longest task with badges / without',
        ],
        [
          [
            `${p.withoutMs} ms`,
            `${p.quietMs} ms`,
            `${p.withBadgesMs} ms`,
            `${p.badgesCostMs} ms`,
            `${p.badgesScriptMs} ms`,
            `${p.longestTaskMs} / ${p.longestTaskWithoutMs} ms`,
          ],
        ],
      ),
    );
  }
  if (results.chunks) out.push('', chunkReport(results.chunks, table));
  return out.join('\n');
}

/** How the figures are taken, printed above them in the README section. */
const METHOD = [
  'Measured by `npm run bench` (one command, one run, several minutes; the full record is bench/results.json).',
  '`-- --attribution` (trace and Firefox only, about two minutes), `-- --long-tasks`, `-- --overhead`, `-- --chunks` rerun one part;',
  '`-- --busy` runs with a CPU-bound process beside the bench.',
  '- Attribution: a CDP trace (`Tracing`: toplevel, devtools.timeline, v8, v8.gc) of each load, bare page and with',
  "  Threadline, from navigation until settled; self time of every event on the page's renderer main thread (thread",
  '  clock), summed by kind: script (V8 execution and compilation, event and timer callbacks), style recalculation,',
  '  layout, paint and compositing, HTML parsing, garbage collection, other (task overhead and the rest). Forced =',
  '  run inside script. DOM nodes and JS listeners from `Memory.getDOMCounters`; Threadline elements = its shadow root.',
  '  Tasks are counted by wall clock (as the long-task API does) and by thread clock (CPU): on a loaded machine the',
  '  first includes time spent waiting for a core, the second is the work the page asked for.',
  '- Firefox: the same 640 loads in Firefox ESR with and without dist/firefox; main-thread busy time = the sum of the',
  '  gaps of 1 ms or more in a MessageChannel heartbeat run from document start (performance.now() marks; Firefox has',
  "  no long-task API). The heartbeat itself costs time, so only the ratio is comparable with Chromium's.",
  '- Overhead: a fresh tab per load in headless Chromium from the same launcher, with dist/chrome loaded and without any',
  '  extension; renderer main-thread busy time (CDP `Performance.getMetrics` TaskDuration, thread ticks) from navigation',
  '  until every comment is in the view (feed included; far groups as stand-ins) and no long task ran for 600 ms; median of the loads; ratio = with / without;',
  '  "per comment shown" divides each side by the comments it shows (the bare 640 page shows Blogger\'s first 200).',
  '- Long tasks: `PerformanceObserver` longtask entries (buffered, installed before the page runs) in each window: load to',
  '  complete, typing a word into the text filter, collapse all, expand all; on the 200 and 640 posts and synthetic',
  '  2,000 and 10,000 posts.',
  '- Scale: synthetic threaded posts recombined from the seed texts, 200 comments on the page and the rest served by a',
  '  paged comment feed; "complete" = every comment in the view, built or (far thread groups) a find-in-page stand-in; heap = JSHeapUsedSize after a forced GC, minus the same page without Threadline.',
  '- Algorithms: in Node; the glossary scanner against one regex per term, reply inference against an all-pairs',
  '  time/quote scan (a cost baseline, not an equally accurate one).',
  '- Bundles: production build of dist/chrome, minified, gzip -9.',
  '- Chunks: see its section (method stated there).',
  'The machine is shared and small (see below): repeated runs vary by about ±25 %; ratios vary less than times.',
].join('\n');

const resultsFile = join(root, 'bench/results.json');

function previousResults(): Partial<Results> | null {
  return existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Partial<Results>) : null;
}

/** What is over its aim, from whichever parts the record has. */
function overAimOf(results: Omit<Results, 'overAim'>): string[] {
  const over: string[] = [];
  const at640 = results.overhead?.find((r) => r.comments === 640);
  if (at640 && at640.ratio > AIMS.overheadRatio640) over.push(`overhead at 640 comments ${at640.ratio} (aim ≤ ${AIMS.overheadRatio640})`);
  if (at640 && at640.perCommentRatio > AIMS.perCommentRatio640)
    over.push(`overhead per comment shown at 640 ${at640.perCommentRatio} (aim ≤ ${AIMS.perCommentRatio640})`);
  if (results.attribution && results.attribution.ratio640 > AIMS.overheadRatio640)
    over.push(`traced main thread at 640 comments ${results.attribution.ratio640} times the bare page (aim ≤ ${AIMS.overheadRatio640})`);
  for (const row of results.longTasks?.rows ?? [])
    for (const [label, value] of Object.entries(row)) {
      if (typeof value !== 'number' || label === 'comments' || label === 'bareLoad' || value <= AIMS.longTaskMs) continue;
      // The load window holds the blog's own first layout: over the aim only when longer than the bare page's.
      if (label === 'restructuring' && row.bareLoad !== undefined && value <= row.bareLoad) continue;
      over.push(
        `${row.page}: longest task while ${label} ${value} ms (aim ≤ ${AIMS.longTaskMs}${label === 'restructuring' ? `; bare page ${row.bareLoad} ms` : ''})`,
      );
    }
  const tenK = results.scale?.find((r) => r.comments === 10_000);
  if (tenK && !(tenK.completeMs < AIMS.complete10kMs)) over.push(`10,000 comments complete in ${tenK.completeMs} ms (aim < ${AIMS.complete10kMs})`);
  const inference = results.algorithms?.find((r) => r.name === 'reply inference');
  if (inference && inference.speedup < AIMS.inferenceSpeedup2k)
    over.push(`reply inference ${round(inference.speedup, 2)}x the all-pairs baseline (aim ≥ ${AIMS.inferenceSpeedup2k}x)`);
  const linear = results.algorithms?.find((r) => r.name.startsWith('reply inference, linear'));
  if (linear && linear.speedup < 0.8) over.push(`reply inference at 10,000 is ${round(1 / linear.speedup, 2)} times linear`);
  const content = results.bundles?.sizes.find((size) => size.file === 'content.js');
  if (content && content.minifiedBytes / 1024 > AIMS.contentMinifiedKB)
    over.push(`content script ${kb(content.minifiedBytes)} KB minified (aim < ${AIMS.contentMinifiedKB})`);
  return over;
}

/** Merges a run's parts into the last record (a full run replaces it), then writes both files. */
function write(part: Partial<Results>, full: boolean, machine: Machine, started: number): void {
  const base = full ? {} : (previousResults() ?? {});
  const merged = {
    ...base,
    ...part,
    machine: part.machine ?? base.machine ?? machine,
    aims: AIMS,
    ranAt: part.ranAt ?? base.ranAt ?? new Date().toISOString(),
  };
  const results: Results = { ...merged, overAim: overAimOf(merged) };
  const text = report(results);
  console.log(`\n${text}\n\nbench: ${Math.round((Date.now() - started) / 1000)} s in all; wrote bench/results.json and bench/README-performance.md`);
  mkdirSync(join(root, 'bench'), { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(root, 'bench/README-performance.md'), `## Performance\n\n${METHOD}\n\n${text}\n`);
}

function machineOf(chromium: string): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGB: round(totalmem() / 2 ** 30, 1),
    os: `${osType()} ${release()}`,
    node: process.version,
    chromium,
  };
}

async function attributionPart(browsers: Awaited<ReturnType<typeof launchBoth>>, sizes: number[], busy: boolean): Promise<AttributionPart> {
  console.log(`bench: attribution (CDP trace) on ${sizes.join(', ')} comments…`);
  const rows = await attribution(browsers, sizes);
  const bare = rows.find((r) => r.comments === 640 && r.variant === 'bare page');
  const with_ = rows.find((r) => r.comments === 640 && r.variant === 'Threadline');
  return {
    ranAt: new Date().toISOString(),
    busy,
    rows,
    biggestCosts640: biggestCosts(rows, 'threaded-v2-640'),
    ratio640: bare && with_ ? round(with_.totalMs / bare.totalMs, 2) : Number.NaN,
  };
}

async function firefoxPart(busy: boolean): Promise<Results['firefox']> {
  console.log('bench: Firefox, the 640-comment post with and without Threadline…');
  try {
    return { ...(await firefoxOverhead(fixtureUrl('threaded-v2-640'), 640, FIREFOX_LOADS)), ranAt: new Date().toISOString(), busy };
  } catch (error) {
    console.error(`bench: Firefox not measured: ${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const busy = flag('busy');
  const stopBusy = busy ? startBusy() : () => undefined;
  try {
    if (flag('chunks')) {
      const chunks = await chunkComparison();
      return write({ chunks }, false, machineOf('chromium'), started);
    }
    const partial = flag('attribution') || flag('long-tasks') || flag('post-lists') || flag('overhead');
    console.log('bench: building and measuring bundles…');
    const bundles = await measureBundles(root);
    if (!flag('no-firefox')) await buildTarget('firefox');
    // Before the algorithms: its first run must find the inference code cold, as a freshly started background does.
    const backgroundAnalysis = partial ? undefined : measureBackgroundAnalysis();
    const algorithms = partial ? undefined : (console.log('bench: algorithms…'), measureAlgorithms());
    if (algorithms) algorithms.push(await measureFeedSanitizing(root));
    console.log('bench: launching Chromium with and without Threadline…');
    const browsers = await launchBoth();
    const machine = machineOf(browsers.version);
    const part: Partial<Results> = partial ? {} : { ranAt: new Date().toISOString(), machine, busy, bundles, algorithms, backgroundAnalysis };
    try {
      if (!partial || flag('attribution'))
        part.attribution = await attributionPart(browsers, partial ? [200, 640, 2000] : [200, 640, 2000, 10_000], busy);
      if (!partial || flag('long-tasks')) {
        console.log('bench: long tasks while restructuring, filtering, collapsing, expanding…');
        part.longTasks = { ranAt: new Date().toISOString(), busy, rows: await longTasksAll(browsers) };
        part.longTasks640 = part.longTasks.rows.find((r) => r.comments === 640);
      }
      if (!partial || flag('post-lists')) {
        console.log('bench: post-list badges on the 20-post home page…');
        part.postLists = await measurePostListBadges(browsers);
      }
      if (!partial || flag('overhead')) {
        console.log('bench: overhead on the 200- and 640-comment fixtures…');
        part.overhead = [await overhead(browsers, 'threaded-v2-200', 200), await overhead(browsers, 'threaded-v2-640', 640)];
      }
      if (!partial) {
        console.log('bench: scale…');
        const scaleRows = await scale(browsers);
        part.scale = scaleRows;
        part.scaleRatios = scaleRows.slice(1).map((row, i) => {
          const prev = scaleRows[i] as ScaleRow;
          return {
            from: prev.comments,
            to: row.comments,
            sizeRatio: round(row.comments / prev.comments, 1),
            completeRatio: round(row.completeMs / prev.completeMs, 2),
            heapRatio: round(row.threadlineHeapMB / prev.threadlineHeapMB, 2),
          };
        });
      }
    } finally {
      await browsers.close();
    }
    if (!flag('no-firefox') && (!partial || flag('attribution'))) part.firefox = await firefoxPart(busy);
    if (!partial && !flag('no-chunks')) part.chunks = await chunkComparison();
    else if (!partial) part.chunks = previousResults()?.chunks; // --no-chunks: the last comparison stays in the record
    write(part, !partial, machine, started);
  } finally {
    stopBusy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
