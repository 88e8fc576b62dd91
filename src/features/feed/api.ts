/** What other features may use of the feed: the types of the feed chunk's API (loaded with `ctx.loadChunk('feed')`). */
export type { FeedChunkApi, LatestPageOptions } from './chunk-api';
