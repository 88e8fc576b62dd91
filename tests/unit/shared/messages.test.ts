/** src/shared/messages.ts: each direction's validator accepts every valid message and refuses malformed ones, saying why. */
import { MarkRegistry } from '../../../src/ui/marks';
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { answerPopupMessage, type PopupBridgeSource } from '../../../src/content/popup-bridge';
import { CHUNK_NAMES, type ChunkInjection } from '../../../src/shared/chunks';
import {
  MAX_BADGE_TEXT,
  MAX_OPTIONS_HASH,
  MessageRefusedError,
  parseContentToBackgroundMessage,
  parseOptionsToBackgroundMessage,
  parsePopupToContentMessage,
  sendToBackground,
  sendToContent,
  type PageState,
} from '../../../src/shared/messages';
import type { ApiCall } from '../support/recording-polyfill';

const calls = vi.hoisted(() => [] as ApiCall[]);
vi.mock('webextension-polyfill', async () => ({ default: (await import('../support/recording-polyfill')).recordingPolyfill(calls) }));

afterEach(() => {
  calls.length = 0;
});

const refusal = (result: { ok: boolean; error?: string }) => (result.ok ? 'accepted' : result.error);

describe('content → background', () => {
  it('accepts each valid message, rebuilt from its known fields only', () => {
    const valid = [
      { type: 'threadline:badge', text: '14' },
      { type: 'threadline:badge', text: '' },
      { type: 'threadline:badge', text: 'x'.repeat(MAX_BADGE_TEXT) },
      { type: 'threadline:open-options' },
      { type: 'threadline:open-options', hash: 'glossary?define=SFO' },
      { type: 'threadline:glossary-terms' },
      ...CHUNK_NAMES.map((chunk) => ({ type: 'threadline:load-chunk', chunk })),
    ];
    for (const message of valid) expect(parseContentToBackgroundMessage(message)).toEqual({ ok: true, message });
    expect(parseContentToBackgroundMessage({ type: 'threadline:glossary-terms', extra: { huge: 'x'.repeat(1e5) } })).toEqual({
      ok: true,
      message: { type: 'threadline:glossary-terms' },
    });
  });

  it('refuses a wrong field type, naming the field and the type', () => {
    expect(refusal(parseContentToBackgroundMessage({ type: 'threadline:badge', text: 14 }))).toBe(
      'content → background: threadline:badge: text must be a string, not number',
    );
    expect(refusal(parseContentToBackgroundMessage({ type: 'threadline:open-options', hash: null }))).toMatch(/hash must be a string, not null/);
    expect(refusal(parseContentToBackgroundMessage({ type: 'threadline:load-chunk', chunk: 3 }))).toMatch(/chunk must be a string, not number/);
  });

  it('refuses a missing field', () => {
    expect(refusal(parseContentToBackgroundMessage({ type: 'threadline:badge' }))).toMatch(/threadline:badge: text is missing/);
    expect(refusal(parseContentToBackgroundMessage({ type: 'threadline:load-chunk' }))).toMatch(/threadline:load-chunk: chunk is missing/);
  });

  it('refuses an overlong string, with its length and the limit', () => {
    expect(refusal(parseContentToBackgroundMessage({ type: 'threadline:badge', text: 'x'.repeat(MAX_BADGE_TEXT + 1) }))).toMatch(
      new RegExp(`text is ${MAX_BADGE_TEXT + 1} characters long \\(at most ${MAX_BADGE_TEXT}\\)`),
    );
    expect(refusal(parseContentToBackgroundMessage({ type: 'threadline:open-options', hash: 'a'.repeat(MAX_OPTIONS_HASH + 1) }))).toMatch(
      /hash is \d+ characters long/,
    );
  });

  it('refuses a chunk name outside the list (a file path, an inherited property), quoting it briefly', () => {
    for (const chunk of ['../background.js', 'toString', '__proto__', 'options']) {
      expect(refusal(parseContentToBackgroundMessage({ type: 'threadline:load-chunk', chunk }))).toMatch(/no chunk named/);
    }
    expect(refusal(parseContentToBackgroundMessage({ type: 'threadline:load-chunk', chunk: 'x'.repeat(5000) }))!.length).toBeLessThan(150);
  });

  it('refuses an unknown type, a missing type, and what is not a message at all', () => {
    expect(refusal(parseContentToBackgroundMessage({ type: 'threadline:unknown' }))).toBe(
      'content → background: unknown message type "threadline:unknown"',
    );
    expect(refusal(parseContentToBackgroundMessage({ type: 'toString' }))).toMatch(/unknown message type "toString"/);
    expect(refusal(parseContentToBackgroundMessage({ type: 'x'.repeat(5000) }))!.length).toBeLessThan(120);
    expect(refusal(parseContentToBackgroundMessage({ text: 'no type' }))).toMatch(/no string "type"/);
    expect(refusal(parseContentToBackgroundMessage(null))).toMatch(/must be an object, not null/);
    expect(refusal(parseContentToBackgroundMessage('threadline:badge'))).toMatch(/must be an object, not string/);
    expect(refusal(parseContentToBackgroundMessage([{ type: 'threadline:badge', text: '1' }]))).toMatch(/not an array/);
  });
});

