/** Keyboard-binding rules for the options page: labels, validation and conflict detection. */
import { KEY_ACTIONS, type KeyAction } from '../../shared/settings';
import { parseBinding } from './bindings';

export const KEY_ACTION_LABELS: Record<KeyAction, string> = {
  nextComment: 'Next comment',
  previousComment: 'Previous comment',
  nextThread: 'Next thread',
  previousThread: 'Previous thread',
  parent: 'Go to parent',
  toggleThread: 'Collapse or expand thread',
  toggleAll: 'Collapse or expand all',
  nextNew: 'Next new comment',
  focusSearch: 'Search comments',
  save: 'Save comment',
  first: 'First comment',
  last: 'Last comment',
  help: 'Show keyboard help',
  sidebar: 'Open reading list',
};

/** One key: a printable character, or a named key such as "Enter", "ArrowDown", optionally with Ctrl/Alt/Meta. */
const ONE_KEY = /^(?:(?:Ctrl|Alt|Meta)\+)*(?:\S|Enter|Escape|Space|Tab|Backspace|Delete|Home|End|PageUp|PageDown|Arrow(?:Up|Down|Left|Right)|F\d{1,2})$/;

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
 * Pairs of actions whose bindings collide: the same sequence, or one a prefix of the other ("g" and "g g": the
 * first key would fire before the sequence completes). Each action maps to the action it collides with.
 */
export function bindingConflicts(bindings: Record<KeyAction, string>): Map<KeyAction, KeyAction> {
  const conflicts = new Map<KeyAction, KeyAction>();
  const normal = (binding: string) => parseBinding(binding).join(' ');
  for (const a of KEY_ACTIONS) {
    for (const b of KEY_ACTIONS) {
      if (a === b) continue;
      const first = normal(bindings[a]);
      const second = normal(bindings[b]);
      if (first === second || second.startsWith(`${first} `)) {
        if (!conflicts.has(a)) conflicts.set(a, b);
        if (!conflicts.has(b)) conflicts.set(b, a);
      }
    }
  }
  return conflicts;
}
