/** Gets the feed chunk's API into this content script on first need: asks the background to inject feed.js, then finds its registration. */
import { LOAD_FEED_CHUNK_MESSAGE, registeredFeedChunk, type FeedChunkApi, type FeedChunkInjection } from '../blogger/feed-chunk-api';
import browser from '../shared/browser';

/** Why the feed chunk could not be loaded, in words for the feed status line. */
export class FeedChunkError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FeedChunkError';
  }
}

export interface FeedChunkLoaderOptions {
  /** Ask the background to inject the chunk into this frame; resolves with its answer. */
  requestInjection(): Promise<unknown>;
  /** Where the chunk registers (the isolated world's global). */
  scope?: object;
}

/** Chromium: "Extension context invalidated."; Firefox: a dead object or a missing receiving end. */
const DISCONNECTED = /context invalidated|dead object|Receiving end does not exist|extension context/i;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A loader that injects the chunk at most once at a time: concurrent callers share one request, a success is kept,
 * a failure is forgotten so that Retry asks again.
 */
export function createFeedChunkLoader(options: FeedChunkLoaderOptions): () => Promise<FeedChunkApi> {
  const scope = options.scope ?? globalThis;
  let pending: Promise<FeedChunkApi> | null = null;

  const inject = async (): Promise<FeedChunkApi> => {
    let answer: unknown;
    try {
      answer = await options.requestInjection();
    } catch (error) {
      if (DISCONNECTED.test(messageOf(error))) {
        throw new FeedChunkError('Threadline was updated or restarted in the background: reload this page to load them', { cause: error });
      }
      throw new FeedChunkError(`could not ask for Threadline's feed reader: ${messageOf(error)}`, { cause: error });
    }
    const injection = answer as Partial<FeedChunkInjection> | undefined;
    if (injection?.ok === false) throw new FeedChunkError(`could not start Threadline's feed reader: ${String(injection.error)}`);
    const api = registeredFeedChunk(scope);
    if (!api) throw new FeedChunkError("Threadline's feed reader did not start in this page");
    return api;
  };

  return () => {
    const registered = registeredFeedChunk(scope);
    if (registered) return Promise.resolve(registered);
    pending ??= inject().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}

/** The content script's loader: the background injects feed.js into this tab and frame. */
export const loadFeedChunk = createFeedChunkLoader({
  requestInjection: () => browser.runtime.sendMessage({ type: LOAD_FEED_CHUNK_MESSAGE }),
});
