/** The blog's posts feed (`/feeds/posts/default?alt=json`) read for comment totals only: ids, URLs, `thr$total`, times; no HTML. */
import type { ListKind } from './post-list';
import { isObject, text } from './feed-entry';
import { canonicalUrl } from './post-info';

/** One post's comment total as the posts feed gives it. */
export interface PostTotal {
  postId: string | null;
  /** Canonical post URL (for matching only; never put in the page). */
  url: string | null;
  total: number;
  publishedMs: number;
}

/** The most posts one request asks for (Blogger pages list 7 to 20 by default; a theme may show more). */
export const MAX_FEED_POSTS = 50;

/**
 * The posts-feed URL that lists the posts a list page shows: the same label, search words, archive range or
 * "Older posts" boundary, on the page's own origin. Null when the page is not one the feed can mirror.
 */
export function postsFeedUrl(pageUrl: string, kind: ListKind, postCount: number): string | null {
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return null;
  }
  const label = kind === 'label' ? /^\/search\/label\/([^/]+)\/?$/.exec(page.pathname)?.[1] : undefined;
  const feed = new URL(label ? `/feeds/posts/default/-/${label}` : '/feeds/posts/default', page.origin);
  feed.searchParams.set('alt', 'json');
  feed.searchParams.set('max-results', String(Math.min(MAX_FEED_POSTS, Math.max(1, postCount))));
  for (const name of ['updated-max', 'updated-min', 'published-max', 'published-min', 'q', 'by-date']) {
    const value = page.searchParams.get(name);
    if (value) feed.searchParams.set(name, value);
  }
  if (kind === 'archive') {
    const range = archiveRange(page.pathname);
    if (range) {
      if (!feed.searchParams.has('published-min')) feed.searchParams.set('published-min', range.min);
      if (!feed.searchParams.has('published-max')) feed.searchParams.set('published-max', range.max);
    }
  }
  return feed.href;
}

/** An archive path's range as the feed's published-min/max (the blog's own time zone is unknown: a day's margin each side). */
function archiveRange(path: string): { min: string; max: string } | null {
  const match = /^\/(\d{4})\/(?:(\d{2})\/(?:(\d{2})\/)?)?$/.exec(path);
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] ? Number(match[2]) - 1 : null;
  const day = match[3] ? Number(match[3]) : null;
  const start = Date.UTC(year, month ?? 0, day ?? 1);
  const end = day !== null ? Date.UTC(year, month ?? 0, day + 1) : month !== null ? Date.UTC(year, month + 1, 1) : Date.UTC(year + 1, 0, 1);
  const dayMs = 86_400_000;
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { min: iso(start - dayMs), max: iso(end + dayMs) };
}

/** The posts feed's entries as totals; anything malformed is skipped (an entry without a number is no total). */
export function parsePostTotals(json: unknown): PostTotal[] {
  const feed = isObject(json) && isObject(json.feed) ? json.feed : null;
  const entries = feed && Array.isArray(feed.entry) ? feed.entry : [];
  const totals: PostTotal[] = [];
  for (const entry of entries) {
    if (!isObject(entry)) continue;
    const raw = text(entry['thr$total']);
    if (!/^\d{1,9}$/.test(raw)) continue;
    const postId = /\.post-(\d+)$/.exec(text(entry.id))?.[1] ?? null;
    const links = Array.isArray(entry.link) ? entry.link.filter(isObject) : [];
    const alternate = links.find((link) => link.rel === 'alternate' && typeof link.href === 'string');
    let url: string | null = null;
    try {
      url = alternate ? canonicalUrl(alternate.href as string) : null;
    } catch {
      url = null;
    }
    const published = Date.parse(text(entry.published));
    totals.push({ postId, url, total: Number(raw), publishedMs: Number.isFinite(published) ? published : Number.NaN });
  }
  return totals;
}
