/** The e2e harness's pure helpers: RDP framing, browser discovery, Chromium extension ids, npm start's choices. */
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseFixture, lacksDisplay } from '../../../scripts/start';
import { findBrowser } from '../../../scripts/find-browsers';
import { RdpFrameReader, rdpFrame } from '../../e2e/support/firefox-rdp';
import { chromiumExtensionId } from '../../e2e/support/launch';

describe('RDP framing', () => {
  it('reassembles packets split across chunks and counts bytes, not characters', () => {
    const reader = new RdpFrameReader();
    const bytes = Buffer.concat([rdpFrame({ from: 'root', text: 'café ✓' }), rdpFrame({ from: 'server1.conn0.addonsActor2' })]);
    const packets = [...reader.push(bytes.subarray(0, 7)), ...reader.push(bytes.subarray(7, 30)), ...reader.push(bytes.subarray(30))];
    expect(packets).toEqual([{ from: 'root', text: 'café ✓' }, { from: 'server1.conn0.addonsActor2' }]);
  });

  it('rejects a frame whose length prefix is not a number', () => {
    expect(() => new RdpFrameReader().push(Buffer.from('abc:{}'))).toThrow(/malformed/);
  });
});

describe('findBrowser', () => {
  it('prefers the env override and otherwise searches PATH for the known names', () => {
    const dir = mkdtempSync(join(tmpdir(), 'find-browsers-'));
    const fake = join(dir, 'firefox-esr');
    writeFileSync(fake, '#!/bin/sh\n');
    chmodSync(fake, 0o755);
    const custom = join(dir, 'my-firefox');
    writeFileSync(custom, '#!/bin/sh\n');
    chmodSync(custom, 0o755);
    expect(findBrowser('firefox', { PATH: dir, FIREFOX_PATH: custom })).toBe(custom);
    const found = findBrowser('firefox', { PATH: dir });
    expect([fake, '/usr/bin/firefox-esr']).toContain(found);
  });

  it('falls back to the search when the override is not executable', () => {
    const found = findBrowser('chromium', { PATH: '', CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(found).not.toBe('/nonexistent/chromium');
  });
});

describe('chromiumExtensionId', () => {
  it('maps the SHA-256 of the path to 32 letters a-p, stable per path', () => {
    const id = chromiumExtensionId('/work/main/dist/chrome');
    expect(id).toMatch(/^[a-p]{32}$/);
    expect(chromiumExtensionId('/work/main/dist/chrome')).toBe(id);
    expect(chromiumExtensionId('/elsewhere/dist/chrome')).not.toBe(id);
  });
});

describe('npm start', () => {
  const pages = [
    { name: 'label', url: 'https://x/search/label/A', layout: undefined, commentCount: 0 },
    { name: 'flat', url: 'https://x/flat.html', layout: 'flat-v2', commentCount: 10 },
    { name: 'threaded', url: 'https://x/t.html', layout: 'threaded-v2', commentCount: 20 },
  ];

  it('opens a threaded post with comments unless a fixture is named', () => {
    expect(chooseFixture(pages, undefined).name).toBe('threaded');
    expect(chooseFixture(pages, 'flat').name).toBe('flat');
    expect(() => chooseFixture(pages, 'missing')).toThrow(/no fixture named "missing"/);
  });

  it('knows when Linux has no display to open a window on', () => {
    expect(lacksDisplay({}, 'linux')).toBe(true);
    expect(lacksDisplay({ DISPLAY: ':99' }, 'linux')).toBe(false);
    expect(lacksDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(false);
    expect(lacksDisplay({}, 'darwin')).toBe(false);
  });
});

describe('Playwright pin', () => {
  // 1.65 sends emulation.setMediaFeaturesOverride, which Debian's Firefox ESR rejects: the Firefox project breaks.
  it('stays on exactly 1.64.1, declared and installed', () => {
    const root = join(import.meta.dirname, '..', '..', '..');
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(manifest.devDependencies['@playwright/test']).toBe('1.64.1');
    expect(manifest.devDependencies['playwright-core']).toBe('1.64.1');
    for (const name of ['@playwright/test', 'playwright-core', 'playwright']) {
      const installed = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
      expect(installed.version, name).toBe('1.64.1');
    }
  });
});
