/** Prints the acronym-like tokens of the seed captures with counts, marking which the glossary knows (`--write` saves the fixture). */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countAcronymLike } from '../src/features/glossary/acronym-like';
import { buildMatcher, resolveWord } from '../src/features/glossary/matcher';
import { NOT_ACRONYMS } from '../src/features/glossary/not-acronyms';
import { BUILT_IN_TERMS } from '../src/features/glossary/terms';
import { SEED_DIR } from './seeds';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SEEDS_DIR = SEED_DIR;
export const SEED_ACRONYMS_FIXTURE = join(repoRoot, 'tests/fixtures/glossary/seed-acronyms.json');

/** Acronym-like tokens across every seed capture, most frequent first. */
export function listSeedAcronyms(seedsDir: string = SEEDS_DIR): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const name of readdirSync(seedsDir)
    .filter((file) => file.endsWith('.txt'))
    .sort()) {
    countAcronymLike(readFileSync(join(seedsDir, name), 'utf8'), counts);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function main(): void {
  const matcher = buildMatcher(BUILT_IN_TERMS);
  const listing = listSeedAcronyms();
  let missing = 0;
  for (const [token, count] of listing) {
    const known = resolveWord(token, matcher);
    const status = known ? `glossary ${known.entry.term}` : NOT_ACRONYMS.has(token) ? 'not an acronym' : 'MISSING';
    if (status === 'MISSING') missing++;
    console.log(`${token.padEnd(12)} ${String(count).padStart(4)}  ${status}`);
  }
  console.log(`${listing.length} acronym-like tokens, ${missing} missing from the glossary and NOT_ACRONYMS`);
  if (process.argv.includes('--write')) {
    writeFileSync(SEED_ACRONYMS_FIXTURE, `${JSON.stringify(Object.fromEntries(listing), null, 1)}\n`);
    console.log(`wrote ${SEED_ACRONYMS_FIXTURE}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
