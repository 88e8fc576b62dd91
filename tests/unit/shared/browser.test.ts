/** src/shared/browser.ts: the browser quirks are handled there, over a stand-in webextension-polyfill. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  canOpenNativeSidebar,
  executeScriptFiles,
  executeScriptFunction,
  isDisconnectedError,
  nativeSidebarKind,
  openNativeSidebar,
  setTabBadge,
  throwFrameErrors,
} from '../../../src/shared/browser';

/** The polyfill stand-in: each test sets the APIs it needs. */
const polyfill = vi.hoisted(() => ({}) as Record<string, unknown>);
vi.mock('webextension-polyfill', () => ({ default: polyfill }));

afterEach(() => {
  for (const key of Object.keys(polyfill)) delete polyfill[key];
});

describe('executeScriptFiles: one shape for both browsers', () => {
  it('rejects with the frame’s error when Firefox reports a failure in the result instead of rejecting', async () => {
    const executeScript = vi.fn(async () => [{ frameId: 0, error: { message: 'feed.js: file not found' } }]);
    polyfill.scripting = { executeScript };
    await expect(executeScriptFiles({ tabId: 3, frameIds: [0] }, ['feed.js'])).rejects.toThrow('feed.js: file not found');
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 3, frameIds: [0] }, files: ['feed.js'] });
  });

  it('finds a failed frame among successful ones, and words a thrown non-Error value', async () => {
    polyfill.scripting = {
      executeScript: async () => [
        { frameId: 0, result: 1 },
        { frameId: 4, error: 'boom' },
      ],
    };
    await expect(executeScriptFiles({ tabId: 3 }, ['content.js'])).rejects.toThrow('boom');
  });

  it('passes Chrome’s rejection through unchanged', async () => {
    polyfill.scripting = { executeScript: async () => Promise.reject(new Error('Cannot access contents of the page')) };
    await expect(executeScriptFiles({ tabId: 3 }, ['content.js'])).rejects.toThrow('Cannot access contents of the page');
  });

  it('resolves when every frame ran (Chrome’s results, Firefox’s without error)', async () => {
    polyfill.scripting = { executeScript: async () => [{ frameId: 0, documentId: 'd', result: undefined }, { frameId: 1 }] };
    await expect(executeScriptFiles({ tabId: 3 }, ['content.js'])).resolves.toBeUndefined();
  });

  it('executeScriptFunction gives the top frame’s result, and rejects on a Firefox in-result error too', async () => {
    polyfill.scripting = { executeScript: async () => [{ frameId: 0, result: { generator: true } }] };
    await expect(executeScriptFunction(3, () => ({ generator: true }))).resolves.toEqual({ generator: true });
    polyfill.scripting = { executeScript: async () => [{ frameId: 0, error: new Error('document is not defined') }] };
    await expect(executeScriptFunction(3, () => 1)).rejects.toThrow('document is not defined');
  });

  it('throwFrameErrors leaves anything but an array of results alone', () => {
    expect(throwFrameErrors(undefined)).toBeUndefined();
    expect(throwFrameErrors([null, { frameId: 0 }])).toEqual([null, { frameId: 0 }]);
  });
});

describe('isDisconnectedError', () => {
  it('recognises Chromium’s and Firefox’s words for an extension gone from under the page', () => {
    expect(isDisconnectedError(new Error('Extension context invalidated.'))).toBe(true);
    expect(isDisconnectedError(new TypeError("can't access dead object"))).toBe(true);
    expect(isDisconnectedError(new Error('Could not establish connection. Receiving end does not exist.'))).toBe(true);
    expect(isDisconnectedError('Error: Extension context invalidated.')).toBe(true);
    expect(isDisconnectedError({ message: 'TypeError: dead object' })).toBe(true);
  });

  it('does not take other failures for one', () => {
    expect(isDisconnectedError(new Error('QUOTA_BYTES quota exceeded'))).toBe(false);
    expect(isDisconnectedError(new Error('Missing host permission for the tab'))).toBe(false);
    expect(isDisconnectedError(undefined)).toBe(false);
  });
});

describe('the native sidebar', () => {
  const chromeScope = (open = vi.fn(async () => undefined)) => ({ scope: { chrome: { sidePanel: { open } } }, open });

  it('uses Chrome’s side panel for the tab when chrome.sidePanel exists', async () => {
    const { scope, open } = chromeScope();
    expect(nativeSidebarKind(scope)).toBe('side-panel');
    expect(canOpenNativeSidebar(scope)).toBe(true);
    await openNativeSidebar(42, scope);
    expect(open).toHaveBeenCalledWith({ tabId: 42 });
  });

  it('uses Firefox’s sidebarAction (no tab) when the chrome global has no sidePanel', async () => {
    const open = vi.fn(async () => undefined);
    polyfill.sidebarAction = { open };
    const firefoxScope = { chrome: { runtime: {} } };
    expect(nativeSidebarKind(firefoxScope)).toBe('sidebar-action');
    await openNativeSidebar(42, firefoxScope);
    expect(open).toHaveBeenCalledWith();
  });

  it('prefers the side panel if both were somehow present', async () => {
    polyfill.sidebarAction = { open: vi.fn() };
    const { scope, open } = chromeScope();
    await openNativeSidebar(7, scope);
    expect(open).toHaveBeenCalledWith({ tabId: 7 });
  });

  it('offers no panel, and refuses to open one, where neither exists', async () => {
    expect(canOpenNativeSidebar({})).toBe(false);
    expect(nativeSidebarKind({ chrome: { sidePanel: {} } })).toBeNull();
    await expect(openNativeSidebar(1, {})).rejects.toThrow('no sidebar in this browser');
  });
});

describe('setTabBadge', () => {
  it('sets the tab’s badge cut to what the badge can show, and its colour', async () => {
    const setBadgeText = vi.fn(async () => undefined);
    const setBadgeBackgroundColor = vi.fn(async () => undefined);
    polyfill.action = { setBadgeText, setBadgeBackgroundColor };
    await setTabBadge(5, '12345678');
    expect(setBadgeText).toHaveBeenCalledWith({ tabId: 5, text: '1234' });
    expect(setBadgeBackgroundColor).toHaveBeenCalledWith({ tabId: 5, color: '#0a5bc4' });
  });
});
