import { describe, expect, it } from 'vitest';
import { findNameMentions, findSignature, isAddressableName, nameKey, type NameLookup } from '../../../src/threads/signatures';

const lookup = (keys: string[]): NameLookup => {
  const known = new Set(keys);
  return { has: (key) => known.has(key), firstWords: () => keys.map((key) => key.split(' ')[0]!) };
};

describe('findSignature', () => {
  it.each([
    ["Recalls are up again.\n\n'Getafix", 'Getafix'],
    ["Recalls are up again. 'Getafix", 'Getafix'],
    ['Recalls are up again.\n- Pearly Gates', 'Pearly Gates'],
    ['Recalls are up again - Pearly Gates', 'Pearly Gates'],
    ['Recalls are up again.\nPearly Gates\n', 'Pearly Gates'],
  ])('finds the name signing %j', (text, name) => {
    expect(findSignature(text)?.name).toBe(name);
  });

  it.each([
    ['Hi Ian.\nYou did well.\nBye Ian.'],
    ['it is what it is\nrainbows & unicorns'],
    ['Recalls are up.\nHMP Wealstun'],
    ['Pearly Gates'],
    ['Good point - Anon'],
    ['He can’t explain what he doesn’t understand'],
  ])('finds no signature in %j', (text) => {
    expect(findSignature(text)).toBeNull();
  });
});

describe('names', () => {
  it('compares names without case, possessive or apostrophes', () => {
    expect(nameKey("Getafix's")).toBe('getafix');
    expect(nameKey('‘Getafix')).toBe('getafix');
    expect(isAddressableName('Anonymous')).toBe(false);
    expect(isAddressableName('Getafix')).toBe(true);
  });

  it('finds mentions of known names, longest first, in any case', () => {
    const mentions = findNameMentions(
      "In agreement with Getafix's point; pearly gates too, and getafix",
      lookup(['getafix', 'pearly gates', 'pearly']),
    );
    expect(mentions.map((m) => m.key)).toEqual(['getafix', 'pearly gates', 'getafix']);
  });

  it('does not count an apostrophe-prefixed name mid-text as a mention', () => {
    expect(findNameMentions("What 'Getafix really finds shocking", lookup(['getafix']))).toEqual([]);
  });
});
