import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));

import { KeySequenceMatcher, keyName, parseBinding } from '../../../../src/ui/keyboard/bindings';
import { FEATURES } from '../../../../src/features';
import { bindingsOf } from '../../../../src/ui/keyboard/shortcuts';
import { shortcutTable } from '../../../../src/ui/run-features';

const DEFAULT_KEY_BINDINGS = bindingsOf(shortcutTable(FEATURES));

const key = (k: string, mods: Partial<{ ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

describe('keyName', () => {
  it('names typed characters as typed and prefixes held modifiers', () => {
    expect(keyName(key('J'))).toBe('J');
    expect(keyName(key('?'))).toBe('?');
    expect(keyName(key('k', { ctrlKey: true }))).toBe('Ctrl+k');
    expect(keyName(key(' '))).toBe('Space');
  });

  it('ignores a lone modifier key', () => {
    expect(keyName(key('Shift'))).toBeNull();
  });
});

describe('parseBinding', () => {
  it('splits sequences and writes Shift+letter as the capital letter', () => {
    expect(parseBinding('g g')).toEqual(['g', 'g']);
    expect(parseBinding('Shift+x')).toEqual(['X']);
    expect(parseBinding('ctrl+k')).toEqual(['Ctrl+k']);
  });
});

describe('KeySequenceMatcher', () => {
  it('maps the default single keys to their actions, case-sensitively', () => {
    const matcher = new KeySequenceMatcher(DEFAULT_KEY_BINDINGS);
    expect(matcher.feed('j', 0)).toEqual({ action: 'nextComment' });
    expect(matcher.feed('J', 10)).toEqual({ action: 'nextThread' });
    expect(matcher.feed('G', 20)).toEqual({ action: 'last' });
    expect(matcher.feed('q', 30)).toBeNull();
  });

  it('recognises "g g" only when both keys come within the timeout', () => {
    const matcher = new KeySequenceMatcher(DEFAULT_KEY_BINDINGS, 1000);
    expect(matcher.feed('g', 0)).toBe('pending');
    expect(matcher.feed('g', 500)).toEqual({ action: 'first' });
    expect(matcher.feed('g', 2000)).toBe('pending');
    expect(matcher.feed('g', 3500)).toBe('pending');
  });

  it('starts over from a key that does not continue the pending sequence', () => {
    const matcher = new KeySequenceMatcher(DEFAULT_KEY_BINDINGS);
    expect(matcher.feed('g', 0)).toBe('pending');
    expect(matcher.feed('j', 10)).toEqual({ action: 'nextComment' });
    expect(matcher.feed('g', 20)).toBe('pending');
  });

  it('follows changed bindings', () => {
    const matcher = new KeySequenceMatcher({ ...DEFAULT_KEY_BINDINGS, nextComment: 'Ctrl+n' });
    expect(matcher.feed('j', 0)).toBeNull();
    expect(matcher.feed('Ctrl+n', 10)).toEqual({ action: 'nextComment' });
  });
});
