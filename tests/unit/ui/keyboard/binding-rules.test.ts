import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));
import { bindingConflicts, bindingProblem } from '../../../../src/ui/keyboard/binding-rules';
import { FEATURES } from '../../../../src/features';
import { bindingsOf } from '../../../../src/ui/keyboard/shortcuts';
import { shortcutTable } from '../../../../src/ui/run-features';

const DEFAULT_KEY_BINDINGS = bindingsOf(shortcutTable(FEATURES));

describe('key bindings', () => {
  it('accepts single keys, named keys, modifiers and two-key sequences', () => {
    for (const ok of ['j', 'J', '?', '/', 'g g', 'Enter', 'ArrowDown', 'Ctrl+k', 'shift+x', 'alt+j']) {
      expect(bindingProblem(ok), ok).toBeNull();
    }
  });

  it('rejects empty, long, three-key and unknown named keys', () => {
    expect(bindingProblem('  ')).toMatch(/Enter a key/);
    expect(bindingProblem('a b c')).toMatch(/sequence of two/);
    expect(bindingProblem('Banana')).toMatch(/single character/);
    expect(bindingProblem('Ctrl+ArrowDown+')).not.toBeNull();
  });

  it('finds no conflict in the defaults', () => {
    expect(bindingConflicts(DEFAULT_KEY_BINDINGS).size).toBe(0);
  });

  it('names both actions when two share a key, and when one key starts the other’s sequence', () => {
    const same = bindingConflicts({ ...DEFAULT_KEY_BINDINGS, save: 'j' });
    expect(same.get('save')).toBe('nextComment');
    expect(same.get('nextComment')).toBe('save');
    expect(bindingConflicts({ ...DEFAULT_KEY_BINDINGS, save: 'Shift+x' }).get('save')).toBe('toggleAll');
    const prefix = bindingConflicts({ ...DEFAULT_KEY_BINDINGS, help: 'g' });
    expect(prefix.get('help')).toBe('first');
    expect(prefix.get('first')).toBe('help');
  });
});
