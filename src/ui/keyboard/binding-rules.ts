/** Rules for key bindings the reader types (options page): what one binding may be, and which bindings collide. */
import { parseBinding } from './bindings';

/** One key: a printable character, or a named key such as "Enter", "ArrowDown", optionally with Ctrl/Alt/Meta. */
const ONE_KEY =
  /^(?:(?:Ctrl|Alt|Meta)\+)*(?:\S|Enter|Escape|Space|Tab|Backspace|Delete|Home|End|PageUp|PageDown|Arrow(?:Up|Down|Left|Right)|F\d{1,2})$/;

/** Why a binding is invalid, or null when it is fine: one key, or a sequence of two keys separated by a space. */
export function bindingProblem(binding: string): string | null {
  const value = binding.trim();
  if (!value) return 'Enter a key.';
  if (value.length > 12) return 'Use at most 12 characters.';
  const keys = parseBinding(value);
  if (keys.length > 2) return 'Use one key or a sequence of two keys, such as "g g".';
  if (!keys.every((key) => ONE_KEY.test(key))) return 'Use a single character or a key name such as "Enter".';
  return null;
}

/**
 * Pairs of shortcuts whose bindings collide: the same sequence, or one a prefix of the other ("g" and "g g": the
 * first key would fire before the sequence completes). Each id maps to the id it collides with.
 */
export function bindingConflicts(bindings: Readonly<Record<string, string>>): Map<string, string> {
  const conflicts = new Map<string, string>();
  const normal = Object.entries(bindings).map(([id, binding]) => [id, parseBinding(binding).join(' ')] as const);
  for (const [a, first] of normal) {
    for (const [b, second] of normal) {
      if (a === b) continue;
      if (first === second || second.startsWith(`${first} `)) {
        if (!conflicts.has(a)) conflicts.set(a, b);
        if (!conflicts.has(b)) conflicts.set(b, a);
      }
    }
  }
  return conflicts;
}
