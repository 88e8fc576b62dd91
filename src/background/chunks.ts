/** Injects an on-demand chunk (src/shared/chunks.ts) into the tab and frame of the content script that asks for it, and only there. */
import { CHUNKS, isChunkName, type ChunkInjection } from '../shared/chunks';
import type { Runtime } from '../shared/browser';

/** The slice of browser.scripting this needs (injected, so tests can watch the call). */
export interface ScriptInjector {
  executeScript(injection: { target: { tabId: number; frameIds: number[] }; files: string[] }): Promise<unknown>;
}

/** Run the named chunk's file in the sender's own frame, in the extension's isolated world; say why not when that fails. */
export async function injectChunk(chunk: unknown, sender: Runtime.MessageSender, scripting: ScriptInjector): Promise<ChunkInjection> {
  if (!isChunkName(chunk)) return { ok: false, error: `no chunk named ${JSON.stringify(String(chunk)).slice(0, 40)}` };
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return { ok: false, error: 'the request came from no tab' };
  const frameId = sender.frameId ?? 0;
  try {
    const results = await scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [CHUNKS[chunk].file] });
    // Firefox reports a script that failed to load or threw in the frame's result instead of rejecting.
    const failure = Array.isArray(results) ? (results as { error?: unknown }[]).find((result) => result?.error !== undefined) : undefined;
    if (failure) return { ok: false, error: messageOf(failure.error) };
    return { ok: true };
  } catch (error) {
    return { ok: false, error: messageOf(error) };
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') return (error as { message: string }).message;
  return String(error);
}
