/** Injects an on-demand chunk (src/shared/chunks.ts) into the tab and frame of the content script that asks for it, and only there. */
import { errorMessage, type MessageSender, type ScriptTarget } from '../shared/browser';
import { CHUNKS, isChunkName, type ChunkInjection } from '../shared/chunks';

/**
 * Runs files in a frame, resolving when they ran and rejecting when they could not: executeScriptFiles in
 * src/shared/browser.ts (which also turns Firefox's in-result errors into rejections); injected so tests can watch.
 */
export type ScriptInjector = (target: ScriptTarget, files: string[]) => Promise<void>;

/** Run the named chunk's file in the sender's own frame, in the extension's isolated world; say why not when that fails. */
export async function injectChunk(chunk: unknown, sender: MessageSender, executeScriptFiles: ScriptInjector): Promise<ChunkInjection> {
  if (!isChunkName(chunk)) return { ok: false, error: `no chunk named ${JSON.stringify(String(chunk)).slice(0, 40)}` };
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return { ok: false, error: 'the request came from no tab' };
  const frameId = sender.frameId ?? 0;
  try {
    await executeScriptFiles({ tabId, frameIds: [frameId] }, [CHUNKS[chunk].file]);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}
