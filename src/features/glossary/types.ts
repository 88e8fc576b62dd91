/** Shared shapes of the probation glossary: entries, senses, the compiled matcher's hits and scan options. */

/** One meaning of an ambiguous term, chosen when its context words appear near the occurrence. */
export interface GlossarySense {
  expansion: string;
  /** One or two plain-English sentences, in our own words. Says "unknown" when the meaning is not known. */
  definition: string;
  /** Lower-case words that, found near an occurrence, choose this sense. Empty: never chosen by context. */
  context: string[];
}

/** One glossary entry. `term` is the canonical form and keeps its mixed case (MoJ, PQiP, OASys). */
export interface GlossaryEntry {
  term: string;
  expansion: string;
  definition: string;
  /** Several meanings; the first is the default when no context word decides. */
  senses?: GlossarySense[];
  /** Extra surface forms matched exactly (irregular spellings, e.g. HMPpS). Plurals and possessives are automatic. */
  forms?: string[];
  /** The all-lower-case form (e.g. "hmpps") may be marked: it is not an English word. */
  lowercaseSafe?: boolean;
  /** The upper-case form is also an ordinary English word (IT, TOM): never marked inside a shouted run of capitals. */
  englishWord?: boolean;
  /** Not the term right after a number ("3 PM", "10 AM"). */
  notAfterNumber?: boolean;
  /** Not the term when it opens a line and is followed by ":" or "." ("PS: ..." is a postscript). */
  notAsLineOpener?: boolean;
  /** True for the reader's own terms (from the options page). */
  custom?: boolean;
}

/** Which occurrences the scanner marks: every one, or the first of each term in each unit (one comment). */
export type MarkMode = 'every' | 'first';

export interface FindOptions {
  /** 'first': only the first occurrence of each term in the text given (one comment = one unit). */
  mode?: MarkMode;
  /** Terms already marked in this unit (first-per-unit across several text nodes); updated in place. */
  seen?: Set<string>;
}

/** One occurrence of a glossary term in a string. `end` excludes a possessive suffix ('s, '). */
export interface TermHit {
  start: number;
  end: number;
  /** Canonical form of the entry. */
  term: string;
  /** Index into the entry's senses chosen by context; 0 when the entry has no senses or nothing decided. */
  senseIndex: number;
}

/** A term the reader added on the options page (stored in browser.storage.sync). */
export interface CustomTerm {
  term: string;
  expansion: string;
  definition: string;
  /** Also mark the all-lower-case form. */
  lowercaseSafe?: boolean;
}
