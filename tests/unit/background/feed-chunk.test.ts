/** The background injects feed.js into exactly the tab and frame that asked, and answers why when it cannot. */
import { describe, expect, it, vi } from 'vitest';
import { FEED_CHUNK_FILE, LOAD_FEED_CHUNK_MESSAGE } from '../../../src/blogger/feed-chunk-api';
import { handleMessage } from '../../../src/background/messages';
import type { Runtime } from '../../../src/shared/browser';

vi.mock('../../../src/shared/browser', () => ({ default: {} }));

function recordingInjector(outcome: () => Promise<unknown> = () => Promise.resolve([])) {
  const calls: unknown[] = [];
  return { calls, executeScript: (injection: unknown) => (calls.push(injection), outcome()) };
}

const fromFrame = (tabId: number | undefined, frameId: number | undefined) =>
  ({ tab: tabId === undefined ? undefined : { id: tabId }, frameId }) as Runtime.MessageSender;

describe('the load-feed-chunk message', () => {
  it('injects feed.js into the sender’s own tab and frame', async () => {
    const injector = recordingInjector();
    const answer = await handleMessage({ type: LOAD_FEED_CHUNK_MESSAGE }, fromFrame(17, 3), injector);
    expect(answer).toEqual({ ok: true });
    expect(injector.calls).toEqual([{ target: { tabId: 17, frameIds: [3] }, files: [FEED_CHUNK_FILE] }]);
  });

  it('targets the top frame when the sender gives no frame id', async () => {
    const injector = recordingInjector();
    await handleMessage({ type: LOAD_FEED_CHUNK_MESSAGE }, fromFrame(5, undefined), injector);
    expect(injector.calls).toEqual([{ target: { tabId: 5, frameIds: [0] }, files: [FEED_CHUNK_FILE] }]);
  });

  it('injects nothing for a sender outside any tab (an extension page)', async () => {
    const injector = recordingInjector();
    const answer = await handleMessage({ type: LOAD_FEED_CHUNK_MESSAGE }, fromFrame(undefined, 0), injector);
    expect(answer).toEqual({ ok: false, error: 'the request came from no tab' });
    expect(injector.calls).toEqual([]);
  });

  it('answers with the browser’s reason when injection fails (e.g. host permission taken back)', async () => {
    const injector = recordingInjector(() => Promise.reject(new Error('Missing host permission for the tab')));
    const answer = await handleMessage({ type: LOAD_FEED_CHUNK_MESSAGE }, fromFrame(9, 0), injector);
    expect(answer).toEqual({ ok: false, error: 'Missing host permission for the tab' });
  });

  it('answers with the error a frame reported (Firefox reports a script that failed there in its result)', async () => {
    const injector = recordingInjector(() => Promise.resolve([{ frameId: 0, error: { message: 'feed.js: file not found' } }]));
    const answer = await handleMessage({ type: LOAD_FEED_CHUNK_MESSAGE }, fromFrame(9, 0), injector);
    expect(answer).toEqual({ ok: false, error: 'feed.js: file not found' });
  });

  it('injects nothing for other messages', async () => {
    const injector = recordingInjector();
    expect(await handleMessage({ type: 'threadline:unknown' }, fromFrame(1, 0), injector)).toBeUndefined();
    expect(injector.calls).toEqual([]);
  });
});
