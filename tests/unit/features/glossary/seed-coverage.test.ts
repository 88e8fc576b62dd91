import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listSeedAcronyms, SEED_ACRONYMS_FIXTURE, SEEDS_DIR } from '../../../../scripts/list-acronyms';
import { findUnknownAcronyms } from '../../../../src/features/glossary/acronym-like';
import { buildMatcher, resolveWord } from '../../../../src/features/glossary/matcher';
import { NOT_ACRONYMS } from '../../../../src/features/glossary/not-acronyms';
import { BUILT_IN_TERMS } from '../../../../src/features/glossary/terms';

const matcher = buildMatcher(BUILT_IN_TERMS);
const fixture = JSON.parse(readFileSync(SEED_ACRONYMS_FIXTURE, 'utf8')) as Record<string, number>;

describe('glossary coverage of the seed captures', () => {
  it('defines every acronym-like token of the seeds, or lists it in NOT_ACRONYMS', () => {
    const uncovered = Object.keys(fixture).filter((token) => !resolveWord(token, matcher) && !NOT_ACRONYMS.has(token));
    expect(uncovered).toEqual([]);
  });

  it.runIf(existsSync(SEEDS_DIR))('keeps the stored listing in step with the seeds (npm exec tsx scripts/list-acronyms.ts --write)', () => {
    expect(Object.fromEntries(listSeedAcronyms())).toEqual(fixture);
  });

  it('covers the common practitioner terms', () => {
    const common = 'MAPPA OM ROSH OGRS RSR SSO CO PSS ETE NOMS HMCTS CPS MARAC OASys PQiP MoJ PoP HofA SFO RAR UPW'.split(' ');
    expect(common.filter((term) => !resolveWord(term, matcher))).toEqual([]);
  });

  it('holds at least 150 entries, each with an expansion and a short definition', () => {
    expect(BUILT_IN_TERMS.length).toBeGreaterThanOrEqual(150);
    for (const entry of BUILT_IN_TERMS) {
      expect(entry.expansion, entry.term).not.toBe('');
      const sentences = entry.definition.split(/[.!?](?:\s|$)/).filter((s) => s.trim()).length;
      expect(sentences, `${entry.term}: ${entry.definition}`).toBeLessThanOrEqual(2);
    }
  });

  it('gives the listed ambiguous terms several senses with context words', () => {
    for (const term of ['PDP', 'AA', 'AP', 'PS', 'MO', 'TR', 'GS', 'CS', 'DD']) {
      const senses = matcher.entries.get(term)?.senses ?? [];
      expect(senses.length, term).toBeGreaterThanOrEqual(2);
      expect(senses[0]?.context.length, term).toBeGreaterThan(0);
    }
  });

  it('lists unknown acronyms as not yet defined, but not shouting or known terms', () => {
    const unknown = findUnknownAcronyms('The XQZ panel met the NPS. WE WARNED YOU. GIFTED TO PRIVATE ENTERPRISE. See ABCs.', matcher);
    expect([...unknown.keys()]).toEqual(['XQZ', 'ABC']);
  });
});
