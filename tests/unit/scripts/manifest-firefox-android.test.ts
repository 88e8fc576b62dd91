/** The Firefox variant declares Firefox for Android (gecko_android) in a way web-ext lint accepts; Chrome's has none of it. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIREFOX_MIN_VERSION, GECKO_ID, manifestFor } from '../../../scripts/manifest';

const repo = resolve(__dirname, '../../..');
const source = JSON.parse(readFileSync(join(repo, 'manifest.json'), 'utf8')) as Record<string, unknown>;
type Gecko = { id: string; strict_min_version: string; data_collection_permissions: { required: string[] } };
type Settings = { gecko: Gecko; gecko_android?: { strict_min_version?: string } };

/** "142.0" → [142, 0], for comparing Firefox versions. */
const versionOf = (text: string) => text.split('.').map(Number);
const atLeast = (a: number[], b: number[]) => (a[0]! - b[0]! || (a[1] ?? 0) - (b[1] ?? 0)) >= 0;

describe('the Firefox manifest variant on Android', () => {
  const firefox = manifestFor(source, 'firefox', '1.2.3').browser_specific_settings as Settings;

  it('declares Firefox for Android with a minimum version', () => {
    expect(firefox.gecko_android?.strict_min_version).toMatch(/^\d+\.\d+$/);
  });

  it('asks Android for no older Firefox than 142, where data_collection_permissions is understood (else web-ext lint warns)', () => {
    // KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION: data_collection_permissions needs Firefox for Android 142.
    expect(firefox.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(atLeast(versionOf(firefox.gecko_android!.strict_min_version!), [142, 0])).toBe(true);
    expect(atLeast(versionOf(firefox.gecko_android!.strict_min_version!), versionOf(FIREFOX_MIN_VERSION))).toBe(true);
  });

  it('keeps the desktop id and minimum beside it', () => {
    expect(firefox.gecko.id).toBe(GECKO_ID);
    expect(firefox.gecko.strict_min_version).toBe(FIREFOX_MIN_VERSION);
  });

  it('leaves the Chrome variant without any Gecko settings', () => {
    expect(manifestFor(source, 'chrome', '1.2.3').browser_specific_settings).toBeUndefined();
  });
});
