/** Comment totals for themes that show no count: one posts-feed request for the page's posts, cached a few minutes in storage. */
import { fetchFeedJson, type FetchJson } from '../../blogger/feed-fetch';
import type { ListKind } from '../../blogger/post-list';
import { parsePostTotals, postsFeedUrl, type PostTotal } from '../../blogger/posts-feed';
import { readKey, writeKeys } from '../../shared/storage';

/** How long a page's totals are reused before the feed is asked again. */
export const TOTALS_TTL_MS = 5 * 60_000;
/** How many list pages' totals the cache keeps (the oldest goes first). */
const CACHE_PAGES = 8;
export const TOTALS_CACHE_KEY = 'listTotals';

interface CachedPage {
  feedUrl: string;
  at: number;
  totals: PostTotal[];
}

function readCache(value: unknown): CachedPage[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (page): page is CachedPage =>
      typeof page === 'object' && page !== null && typeof page.feedUrl === 'string' && typeof page.at === 'number' && Array.isArray(page.totals),
  );
}

export interface TotalsRequest {
  pageUrl: string;
  kind: ListKind;
  postCount: number;
  fetchJson?: FetchJson;
  signal: AbortSignal;
  now?: () => number;
}

/**
 * The posts feed's totals for the posts of a list page: from the cache when fresh, else one request to the page's own
 * origin. Null when the page cannot be mirrored by the feed.
 */
export async function postTotals(request: TotalsRequest): Promise<PostTotal[] | null> {
  const { pageUrl, kind, postCount, signal } = request;
  const now = request.now ?? Date.now;
  const feedUrl = postsFeedUrl(pageUrl, kind, postCount);
  if (!feedUrl || new URL(feedUrl).origin !== new URL(pageUrl).origin) return null;
  const cache = readCache(await readKey<unknown>('local', TOTALS_CACHE_KEY));
  const fresh = cache.find((page) => page.feedUrl === feedUrl && now() - page.at >= 0 && now() - page.at < TOTALS_TTL_MS);
  if (fresh) return fresh.totals;
  const totals = parsePostTotals(await (request.fetchJson ?? fetchFeedJson)(feedUrl, signal));
  const kept = cache.filter((page) => page.feedUrl !== feedUrl && now() - page.at < TOTALS_TTL_MS).slice(-(CACHE_PAGES - 1));
  await writeKeys('local', { [TOTALS_CACHE_KEY]: [...kept, { feedUrl, at: now(), totals }] });
  return totals;
}

/** The total for one listed post: matched by post id, else by URL (host spellings aside). */
export function totalFor(totals: readonly PostTotal[], post: { postId: string | null; url: string }): PostTotal | null {
  const path = (url: string) => {
    try {
      return new URL(url).pathname;
    } catch {
      return url;
    }
  };
  return (
    (post.postId ? totals.find((total) => total.postId === post.postId) : undefined) ??
    totals.find((total) => total.url !== null && path(total.url) === path(post.url)) ??
    null
  );
}
