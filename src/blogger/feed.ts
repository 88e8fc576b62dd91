/** Blogger's per-post comment feed (alt=json): URL building, parsing entries into Comments, paging. Ships only in feed.js. */
import { purifyHtmlEach } from '../shared/sanitize-purify';
import type { Comment } from './types';
import { FeedError } from './errors';
import { commentFromEntry, feedUrl, isObject, text, type UnsanitizedFeedComment } from './feed-entry';
import type { FetchJson } from './feed-fetch';

/** One parsed feed page. */
export interface FeedPage {
  comments: Comment[];
  /** `openSearch$totalResults`: the number of comments the whole feed holds (entries seen when absent). */
  total: number;
  /** Entries in this page, usable or not (paging goes on past a short page, stops at an empty one). */
  entryCount: number;
  /** False when the page carries no `openSearch$totalResults` (then `total` is only the entries seen). */
  totalAnnounced?: boolean;
}

export interface FeedProgress {
  loaded: number;
  total: number;
}

export interface LoadAllFeedOptions {
  /** The page's own origin, e.g. "https://probationmatters.blogspot.com"; nothing else is ever contacted. */
  origin: string;
  postId: string;
  /** Ids already on the page: their entries are skipped. */
  have: ReadonlySet<string>;
  fetchJson: FetchJson;
  pageSize?: number;
  signal?: AbortSignal;
  onProgress?: (progress: FeedProgress) => void;
}

/** Upper bound on pages fetched, against a feed that ignores start-index (200 × 100 = 20,000 comments). */
const MAX_PAGES = 100;

/** Parses one alt=json comment feed page; tolerates missing fields, rejects anything that is not a feed object. */
export function parseFeedPage(json: unknown): FeedPage {
  if (!isObject(json) || !isObject(json.feed)) throw new FeedError('comment feed JSON has no "feed" object');
  const feed = json.feed;
  const entries = Array.isArray(feed.entry) ? feed.entry : [];
  const unsanitized: UnsanitizedFeedComment[] = [];
  for (const entry of entries) {
    const comment = isObject(entry) ? commentFromEntry(entry) : null;
    if (comment) unsanitized.push(comment);
  }
  const bodies = purifyHtmlEach(unsanitized.map((comment) => comment.untrustedHtml));
  const comments = unsanitized.map(({ untrustedHtml: _untrusted, ...fields }, index): Comment => ({ ...fields, html: bodies[index]! }));
  const totalText = text(feed['openSearch$totalResults']);
  const total = /^\d+$/.test(totalText) ? Number(totalText) : entries.length;
  return { comments, total, entryCount: entries.length, ...(/^\d+$/.test(totalText) ? {} : { totalAnnounced: false }) };
}

/**
 * Pages through a post's whole comment feed, returning the comments whose ids are not in `have`, oldest first.
 *
 * Each request asks for `pageSize` entries from the next unread index, but the server chooses the page size (real
 * feeds answer 25 or 100 whatever is asked), so a short page is no end: paging stops when the entries read reach
 * `openSearch$totalResults`, when a page comes back empty, or when a page holds only entries already seen (a server
 * that ignores start-index). A total that grows while loading is followed, bounded by MAX_PAGES.
 * The loader asks for `orderby=published&reverse=false`; a server that ignores it answers newest first, so the result
 * is put in published order here (entries without a readable time keep their feed order, after the others).
 */
export async function loadAllFeedComments(options: LoadAllFeedOptions): Promise<FeedPage> {
  const { origin, postId, have, fetchJson, signal, onProgress } = options;
  const pageSize = Math.max(1, Math.floor(options.pageSize ?? 200));
  const found: Comment[] = [];
  const seen = new Set<string>();
  /** The feed's announced total, null while its pages announce none (then only an empty page ends paging). */
  let total: number | null = 0;
  let loaded = 0;
  for (let pageNumber = 0; pageNumber < MAX_PAGES; pageNumber++) {
    throwIfAborted(signal);
    const url = feedUrl(origin, postId, loaded + 1, pageSize);
    let json: unknown;
    try {
      json = await fetchJson(url, signal);
    } catch (error) {
      throwIfAborted(signal);
      if (error instanceof FeedError) throw error;
      throw new FeedError(`comment feed request failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    throwIfAborted(signal);
    const page = parseFeedPage(json);
    loaded += page.entryCount;
    total = page.totalAnnounced === false ? null : page.total;
    let fresh = 0;
    for (const comment of page.comments) {
      if (seen.has(comment.id)) continue;
      seen.add(comment.id);
      fresh++;
      if (!have.has(comment.id)) found.push(comment);
    }
    onProgress?.({ loaded, total: Math.max(total ?? 0, loaded) });
    const repeatsItself = page.comments.length > 0 && fresh === 0;
    if (page.entryCount === 0 || (total !== null && loaded >= total) || repeatsItself) break;
  }
  return { comments: inPublishedOrder(found), total: Math.max(total ?? 0, loaded), entryCount: loaded };
}

/** Oldest first by publishedMs, stable; comments without a time keep their order after the timed ones. */
function inPublishedOrder(comments: Comment[]): Comment[] {
  const timed = comments.filter((comment) => Number.isFinite(comment.publishedMs));
  const untimed = comments.filter((comment) => !Number.isFinite(comment.publishedMs));
  return [...timed.sort((a, b) => a.publishedMs - b.publishedMs), ...untimed];
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw signal.reason instanceof Error ? signal.reason : new DOMException('comment feed loading aborted', 'AbortError');
  }
}