describe('popup → content', () => {
  it('accepts the state request and each view', () => {
    for (const message of [
      { type: 'threadline:state' },
      { type: 'threadline:set-view', view: 'threaded' },
      { type: 'threadline:set-view', view: 'posted' },
    ]) {
      expect(parsePopupToContentMessage(message)).toEqual({ ok: true, message });
    }
  });

  it('refuses a view outside the enum, a missing view, a content-to-background message and an unknown type', () => {
    expect(refusal(parsePopupToContentMessage({ type: 'threadline:set-view', view: 'sideways' }))).toBe(
      'popup → content: threadline:set-view: view must be one of "threaded", "posted", not "sideways"',
    );
    expect(refusal(parsePopupToContentMessage({ type: 'threadline:set-view' }))).toMatch(/not undefined$/);
    expect(refusal(parsePopupToContentMessage({ type: 'threadline:set-view', view: ['threaded'] }))).toMatch(/view must be one of/);
    expect(refusal(parsePopupToContentMessage({ type: 'threadline:badge', text: '1' }))).toMatch(/unknown message type "threadline:badge"/);
    expect(refusal(parsePopupToContentMessage(undefined))).toMatch(/must be an object, not undefined/);
  });
});

describe('options → background', () => {
  it('has no messages yet, so refuses every one', () => {
    expect(refusal(parseOptionsToBackgroundMessage({ type: 'threadline:open-options' }))).toMatch(/options → background: unknown message type/);
  });
});

describe('typed senders', () => {
  it('sendToBackground sends a valid message and answers with the type its message type maps to', async () => {
    await sendToBackground({ type: 'threadline:badge', text: '3' });
    expect(calls).toEqual([{ path: 'runtime.sendMessage', args: [{ type: 'threadline:badge', text: '3' }] }]);
    // The answer's type follows from the message type (checked by tsc -p tests).
    expectTypeOf(sendToBackground({ type: 'threadline:glossary-terms' })).resolves.toEqualTypeOf<readonly unknown[]>();
    expectTypeOf(sendToBackground({ type: 'threadline:load-chunk', chunk: 'feed' })).resolves.toEqualTypeOf<ChunkInjection>();
    expectTypeOf(sendToBackground({ type: 'threadline:badge', text: '' })).resolves.toEqualTypeOf<boolean>();
  });

  it('sendToBackground refuses a bad message itself, with the receiver’s words, and sends nothing', async () => {
    const overlong = { type: 'threadline:badge', text: 'x'.repeat(100) } as const;
    await expect(sendToBackground(overlong)).rejects.toThrow(MessageRefusedError);
    await expect(sendToBackground(overlong)).rejects.toThrow(/Threadline refused a message: .*text is 100 characters long/);
    // @ts-expect-error: not a content → background message
    await expect(sendToBackground({ type: 'threadline:state' })).rejects.toThrow(/unknown message type/);
    expect(calls).toEqual([]);
  });

  it('sendToContent sends to the tab and is typed with the page state', async () => {
    await sendToContent(9, { type: 'threadline:set-view', view: 'posted' });
    expect(calls).toEqual([{ path: 'tabs.sendMessage', args: [9, { type: 'threadline:set-view', view: 'posted' }] }]);
    expectTypeOf(sendToContent(9, { type: 'threadline:state' })).resolves.toEqualTypeOf<PageState>();
  });
});

describe('the popup bridge validates first', () => {
  const source = (setView = vi.fn()) => ({
    setView,
    source: {
      host: 'probationmatters.blogspot.com',
      glossary: () => true,
      controller: () => ({
        actions: { setView },
        view: { get: () => 'threaded' },
        model: { get: () => ({ comments: new Map() }) },
        marks: new MarkRegistry(),
      }),
    } as unknown as PopupBridgeSource,
  });

  it('switches the view for a valid request and answers with the state', async () => {
    const { setView, source: bridge } = source();
    await expect(answerPopupMessage({ type: 'threadline:set-view', view: 'posted' }, bridge)).resolves.toMatchObject({
      active: true,
      host: 'probationmatters.blogspot.com',
    });
    expect(setView).toHaveBeenCalledWith('posted');
  });

  it('refuses a malformed or unknown request with the reason and changes nothing', async () => {
    const { setView, source: bridge } = source();
    await expect(answerPopupMessage({ type: 'threadline:set-view', view: 'sideways' }, bridge)).rejects.toThrow(
      /refused a message: .*view must be one of/,
    );
    await expect(answerPopupMessage({ type: 'threadline:reset-everything' }, bridge)).rejects.toThrow(/unknown message type/);
    expect(setView).not.toHaveBeenCalled();
    expect(calls).toEqual([]);
  });
});
