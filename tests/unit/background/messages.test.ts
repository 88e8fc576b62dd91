/** The background's message handler: validates first, refuses a malformed message without calling any browser API. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleMessage } from '../../../src/background/messages';
import { BUILT_IN_TERMS } from '../../../src/features/glossary/terms';
import type { Runtime } from '../../../src/shared/browser';
import { MessageRefusedError } from '../../../src/shared/messages';
import type { ApiCall } from '../support/recording-polyfill';

const calls = vi.hoisted(() => [] as ApiCall[]);
vi.mock('webextension-polyfill', async () => ({ default: (await import('../support/recording-polyfill')).recordingPolyfill(calls) }));

afterEach(() => {
  calls.length = 0;
});

const fromTab = (id?: number) => ({ tab: id === undefined ? undefined : { id }, frameId: 0 }) as Runtime.MessageSender;

describe('handleMessage refuses what does not validate', () => {
  const malformed: [string, unknown][] = [
    ['not an object', 'threadline:badge'],
    ['no type', { text: '1' }],
    ['unknown type', { type: 'threadline:delete-everything' }],
    ['wrong field type', { type: 'threadline:badge', text: 12 }],
    ['missing field', { type: 'threadline:badge' }],
    ['overlong string', { type: 'threadline:open-options', hash: 'x'.repeat(10_000) }],
    ['unknown chunk', { type: 'threadline:load-chunk', chunk: '../background.js' }],
  ];

  for (const [what, message] of malformed) {
    it(`${what}: rejects with the reason and calls no browser API`, async () => {
      const injector = vi.fn(async () => undefined);
      const answer = handleMessage(message, fromTab(4), injector);
      await expect(answer).rejects.toBeInstanceOf(MessageRefusedError);
      await expect(answer).rejects.toThrow(/^Threadline refused a message: content → background: /);
      expect(calls).toEqual([]);
      expect(injector).not.toHaveBeenCalled();
    });
  }
});

describe('handleMessage answers valid messages', () => {
  it('sets the sender tab’s badge', async () => {
    await expect(handleMessage({ type: 'threadline:badge', text: '14' }, fromTab(8))).resolves.toBe(true);
    expect(calls.map((call) => call.path)).toEqual(['action.setBadgeText', 'action.setBadgeBackgroundColor']);
    expect(calls[0]!.args).toEqual([{ tabId: 8, text: '14' }]);
  });

  it('answers false and badges nothing for a sender outside any tab', async () => {
    await expect(handleMessage({ type: 'threadline:badge', text: '14' }, fromTab(undefined))).resolves.toBe(false);
    expect(calls).toEqual([]);
  });

  it('opens the options page at the asked section, stripping characters a URL hash should not carry', async () => {
    await expect(handleMessage({ type: 'threadline:open-options', hash: 'glossary?define=SFO"<x>' }, fromTab(8))).resolves.toBe(true);
    expect(calls).toEqual([
      { path: 'runtime.getURL', args: ['options.html#glossary?define=SFOx'] },
      { path: 'tabs.create', args: [{ url: 'chrome-extension://threadline-test/options.html#glossary?define=SFOx' }] },
    ]);
  });

  it('answers with the built-in glossary', async () => {
    await expect(handleMessage({ type: 'threadline:glossary-terms' }, fromTab(8))).resolves.toBe(BUILT_IN_TERMS);
  });
});
