/** The contract between the content script and the on-demand feed chunk (feed.js): its file, its message, its registration. */
import type { FeedPage, LoadAllFeedOptions } from './feed';

/** The chunk's file in the built extension (injected by the background, never listed as web-accessible). */
export const FEED_CHUNK_FILE = 'feed.js';

/** The message a content script sends the background to have the chunk injected into its own tab and frame. */
export const LOAD_FEED_CHUNK_MESSAGE = 'threadline:load-feed-chunk';

/**
 * Where the chunk registers its API: a key on the isolated world's global, which the content script shares with
 * scripts the extension injects and which the page's own scripts cannot see.
 */
export const FEED_CHUNK_KEY = Symbol.for('threadline.feed-chunk');

/** What loading the rest of a post's comments needs; fetching defaults to a credential-less GET of the page's own origin. */
export type FeedChunkLoadOptions = Omit<LoadAllFeedOptions, 'fetchJson'> & Partial<Pick<LoadAllFeedOptions, 'fetchJson'>>;

/** The chunk's API: a pure data step, feed JSON in, Comment records with sanitized bodies out. */
export interface FeedChunkApi {
  loadAllFeedComments(options: FeedChunkLoadOptions): Promise<FeedPage>;
}

/** The background's answer to LOAD_FEED_CHUNK_MESSAGE. */
export type FeedChunkInjection = { ok: true } | { ok: false; error: string };

type Scope = object & { [FEED_CHUNK_KEY]?: unknown };

/** Register the chunk's API on `scope` (once: a second injection keeps the first registration). */
export function registerFeedChunk(api: FeedChunkApi, scope: object = globalThis): void {
  if ((scope as Scope)[FEED_CHUNK_KEY] !== undefined) return;
  Object.defineProperty(scope, FEED_CHUNK_KEY, { value: Object.freeze({ ...api }), enumerable: false, writable: false, configurable: false });
}

/** The registered chunk API on `scope`, or null when the chunk has not run there (or left something unusable). */
export function registeredFeedChunk(scope: object = globalThis): FeedChunkApi | null {
  const candidate = (scope as Scope)[FEED_CHUNK_KEY];
  if (typeof candidate !== 'object' || candidate === null) return null;
  return typeof (candidate as Partial<FeedChunkApi>).loadAllFeedComments === 'function' ? (candidate as FeedChunkApi) : null;
}
