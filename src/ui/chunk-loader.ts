/** Gets an on-demand chunk's API into this content script on first need: asks the background to inject it, then finds its registration. */
import { isDisconnectedError } from '../shared/browser';
import { sendToBackground } from '../shared/messages';
import { CHUNKS, LOAD_CHUNK_MESSAGE, registeredChunk, type ChunkInjection, type ChunkName } from '../shared/chunks';

/** Why a chunk could not be loaded, in words for the control that asked for it. */
export class ChunkLoadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ChunkLoadError';
  }
}

export interface ChunkLoaderOptions {
  /** Ask the background to inject the named chunk into this frame; resolves with its answer. */
  requestInjection(chunk: ChunkName): Promise<unknown>;
  /** Where chunks register (the isolated world's global). */
  scope?: object;
}

/** Load a chunk and get the API it registered (the caller names the API's type: the core knows no chunk's API). */
export type LoadChunk = <Api extends object>(chunk: ChunkName) => Promise<Api>;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A loader that injects each chunk at most once at a time: concurrent callers share one request, a success is kept,
 * a failure is forgotten so that asking again (Retry, a second click) asks the background again.
 */
export function createChunkLoader(options: ChunkLoaderOptions): LoadChunk {
  const scope = options.scope ?? globalThis;
  const pending = new Map<ChunkName, Promise<unknown>>();

  const inject = async (chunk: ChunkName): Promise<unknown> => {
    const label = CHUNKS[chunk].label;
    let answer: unknown;
    try {
      answer = await options.requestInjection(chunk);
    } catch (error) {
      if (isDisconnectedError(error)) {
        throw new ChunkLoadError(`Threadline was updated or restarted in the background: reload this page to use its ${label}`, { cause: error });
      }
      throw new ChunkLoadError(`could not ask for Threadline's ${label}: ${messageOf(error)}`, { cause: error });
    }
    const injection = answer as Partial<ChunkInjection> | undefined;
    if (injection?.ok === false) throw new ChunkLoadError(`could not start Threadline's ${label}: ${String(injection.error)}`);
    const api = registeredChunk(chunk, scope);
    if (!api) throw new ChunkLoadError(`Threadline's ${label} did not start in this page`);
    return api;
  };

  return (<Api extends object>(chunk: ChunkName): Promise<Api> => {
    const registered = registeredChunk(chunk, scope);
    if (registered) return Promise.resolve(registered as unknown as Api);
    let request = pending.get(chunk);
    if (!request) {
      request = inject(chunk).catch((error: unknown) => {
        pending.delete(chunk);
        throw error;
      });
      pending.set(chunk, request);
    }
    return request as Promise<Api>;
  }) as LoadChunk;
}

/** The content script's loader: the background injects the chunk's file into this tab and frame. */
export const loadChunk: LoadChunk = createChunkLoader({
  requestInjection: (chunk) => sendToBackground({ type: LOAD_CHUNK_MESSAGE, chunk }),
});
