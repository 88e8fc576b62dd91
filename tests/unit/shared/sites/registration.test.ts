import { describe, expect, it } from 'vitest';
import { earlyScriptFor, reconcileSiteScripts, siteScriptId, type RegistrationApi, type SiteScript } from '../../../../src/shared/sites/registration';
import type { SiteSettings } from '../../../../src/shared/settings';

/** A fake of browser.scripting + permissions that behaves like Chrome: duplicate ids are an error. */
function fakeApi(granted: string[], registered: string[] = [], refuse: string[] = []) {
  const scripts = new Map<string, SiteScript | { id: string }>(registered.map((id) => [id, { id }]));
  const api: RegistrationApi = {
    async getRegisteredContentScripts() {
      return [...scripts.values()];
    },
    async registerContentScripts(list) {
      for (const script of list) {
        if (scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        if (refuse.some((host) => script.id.endsWith(host))) throw new Error('refused');
        scripts.set(script.id, script);
      }
    },
    async unregisterContentScripts(filter) {
      for (const id of filter?.ids ?? []) scripts.delete(id);
    },
    async grantedOrigins() {
      return granted;
    },
  };
  return { api, scripts };
}

const on: SiteSettings = { enabled: true, glossary: false };
const off: SiteSettings = { enabled: false, glossary: false };

describe('site script registration', () => {
  it('registers an enabled, granted blog on https and http, with the content script and the early script', async () => {
    const { api, scripts } = fakeApi(['https://b.blogspot.com/*', 'http://b.blogspot.com/*']);
    const result = await reconcileSiteScripts({ 'b.blogspot.com': on }, api);
    expect(result.registered).toEqual(['b.blogspot.com']);
    expect(scripts.get(siteScriptId('b.blogspot.com'))).toMatchObject({
      matches: ['https://b.blogspot.com/*', 'http://b.blogspot.com/*'],
      js: ['content.js'],
      runAt: 'document_idle',
    });
    // As the manifest gives the probation blog: the comment list waits unlaid-out while Threadline reads it.
    expect(scripts.get(earlyScriptFor('b.blogspot.com').id)).toMatchObject({
      matches: ['https://b.blogspot.com/*', 'http://b.blogspot.com/*'],
      js: ['early.js'],
      css: ['early.css'],
      runAt: 'document_start',
    });
  });

  it('gives a blog registered before the early script existed just the early script', async () => {
    const { api, scripts } = fakeApi(['https://b.blogspot.com/*'], [siteScriptId('b.blogspot.com')]);
    const result = await reconcileSiteScripts({ 'b.blogspot.com': on }, api);
    expect(result).toEqual({ registered: ['b.blogspot.com'], unregistered: [], failed: [] });
    expect([...scripts.keys()].sort()).toEqual([earlyScriptFor('b.blogspot.com').id, siteScriptId('b.blogspot.com')].sort());
  });

  it('skips sites that are disabled, not granted, or the built-in probation blog', async () => {
    const { api, scripts } = fakeApi(['https://granted-but-off.blogspot.com/*', 'https://probationmatters.blogspot.com/*']);
    await reconcileSiteScripts({ 'granted-but-off.blogspot.com': off, 'not-granted.blogspot.com': on, 'probationmatters.blogspot.com': on }, api);
    expect(scripts.size).toBe(0);
  });

  it('unregisters a disabled site but never scripts it did not register', async () => {
    const { api, scripts } = fakeApi(
      ['https://b.blogspot.com/*'],
      [siteScriptId('b.blogspot.com'), earlyScriptFor('b.blogspot.com').id, 'someone-else'],
    );
    const result = await reconcileSiteScripts({ 'b.blogspot.com': off }, api);
    expect(result.unregistered).toEqual(['b.blogspot.com']);
    expect([...scripts.keys()]).toEqual(['someone-else']);
  });

  it('is idempotent: a second run registers nothing twice', async () => {
    const { api } = fakeApi(['https://b.blogspot.com/*']);
    await reconcileSiteScripts({ 'b.blogspot.com': on }, api);
    const again = await reconcileSiteScripts({ 'b.blogspot.com': on }, api);
    expect(again).toEqual({ registered: [], unregistered: [], failed: [] });
  });

  it('keeps registering other sites when the browser refuses one', async () => {
    const { api, scripts } = fakeApi(['https://a.blogspot.com/*', 'https://c.blogspot.com/*'], [], ['a.blogspot.com']);
    const result = await reconcileSiteScripts({ 'a.blogspot.com': on, 'c.blogspot.com': on }, api);
    expect(result.failed.map((failure) => failure.host)).toEqual(['a.blogspot.com']);
    expect(scripts.has(siteScriptId('c.blogspot.com'))).toBe(true);
  });
});
