/** Glossary benchmark: precision/recall on the hand-labelled seed passages, and scanner speed vs a naive per-term regex loop. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildMatcher, findTerms, type Matcher } from '../src/features/glossary/matcher';
import { BUILT_IN_TERMS } from '../src/features/glossary/terms';
import type { GlossaryEntry } from '../src/features/glossary/types';
import { SEED_DIR } from './seeds';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const LABELLED_PATH = join(repoRoot, 'tests/fixtures/glossary/labelled.json');

export interface LabelledPassage {
  source: string;
  text: string;
  mark: Array<{ term: string; expansion: string }>;
  notMark: string[];
}

export interface Evaluation {
  precision: number;
  recall: number;
  truePositives: number;
  falsePositives: Array<{ source: string; text: string; term: string; expansion: string }>;
  misses: Array<{ source: string; term: string; expansion: string }>;
  /** Marked words that the labels say must never be marked. */
  notMarkViolations: Array<{ source: string; word: string }>;
}

export function loadLabelled(path: string = LABELLED_PATH): LabelledPassage[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { passages: LabelledPassage[] }).passages;
}

function expansionOf(entry: GlossaryEntry | undefined, senseIndex: number): string {
  return entry?.senses?.[senseIndex]?.expansion ?? entry?.expansion ?? '';
}

/** Compare marks with labels occurrence by occurrence (same term and same first expansion, in order). */
export function evaluate(passages: LabelledPassage[], matcher: Matcher): Evaluation {
  const result: Evaluation = { precision: 0, recall: 0, truePositives: 0, falsePositives: [], misses: [], notMarkViolations: [] };
  let expectedTotal = 0;
  let markedTotal = 0;
  for (const passage of passages) {
    const hits = findTerms(passage.text, matcher).map((hit) => ({
      term: hit.term,
      expansion: expansionOf(matcher.entries.get(hit.term), hit.senseIndex),
      text: passage.text.slice(hit.start, hit.end),
    }));
    expectedTotal += passage.mark.length;
    markedTotal += hits.length;
    const unmatched = [...passage.mark];
    for (const hit of hits) {
      const at = unmatched.findIndex((label) => label.term === hit.term && label.expansion === hit.expansion);
      if (at >= 0) {
        unmatched.splice(at, 1);
        result.truePositives++;
      } else {
        result.falsePositives.push({ source: passage.source, ...hit });
      }
      const bare = hit.text.replace(/s$/, '');
      if (passage.notMark.includes(hit.text) || passage.notMark.includes(bare)) {
        result.notMarkViolations.push({ source: passage.source, word: hit.text });
      }
    }
    result.misses.push(...unmatched.map((label) => ({ source: passage.source, ...label })));
  }
  result.precision = markedTotal === 0 ? 1 : result.truePositives / markedTotal;
  result.recall = expectedTotal === 0 ? 1 : result.truePositives / expectedTotal;
  return result;
}

/** All seed text, repeated until it reaches `bytes` characters. */
export function seedCorpus(bytes: number, seedsDir: string = SEED_DIR): string {
  const text = readdirSync(seedsDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(join(seedsDir, name), 'utf8'))
    .join('\n');
  const copies: string[] = [];
  let length = 0;
  while (length < bytes) {
    copies.push(text);
    length += text.length + 1;
  }
  return copies.join('\n').slice(0, bytes);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The naive approach: one regex per entry (its forms, plural and possessive), each run over the whole text. */
export function naiveCount(text: string, entries: readonly GlossaryEntry[]): number {
  let count = 0;
  for (const entry of entries) {
    const forms = new Set([entry.term, entry.term.toUpperCase(), ...(entry.forms ?? [])]);
    if (entry.lowercaseSafe) forms.add(entry.term.toLowerCase());
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...forms].map(escapeRegex).join('|')})s?(?:['’]s?)?(?![\\p{L}\\p{N}])`, 'gu');
    for (const _ of text.matchAll(pattern)) count++;
  }
  return count;
}

function time<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

function main(): void {
  const matcher = buildMatcher(BUILT_IN_TERMS);
  const evaluation = evaluate(loadLabelled(), matcher);
  console.log(`labelled set: ${loadLabelled().length} passages`);
  console.log(`precision ${evaluation.precision.toFixed(4)}  recall ${evaluation.recall.toFixed(4)}  (aim: >= 0.98 / >= 0.95)`);
  for (const fp of evaluation.falsePositives) console.log(`  false positive [${fp.source}] ${fp.text} -> ${fp.term}: ${fp.expansion}`);
  for (const miss of evaluation.misses) console.log(`  missed [${miss.source}] ${miss.term}: ${miss.expansion}`);
  for (const bad of evaluation.notMarkViolations) console.log(`  must-not-mark word marked [${bad.source}] ${bad.word}`);

  const corpus = seedCorpus(5 * 1024 * 1024);
  findTerms(corpus.slice(0, 100_000), matcher); // warm up both paths on a slice
  naiveCount(corpus.slice(0, 100_000), BUILT_IN_TERMS);
  const compile = time(() => buildMatcher(BUILT_IN_TERMS));
  // Alternate the two three times and keep each one's median, so a busy machine skews both alike.
  const oursRuns: Array<{ ms: number; value: number }> = [];
  const naiveRuns: Array<{ ms: number; value: number }> = [];
  for (let round = 0; round < 3; round++) {
    oursRuns.push(time(() => findTerms(corpus, compile.value).length));
    naiveRuns.push(time(() => naiveCount(corpus, BUILT_IN_TERMS)));
  }
  const median = (runs: Array<{ ms: number; value: number }>) => [...runs].sort((a, b) => a.ms - b.ms)[1] as { ms: number; value: number };
  const ours = median(oursRuns);
  const naive = median(naiveRuns);
  console.log(`scanner speed on ${(corpus.length / 1024 / 1024).toFixed(1)} MB of seed text (${BUILT_IN_TERMS.length} entries), median of 3:`);
  console.log(`  compiled matcher: ${ours.ms.toFixed(0)} ms (+${compile.ms.toFixed(1)} ms to build), ${ours.value} terms marked`);
  console.log(`  naive per-term regex loop: ${naive.ms.toFixed(0)} ms, ${naive.value} raw matches`);
  console.log(`  ratio naive/ours: ${(naive.ms / ours.ms).toFixed(1)}x`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
