/** Entry of the feed chunk (feed.js): feed fetching, parsing and DOMPurify, registered for the content script to use. */
import { fetchFeedJson, loadAllFeedComments } from '../../blogger/feed';
import { registerFeedChunk } from './chunk-api';

registerFeedChunk({
  loadAllFeedComments: (options) => loadAllFeedComments({ ...options, fetchJson: options.fetchJson ?? fetchFeedJson }),
});
