/** The background injects the named chunk's file into exactly the tab and frame that asked, and answers why when it cannot. */
import { describe, expect, it, vi } from 'vitest';
import { CHUNK_NAMES, CHUNKS, LOAD_CHUNK_MESSAGE } from '../../../src/shared/chunks';
import { handleMessage } from '../../../src/background/messages';
import type { Runtime, ScriptTarget } from '../../../src/shared/browser';

// The polyfill, not src/shared/browser, is replaced: the real wrappers (and their quirk handling) run against it.
const scripting = vi.hoisted(() => ({ executeScript: (_injection: unknown): Promise<unknown> => Promise.resolve([]) }));
vi.mock('webextension-polyfill', () => ({ default: { scripting } }));

/** An injector (executeScriptFiles's shape) that records each call as { target, files }. */
function recordingInjector(outcome: () => Promise<void> = () => Promise.resolve()) {
  const calls: unknown[] = [];
  const injector = (target: ScriptTarget, files: string[]) => (calls.push({ target, files }), outcome());
  return Object.assign(injector, { calls });
}

const fromFrame = (tabId: number | undefined, frameId: number | undefined) =>
  ({ tab: tabId === undefined ? undefined : { id: tabId }, frameId }) as Runtime.MessageSender;

const FEED_CHUNK_FILE = CHUNKS.feed.file;

describe('the load-chunk message', () => {
  it('injects feed.js into the sender’s own tab and frame', async () => {
    const injector = recordingInjector();
    const answer = await handleMessage({ type: LOAD_CHUNK_MESSAGE, chunk: 'feed' }, fromFrame(17, 3), injector);
    expect(answer).toEqual({ ok: true });
    expect(injector.calls).toEqual([{ target: { tabId: 17, frameIds: [3] }, files: [FEED_CHUNK_FILE] }]);
  });

  it('targets the top frame when the sender gives no frame id', async () => {
    const injector = recordingInjector();
    await handleMessage({ type: LOAD_CHUNK_MESSAGE, chunk: 'feed' }, fromFrame(5, undefined), injector);
    expect(injector.calls).toEqual([{ target: { tabId: 5, frameIds: [0] }, files: [FEED_CHUNK_FILE] }]);
  });

  it('injects nothing for a sender outside any tab (an extension page)', async () => {
    const injector = recordingInjector();
    const answer = await handleMessage({ type: LOAD_CHUNK_MESSAGE, chunk: 'feed' }, fromFrame(undefined, 0), injector);
    expect(answer).toEqual({ ok: false, error: 'the request came from no tab' });
    expect(injector.calls).toEqual([]);
  });

  it('answers with the browser’s reason when injection fails (e.g. host permission taken back)', async () => {
    const injector = recordingInjector(() => Promise.reject(new Error('Missing host permission for the tab')));
    const answer = await handleMessage({ type: LOAD_CHUNK_MESSAGE, chunk: 'feed' }, fromFrame(9, 0), injector);
    expect(answer).toEqual({ ok: false, error: 'Missing host permission for the tab' });
  });

  it('answers with the error a frame reported (Firefox reports a script that failed there in its result)', async () => {
    const executeScript = vi.spyOn(scripting, 'executeScript').mockResolvedValueOnce([{ frameId: 0, error: { message: 'feed.js: file not found' } }]);
    // No injector passed: the background's own, executeScriptFiles from src/shared/browser.ts, over the stand-in polyfill.
    const answer = await handleMessage({ type: LOAD_CHUNK_MESSAGE, chunk: 'feed' }, fromFrame(9, 0));
    expect(answer).toEqual({ ok: false, error: 'feed.js: file not found' });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 9, frameIds: [0] }, files: [FEED_CHUNK_FILE] });
  });

  it('injects each chunk’s own file', async () => {
    for (const chunk of CHUNK_NAMES) {
      const injector = recordingInjector();
      await handleMessage({ type: LOAD_CHUNK_MESSAGE, chunk }, fromFrame(4, 0), injector);
      expect(injector.calls).toEqual([{ target: { tabId: 4, frameIds: [0] }, files: [CHUNKS[chunk].file] }]);
    }
    expect(new Set(CHUNK_NAMES.map((chunk) => CHUNKS[chunk].file)).size).toBe(CHUNK_NAMES.length);
  });

  it('refuses a chunk name it does not know, or a file path, and injects nothing', async () => {
    const injector = recordingInjector();
    for (const chunk of ['../background.js', 'toString', 'options', undefined]) {
      await expect(handleMessage({ type: LOAD_CHUNK_MESSAGE, chunk }, fromFrame(4, 0), injector)).rejects.toThrow(/refused a message.*chunk/);
    }
    expect(injector.calls).toEqual([]);
  });

  it('injects nothing for other messages (an unknown type is refused)', async () => {
    const injector = recordingInjector();
    await expect(handleMessage({ type: 'threadline:unknown' }, fromFrame(1, 0), injector)).rejects.toThrow(/unknown message type/);
    expect(injector.calls).toEqual([]);
  });
});
