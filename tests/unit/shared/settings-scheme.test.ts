/** The colour-scheme setting: system by default, light or dark when chosen, anything else back to system. */
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../support/fake-browser')).createFakeBrowser() }));

import { DEFAULT_SETTINGS, normalizeSettings } from '../../../src/shared/settings';
import { applyScheme } from '../../../src/ui/theme/scheme';

describe('colorScheme setting', () => {
  it('defaults to the system, keeps light and dark, and drops anything else', () => {
    expect(DEFAULT_SETTINGS.colorScheme).toBe('system');
    expect(normalizeSettings({}).colorScheme).toBe('system');
    expect(normalizeSettings({ colorScheme: 'dark' }).colorScheme).toBe('dark');
    expect(normalizeSettings({ colorScheme: 'light' }).colorScheme).toBe('light');
    expect(normalizeSettings({ colorScheme: 'sepia' }).colorScheme).toBe('system');
  });

  it('sets data-tl-scheme for light and dark and removes it for the system', () => {
    const element = { attributes: new Map<string, string>() } as unknown as Element & { attributes: Map<string, string> };
    const calls: string[] = [];
    element.setAttribute = (name: string, value: string) => void calls.push(`${name}=${value}`);
    element.removeAttribute = (name: string) => void calls.push(`-${name}`);
    applyScheme(element, 'dark');
    applyScheme(element, 'system');
    expect(calls).toEqual(['data-tl-scheme=dark', '-data-tl-scheme']);
  });
});
