import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../support/fake-browser')).createFakeBrowser() }));

import { followSettingsChange } from '../../../src/content/site-gate';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../../src/shared/settings';
import type { Controller } from '../../../src/ui/controller';

describe('settings followed by a live view', () => {
  it('reads the evidence level, strong unless a known level is stored', () => {
    expect(DEFAULT_SETTINGS.threadEvidence).toBe('strong');
    expect(normalizeSettings({}).threadEvidence).toBe('strong');
    expect(normalizeSettings({ threadEvidence: 'all' }).threadEvidence).toBe('all');
    expect(normalizeSettings({ threadEvidence: 'off' }).threadEvidence).toBe('off');
    expect(normalizeSettings({ threadEvidence: 'some' }).threadEvidence).toBe('strong');
  });

  it('relinks the view when the evidence level changes, and only then', () => {
    const setEvidenceLevel = vi.fn();
    const controller = { setEvidenceLevel, actions: { setView: vi.fn(), collapseAll: vi.fn(), expandAll: vi.fn() } } as unknown as Controller;
    followSettingsChange(controller, DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, mutedWords: ['x'] });
    expect(setEvidenceLevel).not.toHaveBeenCalled();
    followSettingsChange(controller, DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, threadEvidence: 'off' });
    expect(setEvidenceLevel).toHaveBeenCalledWith('off');
  });
});
