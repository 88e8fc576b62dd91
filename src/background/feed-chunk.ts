/** Injects the feed chunk (feed.js) into the tab and frame of the content script that asks for it, and only there. */
import { FEED_CHUNK_FILE, type FeedChunkInjection } from '../blogger/feed-chunk-api';
import type { Runtime } from '../shared/browser';

/** The slice of browser.scripting this needs (injected, so tests can watch the call). */
export interface ScriptInjector {
  executeScript(injection: { target: { tabId: number; frameIds: number[] }; files: string[] }): Promise<unknown>;
}

/** Run feed.js in the sender's own frame, in the extension's isolated world; say why not when that fails. */
export async function injectFeedChunk(sender: Runtime.MessageSender, scripting: ScriptInjector): Promise<FeedChunkInjection> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return { ok: false, error: 'the request came from no tab' };
  const frameId = sender.frameId ?? 0;
  try {
    await scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [FEED_CHUNK_FILE] });
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
