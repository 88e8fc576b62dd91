/** The reader's public API: page markup and comment feed → plain Comment records. */
export { readPage } from './read-page';
export { ReaderError, FeedError } from './errors';
export { feedUrl, parseFeedPage, loadAllFeedComments, fetchFeedJson } from './feed';
export type { FeedPage, FeedProgress, FetchJson, LoadAllFeedOptions } from './feed';
export { mergeComments } from './merge';
export type { Comment, Layout, PageComments, PostInfo, SafeHtml } from './types';
