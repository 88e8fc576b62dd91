/** The built manifests ask for storage, the reading-list panel and the blog's hosts, and nothing broader; no remote code. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestFor, type Target } from '../../../scripts/manifest';

const repo = resolve(__dirname, '../../..');
const source = JSON.parse(readFileSync(join(repo, 'manifest.json'), 'utf8')) as Record<string, unknown>;

/** The blog's own hosts: the only ones granted at install. */
const BLOG_HOSTS = [
  'https://probationmatters.blogspot.com/*',
  'https://www.probationmatters.blogspot.com/*',
  'https://probationmatters.blogspot.co.uk/*',
];

/** Each permission and why Threadline needs it; anything not listed here fails the test. */
const ALLOWED_PERMISSIONS: Record<Target, Record<string, string>> = {
  chrome: {
    storage: 'settings, collapse state, saved items',
    sidePanel: 'the reading list in Chrome’s side panel',
    activeTab: 'the popup reads the current tab only after the reader clicks the toolbar button',
    scripting: 'runs Threadline on another Blogger blog the reader enabled (registered content script)',
    alarms: 'checks followed posts for new comments in the background, at the interval the reader chose',
  },
  firefox: {
    storage: 'settings, collapse state, saved items',
    activeTab: 'the popup reads the current tab only after the reader clicks the toolbar button',
    scripting: 'runs Threadline on another Blogger blog the reader enabled (registered content script)',
    alarms: 'checks followed posts for new comments in the background, at the interval the reader chose',
  },
};

/** Optional hosts are asked for one blog at a time, when the reader enables it in the popup or options. */
const ALLOWED_OPTIONAL_HOSTS = ['https://*/*', 'http://*/*'];

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  web_accessible_resources?: unknown[];
  content_security_policy?: { extension_pages?: string };
  externally_connectable?: unknown;
};

function manifestsOf(target: Target): Array<[string, Manifest]> {
  const list: Array<[string, Manifest]> = [[`manifestFor(${target})`, manifestFor(source, target, '1.0.0') as Manifest]];
  const built = join(repo, 'dist', target, 'manifest.json');
  if (existsSync(built)) list.push([`dist/${target}/manifest.json`, JSON.parse(readFileSync(built, 'utf8')) as Manifest]);
  return list;
}

describe.each(['chrome', 'firefox'] as const)('%s manifest permissions', (target) => {
  for (const [label, manifest] of manifestsOf(target)) {
    it(`${label}: requests only the listed permissions`, () => {
      const extra = (manifest.permissions ?? []).filter((permission) => !(permission in ALLOWED_PERMISSIONS[target]));
      expect(extra).toEqual([]);
      expect(manifest.permissions).toContain('storage');
      expect(manifest.optional_permissions ?? []).toEqual([]);
    });

    it(`${label}: is granted the blog's hosts only, and runs its content script there only`, () => {
      expect([...(manifest.host_permissions ?? [])].sort()).toEqual([...BLOG_HOSTS].sort());
      for (const script of manifest.content_scripts ?? []) expect([...script.matches].sort()).toEqual([...BLOG_HOSTS].sort());
      const optional = manifest.optional_host_permissions ?? [];
      expect(optional.filter((host) => !ALLOWED_OPTIONAL_HOSTS.includes(host))).toEqual([]);
    });

    it(`${label}: exposes nothing to pages and loads no remote code`, () => {
      expect(manifest.web_accessible_resources ?? []).toEqual([]);
      expect(manifest.externally_connectable).toBeUndefined();
      const csp = manifest.content_security_policy?.extension_pages ?? "script-src 'self'";
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1]?.trim().split(/\s+/) ?? [];
      expect(scriptSrc).toEqual(["'self'"]);
    });
  }
});

describe('the permission check itself', () => {
  it('rejects a broader permission or host when one is added to the source', () => {
    const broader = { ...source, permissions: [...(source.permissions as string[]), 'tabs'], host_permissions: ['<all_urls>'] };
    const manifest = manifestFor(broader, 'chrome', '1.0.0') as Manifest;
    expect((manifest.permissions ?? []).filter((permission) => !(permission in ALLOWED_PERMISSIONS.chrome))).toEqual(['tabs']);
    expect(manifest.host_permissions).not.toEqual(BLOG_HOSTS);
  });
});
