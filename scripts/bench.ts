/**
 * `npm run bench`: one run, one report: overhead, long tasks, scale, algorithms vs naive, bundle sizes, chunks against
 * folded chunks → bench/results.json and bench/README-performance.md (the README links there; nothing rewrites it).
 * `npm run bench -- --chunks` runs only the chunk comparison and updates that part of both files.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, type as osType, release } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureAlgorithms, type AlgorithmResult } from './bench/algorithms';
import { measureFeedSanitizing } from './bench/feed-sanitize';
import { interactionLongTasks, launchBoth, loadOnce, serveSynthetic, type InteractionTasks, type LoadSample } from './bench/browser';
import { measureBundles, type BundleReport } from './bench/bundles';
import { chunkReport, compareChunks, type ChunkComparison } from './bench/chunks';
import { poolFromTexts, syntheticPost } from './bench/synthetic-post';
import { corpusOf, loadRecordPages } from './bench-threads';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const AIMS = { overheadRatio640: 1.5, longTaskMs: 50, contentMinifiedKB: 80 } as const;
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

async function scale(browsers: Awaited<ReturnType<typeof launchBoth>>): Promise<ScaleRow[]> {
  const pool = poolFromTexts(corpusOf(loadRecordPages()));
  const rows: ScaleRow[] = [];
  for (const total of SCALE_SIZES) {
    const post = syntheticPost({
      name: `bench-${total}`,
      path: `2024/05/bench-${total}.html`,
      title: `Bench ${total}`,
      blogId: '1234567890123456789',
      total,
      onPage: Math.min(200, total),
      pool,
    });
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

interface Results {
  ranAt: string;
  machine: { cpu: string; cores: number; memoryGB: number; os: string; node: string; chromium: string };
  aims: typeof AIMS;
  overhead: OverheadRow[];
  longTasks640: InteractionTasks;
  scale: ScaleRow[];
  scaleRatios: Array<{ from: number; to: number; sizeRatio: number; completeRatio: number; heapRatio: number }>;
  algorithms: AlgorithmResult[];
  bundles: BundleReport;
  overAim: string[];
  chunks?: ChunkComparison;
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
  const lt = results.longTasks640;
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
  const sr = results.scaleRatios.map((r) => [`${r.from} → ${r.to}`, r.sizeRatio, r.completeRatio, r.heapRatio]);
  const a = results.algorithms.map((r) => [r.name, r.input, round(r.oursMs), round(r.naiveMs), `${round(r.speedup, 2)}x`]);
  const b = results.bundles.sizes.map((r) => [r.file, kb(r.minifiedBytes), kb(r.gzipBytes)]);
  const parts = results.bundles.contentBreakdown
    .slice(0, 8)
    .map((r) => `${r.origin} ${kb(r.bytes)} KB`)
    .join(', ');
  const m = results.machine;
  return [
    `Ran ${results.ranAt} on ${m.cpu} (${m.cores} cores), ${m.memoryGB} GB RAM, ${m.os}, Node ${m.node}, Chromium ${m.chromium} (headless).`,
    '',
    `### Overhead (Chromium renderer main thread, CDP TaskDuration, median of ${LOADS} loads; aim < ${AIMS.overheadRatio640} at 640)`,
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
    '',
    `### Longest task on the 640-comment page (aim: none over ${AIMS.longTaskMs} ms)`,
    table(
      ['restructuring (load → complete)', 'typing a filter', 'collapse all', 'expand all'],
      [[lt.restructuring, lt.filter, lt.collapseAll, lt.expandAll]],
    ),
    '',
    '### Scale: synthetic posts from seed text (200 on the page, the rest from the feed)',
    table(
      ['comments', 'on page', 'ready ms', 'complete ms', 'rendered', 'heap MB without', 'heap MB with', 'Threadline heap MB', 'longest task ms'],
      s,
    ),
    '',
    table(['sizes', 'size ratio', 'complete-time ratio', 'Threadline-heap ratio'], sr),
    '',
    '### Algorithms against naive baselines (Node, median of 5)',
    table(['what', 'input', 'ours ms', 'naive ms', 'speed-up'], a),
    '',
    `### Bundles (dist/chrome; aim: content script < ${AIMS.contentMinifiedKB} KB minified)`,
    table(['file', 'minified KB', 'gzip KB'], b),
    '',
    `content.js by origin: ${parts}.`,
    '',
    results.overAim.length ? `**Over aim:** ${results.overAim.join('; ')}.` : 'Every figure is within its aim.',
    ...(results.chunks ? ['', chunkReport(results.chunks, table)] : []),
  ].join('\n');
}

/** How the figures are taken, printed above them in the README section. */
const METHOD = [
  'Measured by `npm run bench` (one command, one run, about two minutes; the full record is bench/results.json).',
  '- Overhead: a fresh tab per load in headless Chromium from the same launcher, with dist/chrome loaded and without any',
  '  extension; renderer main-thread busy time (CDP `Performance.getMetrics` TaskDuration, thread ticks) from navigation',
  '  until Threadline shows every comment (feed included) and no long task ran for 600 ms; median of the loads; ratio = with / without;',
  '  "per comment shown" divides each side by the comments it shows (the bare 640 page shows Blogger\'s first 200).',
  '- Long tasks: `PerformanceObserver` longtask entries (buffered, installed before the page runs) in each window: load to',
  '  complete, typing a word into the text filter, collapse all, expand all.',
  '- Scale: synthetic threaded posts recombined from the seed texts, 200 comments on the page and the rest served by a',
  '  paged comment feed; "complete" = every comment rendered; heap = JSHeapUsedSize after a forced GC, minus the same page without Threadline.',
  '- Algorithms: in Node; the glossary scanner against one regex per term, reply inference against an all-pairs',
  '  time/quote scan (a cost baseline, not an equally accurate one).',
  '- Bundles: production build of dist/chrome, minified, gzip -9.',
  '- Chunks: see its section (method stated there).',
  'The machine is shared and small (see below): repeated runs vary by about ±25 %; ratios vary less than times.',
].join('\n');

