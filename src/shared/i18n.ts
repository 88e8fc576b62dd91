/**
 * The interface's words: `t(key, ...substitutions)` looks a message up in `_locales/<lang>/messages.json`
 * (assets/_locales), the platform's own format, so a translation is a new file and not a code change.
 *
 * This module is pure: each extension entry installs the browser's lookup (`useBrowserMessages` in
 * src/shared/i18n-browser.ts), and the unit tests install the English file read from disk.
 */
import type english from '../../assets/_locales/en/messages.json';

/** Every message the interface may show; a misspelt key is a type error. */
export type MessageKey = keyof typeof english;

/** One entry of a messages.json file, as both browsers read it. */
export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

/** Finds a message by key, with up to nine substitutions; answers '' for an unknown key (as browser.i18n does). */
export type MessageLookup = (key: string, substitutions: string[]) => string;

let lookup: MessageLookup | null = null;

/** Install where messages come from (once per entry: content script, chunk, page, background). */
export function installMessages(next: MessageLookup): void {
  lookup = next;
}

/** The message for `key` in the reader's language, with `$1`…`$9` (through named placeholders) filled in. */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  const text = lookup?.(key, substitutions.map(String)) ?? '';
  return text === '' ? key : text;
}

/** Stand-ins for $1…$9 (private-use characters no message holds): asked for once, the browser places each where it goes. */
export const SUBSTITUTION_MARKERS = Array.from({ length: 9 }, (_, index) => `\uE000${index + 1}\uE001`);
const MARKER = /\uE000(\d)\uE001/g;

/**
 * A message the browser gave for SUBSTITUTION_MARKERS, with the real substitutions put in (missing ones empty, as
 * the browser leaves them): one lookup per key instead of one per distinct set of substitutions.
 */
export function fillTemplate(template: string, substitutions: readonly string[]): string {
  return template.includes('\uE000') ? template.replace(MARKER, (_, digit: string) => substitutions[Number(digit) - 1] ?? '') : template;
}

/**
 * What browser.i18n does with one entry: named placeholders (`$COUNT$`, case-insensitive) become their content,
 * `$1`…`$9` in that content (or the message) become substitutions, and `$$` is a dollar sign.
 */
export function formatMessage(entry: MessageEntry, substitutions: readonly string[]): string {
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toLowerCase(), value.content]));
  const positional = (text: string) => text.replace(/\$(\d)/g, (_, digit: string) => substitutions[Number(digit) - 1] ?? '');
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const content = placeholders.get(name.toLowerCase());
      return content === undefined ? whole : positional(content);
    })
    .replace(/\$\$|\$(\d)/g, (whole, digit?: string) => (digit ? (substitutions[Number(digit) - 1] ?? '') : '$'));
}
