/** The Latest feed read straight from the blog and sanitized with the content sanitizer: for pages that load no feed chunk. */
import { fetchFeedJson } from '../../blogger/feed-fetch';
import { fetchLatestPage } from '../../blogger/latest-feed';
import { sanitizeHtml } from '../../shared/sanitize';
import type { LatestSource } from './latest-store';

/** A LatestSource for the blog at `origin` (post-list pages and the browser's own panel). */
export function directLatestSource(origin: string): LatestSource {
  return (startIndex, pageSize, signal) =>
    fetchLatestPage({ origin, startIndex, pageSize, signal, fetchJson: fetchFeedJson, sanitizeEach: (bodies) => bodies.map(sanitizeHtml) });
}
