/** Entry of the feed chunk (feed.js): post and blog-wide feed fetching, parsing and DOMPurify, registered for the content script. */
import { loadAllFeedComments } from '../../blogger/feed';
import { fetchFeedJson } from '../../blogger/feed-fetch';
import { fetchLatestPage } from '../../blogger/latest-feed';
import { purifyHtmlEach } from '../../shared/sanitize-purify';
import { registerFeedChunk } from './chunk-api';

registerFeedChunk({
  loadAllFeedComments: (options) => loadAllFeedComments({ ...options, fetchJson: options.fetchJson ?? fetchFeedJson }),
  loadLatestPage: (options) => fetchLatestPage({ ...options, fetchJson: options.fetchJson ?? fetchFeedJson, sanitizeEach: purifyHtmlEach }),
});
