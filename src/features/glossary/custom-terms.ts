/** The reader's own glossary terms: validated, one browser.storage.sync key each, merged over the built-in list. */
import { onAreaChanged, readKeys, removeKeys, writeKeys } from '../../shared/storage';
import type { CustomTerm } from './types';

/**
 * One sync key per term ("glossary.custom.v1:" + lower-cased term). Why not one list: sync allows only 8 KB per
 * item, so a single list would cap the reader at a few dozen terms, and two devices editing different terms would
 * overwrite each other. Per-term keys allow hundreds (sync allows 512 items, 100 KB in all).
 */
export const CUSTOM_TERM_KEY_PREFIX = 'glossary.custom.v1:';
export const MAX_CUSTOM_TERMS = 300;
export const LIMITS = { term: 24, expansion: 120, definition: 600 } as const;
/** browser.storage.sync's per-item quota (QUOTA_BYTES_PER_ITEM), counted as key + JSON value. */
const SYNC_ITEM_QUOTA_BYTES = 8192;

export type { CustomTerm } from './types';
export { mergeGlossary } from './merge';

export type Validation = { ok: true; value: CustomTerm } | { ok: false; errors: string[] };

export function customTermKey(term: string): string {
  return CUSTOM_TERM_KEY_PREFIX + term.toLowerCase();
}

/** Check and tidy a term typed by the reader. The term must be one word the scanner can match. */
export function validateCustomTerm(input: Partial<CustomTerm>): Validation {
  const value: CustomTerm = {
    term: (input.term ?? '').trim(),
    expansion: (input.expansion ?? '').trim().replace(/\s+/g, ' '),
    definition: (input.definition ?? '').trim().replace(/\s+/g, ' '),
    ...(input.lowercaseSafe ? { lowercaseSafe: true } : {}),
  };
  const errors: string[] = [];
  if (!value.term) errors.push('Enter the term.');
  else if (!/^\p{L}[\p{L}\p{N}]*(?:&\p{L}[\p{L}\p{N}]*)*$/u.test(value.term)) {
    errors.push('The term must be one word of letters and digits, starting with a letter (e.g. RoSH, CAS3).');
  }
  if (value.term.length > LIMITS.term) errors.push(`The term can be at most ${LIMITS.term} characters.`);
  if (!value.expansion) errors.push('Enter what the term stands for.');
  if (value.expansion.length > LIMITS.expansion) errors.push(`The expansion can be at most ${LIMITS.expansion} characters.`);
  if (value.definition.length > LIMITS.definition) errors.push(`The definition can be at most ${LIMITS.definition} characters.`);
  const bytes = new TextEncoder().encode(customTermKey(value.term) + JSON.stringify(value)).length;
  if (bytes > SYNC_ITEM_QUOTA_BYTES) errors.push('This term is too long to sync.');
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

function isCustomTerm(value: unknown): value is CustomTerm {
  const record = value as Partial<CustomTerm> | null;
  return typeof record?.term === 'string' && typeof record.expansion === 'string' && typeof record.definition === 'string';
}

/** Custom terms from a storage snapshot (ignores other keys and malformed values). */
export function customTermsFromItems(items: Record<string, unknown>): CustomTerm[] {
  return Object.entries(items)
    .filter(([key, value]) => key.startsWith(CUSTOM_TERM_KEY_PREFIX) && isCustomTerm(value))
    .map(([, value]) => value as CustomTerm)
    .sort((a, b) => a.term.localeCompare(b.term));
}

export async function loadCustomTerms(): Promise<CustomTerm[]> {
  return customTermsFromItems(await readKeys('sync', null));
}

/**
 * Save (add or edit) a term. `previousTerm` is the term being edited when the reader renamed it: its old key goes.
 * Throws the validation errors joined, or QuotaError from the storage wrapper.
 */
export async function saveCustomTerm(input: Partial<CustomTerm>, previousTerm?: string): Promise<CustomTerm> {
  const checked = validateCustomTerm(input);
  if (!checked.ok) throw new Error(checked.errors.join(' '));
  const existing = await loadCustomTerms();
  const isNew = !existing.some((t) => t.term.toLowerCase() === checked.value.term.toLowerCase());
  if (isNew && !previousTerm && existing.length >= MAX_CUSTOM_TERMS) {
    throw new Error(`You can keep at most ${MAX_CUSTOM_TERMS} terms of your own.`);
  }
  await writeKeys('sync', { [customTermKey(checked.value.term)]: checked.value });
  if (previousTerm && previousTerm.toLowerCase() !== checked.value.term.toLowerCase()) {
    await removeKeys('sync', [customTermKey(previousTerm)]);
  }
  return checked.value;
}

export async function removeCustomTerm(term: string): Promise<void> {
  await removeKeys('sync', [customTermKey(term)]);
}

/** Call back with the full custom list whenever any custom term changes (in this or another window or device). */
export function onCustomTermsChanged(listener: (terms: CustomTerm[]) => void): () => void {
  return onAreaChanged('sync', (changes) => {
    if (Object.keys(changes).some((key) => key.startsWith(CUSTOM_TERM_KEY_PREFIX))) {
      void loadCustomTerms().then(listener);
    }
  });
}
