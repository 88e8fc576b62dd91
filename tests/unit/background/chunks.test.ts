/** The background injects the named chunk's file into exactly the tab and frame that asked, and answers why when it cannot. */
import { describe, expect, it, vi } from 'vitest';
import { CHUNK_NAMES, CHUNKS, LOAD_CHUNK_MESSAGE } from '../../../src/shared/chunks';
import { handleMessage } from '../../../src/background/messages';
import type { Runtime } from '../../../src/shared/browser';

vi.mock('../../../src/shared/browser', () => ({ default: {} }));

function recordingInjector(outcome: () => Promise<unknown> = () => Promise.resolve([])) {
  const calls: unknown[] = [];
  return { calls, executeScript: (injection: unknown) => (calls.push(injection), outcome()) };
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
    const injector = recordingInjector(() => Promise.resolve([{ frameId: 0, error: { message: 'feed.js: file not found' } }]));
    const answer = await handleMessage({ type: LOAD_CHUNK_MESSAGE, chunk: 'feed' }, fromFrame(9, 0), injector);
    expect(answer).toEqual({ ok: false, error: 'feed.js: file not found' });
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
      const answer = (await handleMessage({ type: LOAD_CHUNK_MESSAGE, chunk }, fromFrame(4, 0), injector)) as { ok: boolean };
      expect(answer.ok).toBe(false);
    }
    expect(injector.calls).toEqual([]);
  });

  it('injects nothing for other messages', async () => {
    const injector = recordingInjector();
    expect(await handleMessage({ type: 'threadline:unknown' }, fromFrame(1, 0), injector)).toBeUndefined();
    expect(injector.calls).toEqual([]);
  });
});
