/**
 * Chunks or no chunks: the same pages loaded with each build variant (scripts/bench/variants.ts) in one Chromium per
 * variant, interleaved round by round, and each chunk's first use timed on the settled page.
 */
import { loadavg } from 'node:os';
import type { BrowserContext } from 'playwright-core';
import { firstInteractions, launchContext, loadAndThen, loadChecks, type FirstInteractions, type LoadChecks, type LoadSample } from './browser';
import { buildVariants, type BuiltVariant } from './variants';

export interface ChunkPage {
  name: string;
  url: string;
  comments: number;
}

export interface ChunkSample extends LoadSample, FirstInteractions, LoadChecks {
  variant: string;
  page: string;
  round: number;
  /** Position of the variant in its round (the order rotates every round). */
  position: number;
}

/** The figures compared, with how each reads. */
export const CHUNK_FIGURES = [
  { key: 'taskMs', label: 'main-thread ms', digits: 0 },
  { key: 'readyMs', label: 'ready ms', digits: 0 },
  { key: 'completeMs', label: 'complete ms', digits: 0 },
  { key: 'heapMB', label: 'JS heap MB', digits: 2 },
  { key: 'longestTaskMs', label: 'longest task ms', digits: 0 },
  { key: 'sidebarMs', label: 'sidebar open ms', digits: 1 },
  { key: 'helpMs', label: 'help shown ms', digits: 1 },
] as const;

export type ChunkFigure = (typeof CHUNK_FIGURES)[number]['key'];

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface ChunkComparison {
  rounds: number;
  /** 1-minute load average when the measuring began and ended (the machine is shared). */
  load: { start: number; end: number };
  variants: Array<{ name: string; label: string; fold: string[]; bytes: Record<string, number> }>;
  /** page → variant → figure → median and range. */
  figures: Record<string, Record<string, Record<ChunkFigure, Spread>>>;
  /** page → variant (not the first) → figure → paired difference to the first variant, round by round. */
  differences: Record<string, Record<string, Record<ChunkFigure, Spread & { lower: number; higher: number }>>>;
  checks: Array<{ page: string; variant: string; minTermMarks: number; chunkFailures: number }>;
  samples: ChunkSample[];
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const spread = (values: number[]): Spread => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) });

const figureOf = (sample: ChunkSample, key: ChunkFigure): number =>
  key === 'heapMB' ? sample.heapUsedBytes / 2 ** 20 : ((sample as unknown as Record<string, number | null>)[key] ?? Number.NaN);

async function measureOnce(context: BrowserContext, page: ChunkPage): Promise<LoadSample & FirstInteractions & LoadChecks> {
  const { sample, after } = await loadAndThen(
    context,
    page.url,
    page.comments,
    600,
    async (tab) => {
      const checks = await loadChecks(tab);
      const interactions = await firstInteractions(tab);
      return { ...checks, ...interactions };
    },
    true,
  );
  return { ...sample, ...after };
}

/** Builds the variants, then `rounds` rounds: in each, every page with every variant (order rotated per round). */
export async function compareChunks(
  root: string,
  pages: ChunkPage[],
  rounds: number,
  log: (line: string) => void = console.log,
): Promise<ChunkComparison> {
  const variants: BuiltVariant[] = await buildVariants(root);
  log(`  built ${variants.map((v) => `${v.name} (content.js ${(v.bytes['content.js']! / 1024).toFixed(1)} KB)`).join(', ')}`);
  const contexts = [] as Array<Awaited<ReturnType<typeof launchContext>>>;
  const samples: ChunkSample[] = [];
  const loadAtStart = loadavg()[0]!;
  try {
    for (const variant of variants) contexts.push(await launchContext(variant.dir));
    for (const page of pages) for (const context of contexts) await measureOnce(context.context, page); // warm-up, not counted
    for (let round = 0; round < rounds; round++) {
      for (const page of pages) {
        for (let position = 0; position < variants.length; position++) {
          const index = (round + position) % variants.length;
          const variant = variants[index]!;
          const measured = await measureOnce(contexts[index]!.context, page);
          samples.push({ ...measured, variant: variant.name, page: page.name, round, position });
        }
      }
      log(`  round ${round + 1}/${rounds} done`);
    }
  } finally {
    for (const context of contexts) await context.close();
  }

  const figures: ChunkComparison['figures'] = {};
  const differences: ChunkComparison['differences'] = {};
  const checks: ChunkComparison['checks'] = [];
  const base = variants[0]!.name;
  for (const page of pages) {
    figures[page.name] = {};
    differences[page.name] = {};
    for (const variant of variants) {
      const mine = samples.filter((s) => s.page === page.name && s.variant === variant.name);
      figures[page.name]![variant.name] = Object.fromEntries(
        CHUNK_FIGURES.map(({ key }) => [key, spread(mine.map((s) => figureOf(s, key)))]),
      ) as Record<ChunkFigure, Spread>;
      checks.push({
        page: page.name,
        variant: variant.name,
        minTermMarks: Math.min(...mine.map((s) => s.termMarks)),
        chunkFailures: mine.reduce((n, s) => n + s.chunkFailures, 0),
      });
      if (variant.name === base) continue;
      differences[page.name]![variant.name] = Object.fromEntries(
        CHUNK_FIGURES.map(({ key }) => {
          const deltas = mine.map(
            (s) => figureOf(s, key) - figureOf(samples.find((b) => b.page === page.name && b.variant === base && b.round === s.round)!, key),
          );
          return [key, { ...spread(deltas), lower: deltas.filter((d) => d < 0).length, higher: deltas.filter((d) => d > 0).length }];
        }),
      ) as ChunkComparison['differences'][string][string];
    }
  }
  return {
    rounds,
    load: { start: loadAtStart, end: loadavg()[0]! },
    variants: variants.map(({ name, label, fold, bytes }) => ({ name, label, fold, bytes })),
    figures,
    differences,
    checks,
    samples,
  };
}

