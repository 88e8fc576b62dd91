/** The shortcut table: what features declare (id, default key, label, group), resolved against the reader's bindings. */

/** Where a shortcut is listed in the help dialog and the options page. */
export type ShortcutGroup = 'Move' | 'Threads' | 'Reading' | 'Search' | 'Help';

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = ['Move', 'Threads', 'Search', 'Reading', 'Help'];

/** One shortcut as a feature declares it in its `feature.ts`. */
export interface ShortcutSpec {
  /** Stable id: the key of the reader's binding in settings, and `data-thread-shortcut` in the help dialog. */
  id: string;
  /** The default key sequence ("j", "J", "g g", "?"). */
  key: string;
  /** What it does, in words for the help dialog and the options page. */
  label: string;
  group: ShortcutGroup;
  /** Enter runs it too, when Enter would not activate the focused control (a link, a button). */
  enter?: boolean;
}

/** A shortcut with the key it has now (the reader's binding, else the default). */
export interface ResolvedShortcut extends ShortcutSpec {
  binding: string;
}

/** The table with the reader's bindings laid over the defaults, in declaration order. */
export function resolveShortcuts(table: readonly ShortcutSpec[], bindings: Readonly<Record<string, string>>): ResolvedShortcut[] {
  return table.map((spec) => ({ ...spec, binding: bindings[spec.id] ?? spec.key }));
}

/** The bindings of a resolved table, by id. */
export function bindingsOf(shortcuts: readonly ResolvedShortcut[]): Record<string, string> {
  return Object.fromEntries(shortcuts.map((shortcut) => [shortcut.id, shortcut.binding]));
}
