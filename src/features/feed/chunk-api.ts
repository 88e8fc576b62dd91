/** The feed chunk's side of the chunk contract (src/shared/chunks.ts): its file, its key, its typed registration. */
import { CHUNKS, chunkKey, registerChunk, registeredChunk } from '../../shared/chunks';
import type { FeedPage, LoadAllFeedOptions } from '../../blogger/feed';
import type { LatestPage, LatestPageRequest } from '../../blogger/latest-feed';

/** The chunk's file in the built extension (injected by the background, never listed as web-accessible). */
export const FEED_CHUNK_FILE = CHUNKS.feed.file;

/** Where the chunk registers its API (the isolated world's global). */
export const FEED_CHUNK_KEY = chunkKey('feed');

/** What loading the rest of a post's comments needs; fetching defaults to a credential-less GET of the page's own origin. */
export type FeedChunkLoadOptions = Omit<LoadAllFeedOptions, 'fetchJson'> & Partial<Pick<LoadAllFeedOptions, 'fetchJson'>>;

/** One page of the blog-wide comment feed; the chunk fetches from the blog's origin and sanitizes with DOMPurify. */
export type LatestPageOptions = Omit<LatestPageRequest, 'fetchJson' | 'sanitizeEach'> & Partial<Pick<LatestPageRequest, 'fetchJson'>>;

/** The chunk's API: pure data steps, feed JSON in, records with sanitized bodies out. */
export interface FeedChunkApi {
  loadAllFeedComments(options: FeedChunkLoadOptions): Promise<FeedPage>;
  /** A page of the blog's latest comments (the Latest view). */
  loadLatestPage(options: LatestPageOptions): Promise<LatestPage>;
}

/** Register the chunk's API on `scope` (once: a second injection keeps the first registration). */
export function registerFeedChunk(api: FeedChunkApi, scope: object = globalThis): void {
  registerChunk('feed', api, scope);
}

/** The registered chunk API on `scope`, or null when the chunk has not run there (or left something unusable). */
export function registeredFeedChunk(scope: object = globalThis): FeedChunkApi | null {
  return registeredChunk('feed', scope) as FeedChunkApi | null;
}
