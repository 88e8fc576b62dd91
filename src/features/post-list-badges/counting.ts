/** Which badge a listed post earns: "N new" against the count at the reader's last visit, "new post" when never opened. */
import type { Visit } from '../new-comments/api';

/** A post's badge: new comments since the last visit, or a post the reader has never opened. */
export type Badge = { kind: 'new'; count: number; href: string } | { kind: 'new-post'; count: number; href: string };

/** What the badge decision needs to know of one listed post. */
export interface BadgeInput {
  /** The post's canonical URL. */
  url: string;
  publishedMs: number;
  /** The comment count now (the link's text, else the posts feed); null when neither says. */
  count: number | null;
}

/**
 * The link to a post at its first comment newer than `lastVisitMs`: `?showComment=<ms>#comments`. Threadline's landing
 * reads it as "the first comment from that time"; without Threadline the blog opens at the comments.
 */
export function firstNewCommentHref(postUrl: string, lastVisitMs: number): string {
  const url = new URL(postUrl);
  url.search = '';
  url.searchParams.set('showComment', String(Math.floor(lastVisitMs) + 1));
  url.hash = 'comments';
  return url.href;
}

/** Comments added since the visit: the count now minus the count then (never negative: removed comments leave). */
export function newSinceVisit(countNow: number | null, visit: Visit): number | null {
  if (countNow === null || visit.count === null) return null;
  return Math.max(0, countNow - visit.count);
}

/**
 * The badge for one post, or null: "N new" when it has comments added since the last visit, "new post" when the reader
 * never opened it and it was published after their first use of Threadline on the blog.
 */
export function badgeFor(post: BadgeInput, visit: Visit | null, firstUseMs: number): Badge | null {
  if (visit) {
    const added = newSinceVisit(post.count, visit);
    return added ? { kind: 'new', count: added, href: firstNewCommentHref(post.url, visit.at) } : null;
  }
  if (Number.isFinite(post.publishedMs) && post.publishedMs > firstUseMs) return { kind: 'new-post', count: post.count ?? 0, href: post.url };
  return null;
}
