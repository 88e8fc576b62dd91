import { beforeEach, describe, expect, it, vi } from 'vitest';

/** A minimal in-memory browser.storage.sync with the 8 KB per-item quota and change events. */
const fake = vi.hoisted(() => {
  const data = new Map<string, unknown>();
  const listeners = new Set<(changes: Record<string, unknown>, area: string) => void>();
  const emit = (changes: Record<string, unknown>) => listeners.forEach((listener) => listener(changes, 'sync'));
  const sync = {
    async get(keys: string[] | null) {
      const wanted = keys ?? [...data.keys()];
      return Object.fromEntries(wanted.filter((key) => data.has(key)).map((key) => [key, structuredClone(data.get(key))]));
    },
    async set(items: Record<string, unknown>) {
      for (const [key, value] of Object.entries(items)) {
        if (key.length + JSON.stringify(value).length > 8192) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      }
      for (const [key, value] of Object.entries(items)) data.set(key, structuredClone(value));
      emit(Object.fromEntries(Object.entries(items).map(([key, newValue]) => [key, { newValue }])));
    },
    async remove(keys: string[]) {
      for (const key of keys) data.delete(key);
      emit(Object.fromEntries(keys.map((key) => [key, { newValue: undefined }])));
    },
  };
  return {
    data,
    browser: {
      storage: { sync, local: sync, onChanged: { addListener: (l: never) => listeners.add(l), removeListener: (l: never) => listeners.delete(l) } },
    },
  };
});
vi.mock('webextension-polyfill', () => ({ default: fake.browser }));

import {
  customTermKey,
  loadCustomTerms,
  onCustomTermsChanged,
  removeCustomTerm,
  saveCustomTerm,
  validateCustomTerm,
} from '../../../../src/features/glossary/custom-terms';

beforeEach(() => fake.data.clear());

describe('validateCustomTerm', () => {
  it('accepts one word with an expansion, trimming spaces', () => {
    expect(validateCustomTerm({ term: ' CAS3 ', expansion: ' Community  Accommodation ', definition: '' })).toEqual({
      ok: true,
      value: { term: 'CAS3', expansion: 'Community Accommodation', definition: '' },
    });
  });

  it.each([
    [{ term: '', expansion: 'x' }, 'Enter the term.'],
    [{ term: 'two words', expansion: 'x' }, 'one word'],
    [{ term: '3PO', expansion: 'x' }, 'starting with a letter'],
    [{ term: 'X'.repeat(30), expansion: 'x' }, 'at most 24'],
    [{ term: 'ABC', expansion: '' }, 'what the term stands for'],
    [{ term: 'ABC', expansion: 'x', definition: 'y'.repeat(700) }, 'at most 600'],
  ])('rejects %o', (input, message) => {
    const result = validateCustomTerm(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.errors.join(' ')).toContain(message);
  });
});

describe('custom terms in storage.sync', () => {
  it('stores one key per term and reads them back sorted, ignoring other keys', async () => {
    fake.data.set('settings', { v: 1 });
    await saveCustomTerm({ term: 'ZZT', expansion: 'Zed', definition: 'Last.' });
    await saveCustomTerm({ term: 'AAX', expansion: 'Ay', definition: 'First.' });
    expect([...fake.data.keys()].sort()).toEqual([customTermKey('AAX'), customTermKey('ZZT'), 'settings'].sort());
    expect((await loadCustomTerms()).map((t) => t.term)).toEqual(['AAX', 'ZZT']);
  });

  it('renaming a term while editing removes its old key', async () => {
    await saveCustomTerm({ term: 'OLDT', expansion: 'Old', definition: '' });
    await saveCustomTerm({ term: 'NEWT', expansion: 'New', definition: '' }, 'OLDT');
    expect((await loadCustomTerms()).map((t) => t.term)).toEqual(['NEWT']);
  });

  it('rejects invalid input without writing', async () => {
    await expect(saveCustomTerm({ term: 'bad term', expansion: 'x' })).rejects.toThrow('one word');
    expect(fake.data.size).toBe(0);
  });

  it('removes a term and tells subscribers the new list', async () => {
    const seen: string[][] = [];
    const stop = onCustomTermsChanged((terms) => seen.push(terms.map((t) => t.term)));
    await saveCustomTerm({ term: 'ABC', expansion: 'x', definition: '' });
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['ABC']));
    await removeCustomTerm('abc');
    await vi.waitFor(() => expect(seen.at(-1)).toEqual([]));
    stop();
  });
});