const fixed = (value: number, digits: number): string => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const signed = (value: number, digits: number): string => `${value > 0 ? '+' : ''}${fixed(value, digits)}`;

/** The comparison as Markdown: medians (min–max) per page and variant, then paired differences to variant (a). */
export function chunkReport(comparison: ChunkComparison, table: (headers: string[], rows: Array<Array<string | number>>) => string): string {
  const lines: string[] = [
    `### Chunks or folded into the content script (${comparison.rounds} interleaved rounds; median (min–max))`,
    '',
    'dist-bench/<variant>/chrome: production builds with the on-demand chunks as they are or folded into the content',
    'script (its bundle imports their entries; a folded chunk registers at start and is never injected, its file not built).',
    'One Chromium per variant, a fresh tab per load, the variants interleaved in every round (order rotated per round).',
    "Each load waits for the glossary's first mark, then is measured like Overhead (main thread = CDP TaskDuration until",
    'settled; heap = JSHeapUsedSize after a forced GC). Then, on the settled page, the first use of two chunks: click',
    '(pointerdown) on the sidebar button → sidebar open with its list; "?" (keydown) → help dialog; both page-clock time to',
    'the DOM mutation that shows them. Δ = the variant minus (a) in the same round; "n↓ m↑" = rounds lower / higher.',
    'Longest task counts only tasks of 50 ms or more (0 = none).',
    ...(comparison.load
      ? [`Load average (1 min) ${comparison.load.start.toFixed(2)} at the start, ${comparison.load.end.toFixed(2)} at the end.`]
      : []),
    '',
    ...comparison.variants.map(
      (v) =>
        `- **${v.name}** ${v.label}: ${Object.entries(v.bytes)
          .map(([file, bytes]) => `${file} ${(bytes / 1024).toFixed(1)} KB`)
          .join(', ')}`,
    ),
    '',
  ];
  for (const [page, byVariant] of Object.entries(comparison.figures)) {
    lines.push(`#### ${page}`, '');
    lines.push(
      table(
        ['variant', 'content.js KB', ...CHUNK_FIGURES.map((f) => f.label)],
        Object.entries(byVariant).map(([variant, spreads]) => [
          variant,
          fixed((comparison.variants.find((v) => v.name === variant)!.bytes['content.js'] ?? 0) / 1024, 1),
          ...CHUNK_FIGURES.map(
            ({ key, digits }) => `${fixed(spreads[key].median, digits)} (${fixed(spreads[key].min, digits)}–${fixed(spreads[key].max, digits)})`,
          ),
        ]),
      ),
    );
    lines.push('');
    const diffs = comparison.differences[page] ?? {};
    lines.push(
      table(
        ['Δ to ' + comparison.variants[0]!.name + ', same round', ...CHUNK_FIGURES.map((f) => f.label)],
        Object.entries(diffs).map(([variant, deltas]) => [
          variant,
          ...CHUNK_FIGURES.map(
            ({ key, digits }) =>
              `${signed(deltas[key].median, digits)} (${signed(deltas[key].min, digits)}…${signed(deltas[key].max, digits)}; ${deltas[key].lower}↓ ${deltas[key].higher}↑)`,
          ),
        ]),
      ),
    );
    lines.push('');
  }
  const failing = comparison.checks.filter((c) => c.chunkFailures > 0 || c.minTermMarks === 0);
  lines.push(
    failing.length
      ? `**Checks failed:** ${failing.map((c) => `${c.variant} on ${c.page}: ${c.chunkFailures} chunk failures, at least ${c.minTermMarks} glossary marks`).join('; ')}.`
      : 'Every load had glossary marks and no chunk-failure alert; the sidebar and the help opened in every load.',
  );
  return lines.join('\n');
}
