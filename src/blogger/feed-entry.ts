/**
 * A post's comment-feed URL and one feed entry's fields, read without a DOM or a sanitizer (the body stays an untrusted
 * string): shared by feed.ts (which sanitizes bodies for the view) and the background's follow check (which only reads
 * their text).
 */
import type { Comment } from './types';
import { absoluteHttpUrlOrNull, isRemovedSentence, msFromPermalink } from './comment-fields';
import { FeedError } from './errors';
import { displayTimeFromIso } from './feed-time';

/** The http(s) origin of `origin` (a page's, a blog's), or a FeedError: feeds are fetched from nowhere else. */
export function webOrigin(origin: string): string {
  let base: URL;
  try {
    base = new URL(origin);
  } catch {
    throw new FeedError(`not an origin: "${origin}"`);
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new FeedError(`not a web origin: "${origin}"`);
  return base.origin;
}

/** The comment feed URL of a post, oldest first, one page of `maxResults` from 1-based `startIndex`. */
export function feedUrl(origin: string, postId: string, startIndex: number, maxResults: number): string {
  if (!/^\d+$/.test(postId)) throw new FeedError(`not a Blogger post id: "${postId}"`);
  const base = webOrigin(origin);
  const query =
    `alt=json&orderby=published&reverse=false` +
    `&start-index=${Math.max(1, Math.floor(startIndex))}&max-results=${Math.max(1, Math.floor(maxResults))}`;
  return `${base}/feeds/${postId}/comments/default?${query}`;
}

/** A feed comment before its body (the feed's HTML string) is sanitized: never insert `untrustedHtml` as HTML. */
export type UnsanitizedFeedComment = Omit<Comment, 'html'> & { untrustedHtml: string };

/** The comment an alt=json feed entry describes, or null when it has no comment id. */
export function commentFromEntry(entry: Record<string, unknown>): UnsanitizedFeedComment | null {
  const id = /\.post-(\d+)$/.exec(text(entry.id))?.[1] ?? null;
  if (!id) return null;
  const linkHref = (rel: string): string | null => entryLinkHref(entry, rel);
  const properties = new Map<string, string>();
  if (Array.isArray(entry['gd$extendedProperty'])) {
    for (const property of entry['gd$extendedProperty']) {
      if (isObject(property) && typeof property.name === 'string') properties.set(property.name, String(property.value ?? ''));
    }
  }
  const author = Array.isArray(entry.author) && isObject(entry.author[0]) ? entry.author[0] : {};
  const published = text(entry.published);
  const fromPermalink = msFromPermalink(linkHref('alternate'));
  const fromPublished = published ? Date.parse(published) : Number.NaN;
  const bodySource = text(entry.content) || text(entry.summary);
  return {
    id,
    parentId: /\/comments\/default\/(\d+)(?:[?#].*)?$/.exec(linkHref('related') ?? '')?.[1] ?? null,
    author: text(author.name).trim() || 'Anonymous',
    authorUrl: absoluteHttpUrlOrNull(text(author.uri)),
    isBlogOwner: false,
    publishedMs: Number.isNaN(fromPermalink) ? fromPublished : fromPermalink,
    displayTime: (properties.get('blogger.displayTime') ?? '').trim() || displayTimeFromIso(published),
    untrustedHtml: bodySource,
    removed: properties.get('blogger.contentRemoved') === 'true' || isRemovedSentence(bodySource.replace(/<[^>]*>/g, ' ')),
  };
}

/** The href of an entry's first link with relation `rel` ("alternate", "related", "self"), or null. */
export function entryLinkHref(entry: Record<string, unknown>, rel: string): string | null {
  const links = Array.isArray(entry.link) ? entry.link.filter(isObject) : [];
  const link = links.find((candidate) => candidate.rel === rel && typeof candidate.href === 'string');
  return link ? (link.href as string) : null;
}

/** The `$t` text of a GData field (`{ $t: "..." }`), or "" when absent. */
export function text(field: unknown): string {
  if (isObject(field)) {
    const value = field['$t'];
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return String(value);
  }
  return '';
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
