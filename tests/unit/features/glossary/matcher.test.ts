import { describe, expect, it } from 'vitest';
import { buildMatcher, findTerms } from '../../../../src/features/glossary/matcher';
import { BUILT_IN_TERMS } from '../../../../src/features/glossary/terms';
import { mergeGlossary } from '../../../../src/features/glossary/merge';

const matcher = buildMatcher(BUILT_IN_TERMS);
const marked = (text: string) => findTerms(text, matcher).map((hit) => text.slice(hit.start, hit.end));
const terms = (text: string) => findTerms(text, matcher).map((hit) => hit.term);
const senseOf = (text: string, term: string) => {
  const hit = findTerms(text, matcher).find((h) => h.term === term);
  const entry = matcher.entries.get(term);
  return hit ? (entry?.senses?.[hit.senseIndex]?.expansion ?? entry?.expansion) : undefined;
};

describe('findTerms forms', () => {
  it('matches plurals and possessives to the canonical term, leaving the apostrophe outside', () => {
    const text = "PSOs and PO's and SPOs' rotas at two CRCs";
    expect(terms(text)).toEqual(['PSO', 'PO', 'SPO', 'CRC']);
    expect(marked(text)).toEqual(['PSOs', 'PO', 'SPOs', 'CRCs']);
  });

  it('keeps mixed-case canonical forms and accepts their all-caps variants', () => {
    expect(terms('MoJ PQiP OASys PoP HofA')).toEqual(['MoJ', 'PQiP', 'OASys', 'PoP', 'HofA']);
    expect(terms('OASYS PQIP NAPO MOJ')).toEqual(['OASys', 'PQiP', 'Napo', 'MoJ']);
  });

  it('does not turn a mixed-case term into an English word in capitals (POP)', () => {
    expect(terms('POP goes the weasel')).toEqual([]);
  });

  it('marks lower-case forms only for entries marked safe', () => {
    expect(terms('hmpps pso aco spo moj napo')).toEqual(['HMPPS', 'PSO', 'ACO', 'SPO', 'MoJ', 'Napo']);
    expect(terms('ap tr cs dd mo it tom')).toEqual([]);
  });

  it('decides po: lower-case "po" is a probation officer, but not inside po-faced', () => {
    expect(terms('can a po do 60 hours a week')).toEqual(['PO']);
    expect(terms('a po-faced reply')).toEqual([]);
  });

  it('does not mark title-case words that merely spell a term (Tom, It, Co)', () => {
    expect(terms('Tom said It was Co-op')).toEqual([]);
  });

  it('does not mark a term glued to digits (3PM, 32gb) or PM after a time', () => {
    expect(terms('at 3PM and at 3 PM the PM spoke')).toEqual(['PM']);
  });
});

describe('findTerms shouting and link text', () => {
  it('never marks shouted English words', () => {
    expect(terms('the words WE WARNED YOU spring to mind; NOTHING has changed; BULL. SHIT.')).toEqual([]);
    expect(terms('AVERAGE scores were LESS THAN 20% - OR worse; IF so AND NO-ONE cares')).toEqual([]);
  });

  it('skips a term that is an English word when it sits among shouted words, but not on its own', () => {
    expect(terms('I DID IT AGAIN')).toEqual([]);
    expect(terms('How will IT systems work?')).toEqual(['IT']);
    expect(terms('The TOM sets out how RARs work')).toEqual(['TOM', 'RAR']);
  });

  it('still marks real acronyms inside a shouted sentence', () => {
    expect(terms('WHY DOES THE NPS NEVER LISTEN')).toEqual(['NPS']);
  });

  it('skips URLs, e-mail addresses, handles and bare domains', () => {
    const text = 'see https://www.gov.uk/hmpps/NPS or mail info@napo.org.uk, follow @HMPPS, justice.gov.uk/PSO; the NPS replied';
    expect(terms(text)).toEqual(['NPS']);
    expect(findTerms(text, matcher)[0]?.start).toBe(text.lastIndexOf('NPS'));
  });

  it('keeps slash-joined acronyms (NPS/CRC)', () => {
    expect(terms('the NPS/CRC split')).toEqual(['NPS', 'CRC']);
  });
});

describe('findTerms senses', () => {
  it('chooses the sense whose context words are near', () => {
    expect(senseOf('taking account of PDP contracts not being progressed by the provider', 'PDP')).toBe('Probation Delivery Partner');
    expect(senseOf('my manager set objectives in my PDP at appraisal', 'PDP')).toBe('Personal development plan');
    expect(senseOf('3 AAs for missed appointments and you get a breach warning', 'AA')).toBe('Acceptable absence');
    expect(senseOf('he goes to AA meetings to stay sober', 'AA')).toBe('Alcoholics Anonymous');
    expect(senseOf('eight SIM cards and three mobile phones', 'SIM')).toBe('Subscriber identity module');
    expect(senseOf('Deputy roles at DD level in senior management', 'DD')).toBe('Deputy Director');
  });

  it('keeps the first sense when nothing decides', () => {
    expect(senseOf('What about the GS?', 'GS')).toBe('General Secretary');
  });

  it('does not mark PS opening a line as a postscript, but marks it mid-sentence', () => {
    expect(terms('PS: is the inspectorate aware?')).toEqual([]);
    expect(terms('first line\n  PS. another thought')).toEqual([]);
    expect(senseOf('stress across the PS at the moment', 'PS')).toBe('Probation Service');
  });
});

describe('findTerms options and custom terms', () => {
  it("marks only each term's first occurrence in 'first' mode, sharing `seen` across calls", () => {
    const seen = new Set<string>();
    expect(findTerms('NPS and NPS and CRC', matcher, { mode: 'first', seen }).map((h) => h.term)).toEqual(['NPS', 'CRC']);
    expect(findTerms('NPS again, then SPO', matcher, { mode: 'first', seen }).map((h) => h.term)).toEqual(['SPO']);
  });

  it('lets custom terms replace built-in ones and add new ones', () => {
    const merged = buildMatcher(
      mergeGlossary(BUILT_IN_TERMS, [
        { term: 'OASYS', expansion: 'My own OASys', definition: 'Mine.' },
        { term: 'XYZ', expansion: 'Example', definition: '' },
      ]),
    );
    const hits = findTerms('OASys and OASYS and XYZs', merged);
    expect(hits.map((h) => h.term)).toEqual(['OASYS', 'OASYS', 'XYZ']);
    expect(merged.entries.get('OASYS')?.expansion).toBe('My own OASys');
    expect(merged.entries.has('OASys')).toBe(false);
  });
});
