/** The glossary's public API: what the content script, the UI and the options page import. */
export { attachGlossary, GLOSSARY_CSS } from './attach';
export type { AttachOptions, GlossaryController, GlossarySettings, GlossarySummary, StepResult } from './attach';
export { buildMatcher, findTerms } from './matcher';
export type { Matcher } from './matcher';
export { scanElement, unscanElement, SCANNED_ATTR, TERM_CLASS } from './scan';
export { GlossaryTooltip, TOOLTIP_ID, OPEN_DELAY_MS, CLOSE_DELAY_MS } from './tooltip';
export { BUILT_IN_TERMS } from './terms';
export {
  loadCustomTerms,
  saveCustomTerm,
  removeCustomTerm,
  onCustomTermsChanged,
  validateCustomTerm,
  CUSTOM_TERM_KEY_PREFIX,
} from './custom-terms';
export { mergeGlossary } from './merge';
export type { CustomTerm, GlossaryEntry, GlossarySense, MarkMode, TermHit } from './types';

import { BUILT_IN_TERMS } from './terms';
import { loadCustomTerms } from './custom-terms';
import { mergeGlossary } from './merge';
import type { GlossaryEntry } from './types';

/** Built-in entries with the reader's custom terms over them, ready for attachGlossary({ entries }). */
export async function loadGlossaryEntries(): Promise<GlossaryEntry[]> {
  return mergeGlossary(BUILT_IN_TERMS, await loadCustomTerms());
}