const CHUNK_HEADING = '### Chunks or folded';

/**
 * Writes both files. Without a full run's record (`--chunks` on a fresh clone), the figures already in
 * bench/README-performance.md are kept and only its chunk section is replaced.
 */
function write(results: Results | null, chunks: ChunkComparison, started: number): void {
  const chunkText = `Chunk comparison ran ${new Date().toISOString()} (\`npm run bench -- --chunks\`).\n\n${chunkReport(chunks, table)}`;
  const mdFile = join(root, 'bench/README-performance.md');
  let md: string;
  if (results) md = `## Performance\n\n${METHOD}\n\n${report(results)}\n`;
  else {
    const previous = existsSync(mdFile) ? readFileSync(mdFile, 'utf8') : `## Performance\n\n${METHOD}\n`;
    const cut = previous.indexOf(CHUNK_HEADING);
    md = `${(cut >= 0 ? previous.slice(0, cut) : previous).trimEnd()}\n\n${chunkText}\n`;
  }
  console.log(
    `\n${results ? report(results) : chunkText}\n\nbench: ${Math.round((Date.now() - started) / 1000)} s in all; wrote bench/results.json and bench/README-performance.md`,
  );
  mkdirSync(join(root, 'bench'), { recursive: true });
  writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results ?? { chunks }, null, 2)}\n`);
  writeFileSync(mdFile, md);
}

/** `--chunks`: the chunk comparison alone, merged into the last full run's record when there is one. */
async function chunksOnly(started: number): Promise<void> {
  const chunks = await chunkComparison();
  const file = join(root, 'bench/results.json');
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<Results>) : null;
  write(previous?.overhead ? { ...(previous as Results), chunks } : null, chunks, started);
}

async function main(): Promise<void> {
  const started = Date.now();
  if (process.argv.includes('--chunks')) return chunksOnly(started);
  console.log('bench: building and measuring bundles…');
  const bundles = await measureBundles(root);
  console.log('bench: algorithms…');
  const algorithms = measureAlgorithms();
  algorithms.push(await measureFeedSanitizing(root));
  console.log('bench: launching Chromium with and without Threadline…');
  const browsers = await launchBoth();
  let results: Results;
  try {
    console.log('bench: overhead on the 200- and 640-comment fixtures…');
    const overheadRows = [await overhead(browsers, 'threaded-v2-200', 200), await overhead(browsers, 'threaded-v2-640', 640)];
    console.log('bench: long tasks while filtering, collapsing, expanding…');
    const longTasks640 = await interactionLongTasks(browsers.withExtension, fixtureUrl('threaded-v2-640'), 640, 'probation');
    console.log('bench: scale…');
    const scaleRows = await scale(browsers);
    const scaleRatios = scaleRows.slice(1).map((row, i) => {
      const prev = scaleRows[i] as ScaleRow;
      return {
        from: prev.comments,
        to: row.comments,
        sizeRatio: round(row.comments / prev.comments, 1),
        completeRatio: round(row.completeMs / prev.completeMs, 2),
        heapRatio: round(row.threadlineHeapMB / prev.threadlineHeapMB, 2),
      };
    });
    const content = bundles.sizes.find((size) => size.file === 'content.js');
    const overAim: string[] = [];
    const at640 = overheadRows[1] as OverheadRow;
    if (at640.ratio >= AIMS.overheadRatio640) overAim.push(`overhead at 640 comments ${at640.ratio} (aim < ${AIMS.overheadRatio640})`);
    for (const [label, value] of Object.entries(longTasks640))
      if (value > AIMS.longTaskMs) overAim.push(`longest task while ${label}: ${value} ms (aim ≤ ${AIMS.longTaskMs})`);
    if (content && content.minifiedBytes / 1024 > AIMS.contentMinifiedKB)
      overAim.push(`content script ${kb(content.minifiedBytes)} KB minified (aim < ${AIMS.contentMinifiedKB})`);
    results = {
      ranAt: new Date().toISOString(),
      machine: {
        cpu: cpus()[0]?.model.trim() ?? 'unknown',
        cores: cpus().length,
        memoryGB: round(totalmem() / 2 ** 30, 1),
        os: `${osType()} ${release()}`,
        node: process.version,
        chromium: browsers.version,
      },
      aims: AIMS,
      overhead: overheadRows,
      longTasks640,
      scale: scaleRows,
      scaleRatios,
      algorithms,
      bundles,
      overAim,
    };
  } finally {
    await browsers.close();
  }
  results.chunks = await chunkComparison();
  write(results, results.chunks, started);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
