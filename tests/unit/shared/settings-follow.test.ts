// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const { DEFAULT_SETTINGS, normalizeSettings } = await import('../../../src/shared/settings');

describe('follow settings', () => {
  it('default to following on comment, checks every 30 minutes, and unfollowing after 30 quiet days', () => {
    expect(normalizeSettings(undefined).follow).toEqual({ onComment: true, intervalMinutes: 30, autoUnfollowDays: 30 });
    expect(DEFAULT_SETTINGS.follow).toEqual(normalizeSettings({}).follow);
  });

  it('keep only the offered intervals (15 minutes to 6 hours, or off) and whole days from 0 to 365', () => {
    expect(normalizeSettings({ follow: { intervalMinutes: 0 } }).follow.intervalMinutes).toBe(0);
    expect(normalizeSettings({ follow: { intervalMinutes: 360 } }).follow.intervalMinutes).toBe(360);
    expect(normalizeSettings({ follow: { intervalMinutes: 1 } }).follow.intervalMinutes).toBe(30);
    expect(normalizeSettings({ follow: { intervalMinutes: '15' } }).follow.intervalMinutes).toBe(30);
    expect(normalizeSettings({ follow: { autoUnfollowDays: 9999 } }).follow.autoUnfollowDays).toBe(365);
    expect(normalizeSettings({ follow: { autoUnfollowDays: -3 } }).follow.autoUnfollowDays).toBe(0);
    expect(normalizeSettings({ follow: { autoUnfollowDays: 7.6, onComment: false } }).follow).toMatchObject({
      autoUnfollowDays: 8,
      onComment: false,
    });
  });
});
