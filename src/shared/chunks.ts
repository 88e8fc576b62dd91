/** The contract between the content script and its on-demand chunks: names, files, the load message, where each registers. */

/**
 * Every chunk the background may inject, with the words the content script uses when one cannot be loaded. A chunk
 * is built from `entry` into `file` (scripts/build.ts), injected by the background into the asking frame's isolated
 * world, and registers its API under `chunkKey(name)`; `exports` are the functions a registration must carry.
 */
export const CHUNKS = {
  feed: { file: 'feed.js', entry: 'src/features/feed/chunk.ts', label: 'feed reader', exports: ['loadAllFeedComments', 'loadLatestPage'] },
} as const;

export type ChunkName = keyof typeof CHUNKS;

export const CHUNK_NAMES = Object.keys(CHUNKS) as ChunkName[];

export function isChunkName(value: unknown): value is ChunkName {
  return typeof value === 'string' && Object.hasOwn(CHUNKS, value);
}

/** The message a content script sends the background to have one chunk injected into its own tab and frame. */
export const LOAD_CHUNK_MESSAGE = 'threadline:load-chunk';

export interface LoadChunkMessage {
  type: typeof LOAD_CHUNK_MESSAGE;
  chunk: ChunkName;
}

/** The background's answer to LOAD_CHUNK_MESSAGE. */
export type ChunkInjection = { ok: true } | { ok: false; error: string };

/**
 * Where a chunk registers its API: a key on the isolated world's global, which the content script shares with
 * scripts the extension injects and which the page's own scripts cannot see.
 */
export function chunkKey(name: ChunkName): symbol {
  return Symbol.for(`threadline.${name}-chunk`);
}

type Scope = Record<symbol, unknown>;

/** Register a chunk's API on `scope` (once: a second injection keeps the first registration). */
export function registerChunk(name: ChunkName, api: object, scope: object = globalThis): void {
  const key = chunkKey(name);
  if ((scope as Scope)[key] !== undefined) return;
  Object.defineProperty(scope, key, { value: Object.freeze({ ...api }), enumerable: false, writable: false, configurable: false });
}

/** The registered API of a chunk on `scope`, or null when it has not run there (or left something unusable). */
export function registeredChunk(name: ChunkName, scope: object = globalThis): Record<string, unknown> | null {
  const candidate = (scope as Scope)[chunkKey(name)];
  if (typeof candidate !== 'object' || candidate === null) return null;
  const api = candidate as Record<string, unknown>;
  return CHUNKS[name].exports.every((member) => typeof api[member] === 'function') ? api : null;
}
