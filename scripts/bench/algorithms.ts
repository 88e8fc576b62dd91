/** Node-side part of the bench: glossary scanner and reply inference against naive baselines (ratios of median times). */
import { performance } from 'node:perf_hooks';
import { buildMatcher, findTerms } from '../../src/features/glossary/matcher';
import { BUILT_IN_TERMS } from '../../src/features/glossary/terms';
import { analyseThreads } from '../../src/threads/analysis';
import { inferReplies } from '../../src/threads/infer';
import type { InferenceComment } from '../../src/threads/types';
import { naiveCount, seedCorpus } from '../bench-glossary';
import { corpusOf, loadRecordPages, syntheticComments } from '../bench-threads';

export interface AlgorithmResult {
  name: string;
  input: string;
  oursMs: number;
  naiveMs: number;
  /** naive / ours: how many times faster Threadline's version is. */
  speedup: number;
}

/** Median of `runs` timings, the two being measured alternately so a busy machine slows both alike. */
function alternate(runs: number, ours: () => unknown, naive: () => unknown): { oursMs: number; naiveMs: number } {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    ours();
    a.push(performance.now() - start);
    start = performance.now();
    naive();
    b.push(performance.now() - start);
  }
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] as number;
  return { oursMs: median(a), naiveMs: median(b) };
}

/**
 * The obvious way to find replies: for every comment, look at every earlier one and test its wall clock against the
 * "@hh:mm" references in the text, and its first six words against the text (quadratic in the comment count).
 */
export function naiveInference(comments: readonly InferenceComment[]): Map<string, string> {
  const links = new Map<string, string>();
  const clocks = comments.map((comment) => /(\d{1,2})[:.](\d{2})\s*$/.exec(comment.displayTime)?.slice(1, 3).join(':') ?? '');
  const openings = comments.map((comment) => comment.text.split(/\s+/).slice(0, 6).join(' ').toLowerCase());
  for (let i = 0; i < comments.length; i++) {
    const text = (comments[i] as InferenceComment).text;
    const lower = text.toLowerCase();
    const refs = [...text.matchAll(/(?<!\d)(\d{1,2})[:.](\d{2})(?!\d)/g)].map((m) => `${m[1]!.padStart(2, '0')}:${m[2]}`);
    for (let j = i - 1; j >= 0; j--) {
      const clock = clocks[j] as string;
      const byTime = clock !== '' && refs.includes(clock.padStart(5, '0'));
      const opening = openings[j] as string;
      const byQuote = opening.split(' ').length >= 6 && lower.includes(opening);
      if (byTime || byQuote) {
        links.set((comments[i] as InferenceComment).id, (comments[j] as InferenceComment).id);
        break;
      }
    }
  }
  return links;
}

/** Scanner on ~1 MB of seed text, inference on 2,000 synthetic comments: ours vs naive, median of 5; inference at 10,000 against 5 × 2,000. */
export function measureAlgorithms(): AlgorithmResult[] {
  const matcher = buildMatcher(BUILT_IN_TERMS);
  const corpus = seedCorpus(1024 * 1024);
  findTerms(corpus.slice(0, 50_000), matcher);
  naiveCount(corpus.slice(0, 50_000), BUILT_IN_TERMS);
  const scan = alternate(
    5,
    () => findTerms(corpus, matcher),
    () => naiveCount(corpus, BUILT_IN_TERMS),
  );

  const comments = syntheticComments(2000, corpusOf(loadRecordPages()));
  inferReplies({ comments: comments.slice(0, 200), postBodyText: '' });
  naiveInference(comments.slice(0, 200));
  const infer = alternate(
    5,
    () => inferReplies({ comments, postBodyText: '' }),
    () => naiveInference(comments),
  );
  // Linear to 10,000: the 10,000-comment time against five times the 2,000 one, measured alternately.
  const large = syntheticComments(10_000, corpusOf(loadRecordPages()));
  const scaling = alternate(
    3,
    () => inferReplies({ comments: large, postBodyText: '' }),
    () => {
      for (let i = 0; i < 5; i++) inferReplies({ comments, postBodyText: '' });
    },
  );
  return [
    {
      name: 'glossary scanner',
      input: `${(corpus.length / 1024 / 1024).toFixed(1)} MB seed text, ${BUILT_IN_TERMS.length} terms`,
      ...scan,
      speedup: scan.naiveMs / scan.oursMs,
    },
    { name: 'reply inference', input: `${comments.length} synthetic comments`, ...infer, speedup: infer.naiveMs / infer.oursMs },
    {
      name: 'reply inference, linear? (naive = 5 × the 2,000 time; ≥ 1x = linear)',
      input: `${large.length} synthetic comments`,
      ...scaling,
      speedup: scaling.naiveMs / scaling.oursMs,
    },
  ];
}

/** What the background's text analysis costs on the 640-comment fixture: its first run (a freshly started worker) and warm. */
export interface BackgroundAnalysisCost {
  fixture: string;
  comments: number;
  coldMs: number;
  warmMs: number;
}

/** The analysis moved off the page's main thread, timed in Node (the background runs the same code): first run, then the median of six. */
export function measureBackgroundAnalysis(fixture = 'threaded-v2-640'): BackgroundAnalysisCost | undefined {
  const page = loadRecordPages().find((candidate) => candidate.name === fixture);
  if (!page) return undefined;
  const times: number[] = [];
  for (let run = 0; run < 7; run++) {
    const start = performance.now();
    analyseThreads({ comments: page.comments, postBodyText: page.postBodyText });
    times.push(performance.now() - start);
  }
  const warm = times.slice(1).sort((a, b) => a - b);
  return {
    fixture,
    comments: page.comments.length,
    coldMs: Number(times[0]!.toFixed(1)),
    warmMs: Number(warm[Math.floor(warm.length / 2)]!.toFixed(1)),
  };
}
