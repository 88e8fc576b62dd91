/** Merges the reader's custom terms over the built-in glossary (pure: no storage). */
import type { CustomTerm, GlossaryEntry } from './types';

/**
 * Built-in entries with the reader's terms over them. A custom term replaces the built-in entry of the same
 * spelling (any case) and inherits its spellings, so "OASYS" defined by the reader still covers "OASys".
 */
export function mergeGlossary(builtIn: readonly GlossaryEntry[], custom: readonly CustomTerm[]): GlossaryEntry[] {
  const builtInByLower = new Map(builtIn.map((entry) => [entry.term.toLowerCase(), entry]));
  const customEntries: GlossaryEntry[] = custom.map((t) => {
    const replaced = builtInByLower.get(t.term.toLowerCase());
    const forms = replaced ? [replaced.term, ...(replaced.forms ?? [])].filter((form) => form !== t.term) : [];
    return {
      term: t.term,
      expansion: t.expansion,
      definition: t.definition || 'No definition given.',
      custom: true,
      ...(forms.length > 0 ? { forms } : {}),
      ...(t.lowercaseSafe ? { lowercaseSafe: true } : {}),
    };
  });
  const overridden = new Set(custom.map((t) => t.term.toLowerCase()));
  return [...builtIn.filter((entry) => !overridden.has(entry.term.toLowerCase())), ...customEntries];
}
