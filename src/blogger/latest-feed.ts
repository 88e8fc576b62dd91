/** The blog-wide comment feed (/feeds/comments/default, newest first): one page into records of the latest comments. */
import type { SafeHtml } from '../shared/safe-html';
import { safeHtmlToText } from '../shared/sanitize';
import { FeedError } from './errors';
import { commentFromEntry, entryLinkHref, isObject, text, webOrigin } from './feed-entry';
import type { FetchJson } from './feed-fetch';

/** The shared feed fetch under its former name, still imported by src/sidebar (another helper's area). */

/** One comment of the blog-wide feed, as the Latest view shows it. */
export interface LatestComment {
  id: string;
  postId: string;
  /** The post's URL on the feed's own origin (no query, no hash). */
  postUrl: string;
  /** The post's title; the feed carries none, so it is read from the post's URL slug. */
  postTitle: string;
  /** The commenter's name, or null for Anonymous. */
  author: string | null;
  publishedMs: number;
  /** Blogger's display time ("11 March 2024 at 21:07"), or one made from the ISO time. */
  displayTime: string;
  /** Where the comment is: `<post>?showComment=<ms>#c<id>` (the landing path's own form), `<post>#c<id>` without a time. */
  permalink: string;
  /** One line of plain text from the sanitized body. */
  excerpt: string;
  removed: boolean;
}

/** One page of the blog-wide feed. */
export interface LatestPage {
  comments: LatestComment[];
  /** `openSearch$totalResults` (entries seen when absent). */
  total: number;
  /** Entries in this page, usable or not: the next page starts this many further on. */
  entryCount: number;
}

/** Sanitizes untrusted HTML strings, each on its own (DOMPurify in the feed chunk, the page walker on extension pages). */
export type SanitizeEach = (untrusted: readonly string[]) => SafeHtml[];

export interface LatestPageRequest {
  /** The blog's origin; nothing else is contacted, and posts elsewhere are dropped. */
  origin: string;
  /** 1-based index of the first entry wanted. */
  startIndex: number;
  pageSize: number;
  fetchJson: FetchJson;
  sanitizeEach: SanitizeEach;
  signal?: AbortSignal;
}

/** Characters of the one-line excerpt before it is cut at a word. */
export const EXCERPT_LENGTH = 140;

/** The blog-wide comment feed URL, newest first (Blogger's default order), one page from 1-based `startIndex`. */
export function latestFeedUrl(origin: string, startIndex: number, maxResults: number): string {
  const base = webOrigin(origin);
  return `${base}/feeds/comments/default?alt=json&start-index=${Math.max(1, Math.floor(startIndex))}&max-results=${Math.max(1, Math.floor(maxResults))}`;
}

/** Fetch and read one page of the blog-wide feed. */
export async function fetchLatestPage(request: LatestPageRequest): Promise<LatestPage> {
  const url = latestFeedUrl(request.origin, request.startIndex, request.pageSize);
  let json: unknown;
  try {
    json = await request.fetchJson(url, request.signal);
  } catch (error) {
    if (request.signal?.aborted || error instanceof FeedError) throw error;
    throw new FeedError(`comment feed request failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseLatestPage(json, request.origin, request.sanitizeEach);
}

/** Read one alt=json page; entries without a comment id, a post id or a post on `origin` are skipped. */
export function parseLatestPage(json: unknown, origin: string, sanitizeEach: SanitizeEach): LatestPage {
  if (!isObject(json) || !isObject(json.feed)) throw new FeedError('comment feed JSON has no "feed" object');
  const feed = json.feed;
  const entries = Array.isArray(feed.entry) ? feed.entry : [];
  const host = new URL(webOrigin(origin)).hostname;
  const unsanitized: (Omit<LatestComment, 'excerpt'> & { untrustedHtml: string })[] = [];
  for (const entry of entries) {
    const comment = isObject(entry) ? fromEntry(entry, origin, host) : null;
    if (comment) unsanitized.push(comment);
  }
  const bodies = sanitizeEach(unsanitized.map((comment) => comment.untrustedHtml));
  const comments = unsanitized.map(({ untrustedHtml: _untrusted, ...fields }, index) => ({
    ...fields,
    excerpt: oneLine(safeHtmlToText(bodies[index]!)),
  }));
  const totalText = text(feed['openSearch$totalResults']);
  return { comments, total: /^\d+$/.test(totalText) ? Number(totalText) : entries.length, entryCount: entries.length };
}

/** Collapse whitespace and cut at a word near EXCERPT_LENGTH, with an ellipsis when cut. */
export function oneLine(textValue: string, length = EXCERPT_LENGTH): string {
  const flat = textValue.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A post title from its URL slug: "2023/08/memo-to-justin_26.html" → "Memo to justin". */
export function titleFromPostUrl(postUrl: string): string {
  const last = new URL(postUrl).pathname.split('/').pop() ?? '';
  const words = decodeURIComponent(last)
    .replace(/\.html?$/, '')
    .replace(/_\d+$/, '')
    .split('-')
    .filter(Boolean)
    .join(' ');
  return words ? words[0]!.toUpperCase() + words.slice(1) : postUrl;
}

function fromEntry(
  entry: Record<string, unknown>,
  origin: string,
  host: string,
): (Omit<LatestComment, 'excerpt'> & { untrustedHtml: string }) | null {
  const comment = commentFromEntry(entry);
  if (!comment) return null;
  const inReplyTo = isObject(entry['thr$in-reply-to']) ? entry['thr$in-reply-to'] : {};
  const postId =
    /\.post-(\d+)$/.exec(typeof inReplyTo.ref === 'string' ? inReplyTo.ref : '')?.[1] ??
    /\/feeds\/\d+\/(\d+)\/comments\//.exec(entryLinkHref(entry, 'self') ?? '')?.[1];
  if (!postId) return null;
  const postUrl =
    postOnOrigin(typeof inReplyTo.href === 'string' ? inReplyTo.href : null, origin, host) ??
    postOnOrigin(entryLinkHref(entry, 'alternate'), origin, host);
  if (!postUrl) return null;
  const { id, publishedMs } = comment;
  const name = comment.author.replace(/\s+/g, ' ').trim();
  return {
    id,
    postId,
    postUrl,
    postTitle: titleFromPostUrl(postUrl),
    author: name && !/^anonymous$/i.test(name) ? name : null,
    publishedMs,
    displayTime: comment.displayTime,
    permalink: `${postUrl}${Number.isFinite(publishedMs) ? `?showComment=${publishedMs}` : ''}#c${id}`,
    untrustedHtml: comment.untrustedHtml,
    removed: comment.removed,
  };
}

/** The post's URL on the blog's own origin (http links of the same host are taken as the blog's https), else null. */
function postOnOrigin(href: string | null, origin: string, host: string): string | null {
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname !== host) return null;
  if (!/\.html?$/.test(url.pathname)) return null;
  return `${webOrigin(origin)}${url.pathname}`;
}
