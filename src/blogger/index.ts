/** The reader's public API: page markup → plain Comment records (the comment feed is read by the feed chunk, feed-chunk-api.ts). */
export { readPage } from './read-page';
export { ReaderError, FeedError } from './errors';
export { mergeComments } from './merge';
export type { FeedPage, FeedProgress, LoadAllFeedOptions } from './feed';
export type { FetchJson } from './feed-fetch';
export type { Comment, Layout, PageComments, PostInfo, SafeHtml } from './types';
