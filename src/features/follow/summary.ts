/** What the toolbar badge and the popup say about followed posts: new comments and replies to the reader, per post and in all. */
import { badgeText } from '../../shared/badge';
import type { FollowState, FoundReply } from './store';

/** One followed post as the popup lists it. */
export interface FollowedPost {
  postKey: string;
  title: string;
  url: string;
  /** Comments added since the reader last had the post open (or since it was followed). */
  newCount: number;
  /** Replies to the reader's comments among them. */
  replies: FoundReply[];
  /** Where the link goes: the first new comment when known, else the post. */
  href: string;
  checkedAt: number | null;
}

/** New comments on one followed post: the last check's count past what the reader saw (or the first check's count). */
export function newCommentsOf(state: FollowState): number {
  const { check, seen } = state;
  if (!check) return 0;
  return Math.max(0, check.total - (seen ? seen.total : check.baseline));
}

/**
 * Replies found by checks that the reader has not seen: found after they last had the post open (or followed it).
 * Both times are this browser's clock, so a blog clock that differs cannot hide a reply or keep a seen one.
 */
export function unseenRepliesOf(state: FollowState): FoundReply[] {
  const since = Math.max(state.seen?.at ?? 0, state.follow.at);
  return (state.check?.replies ?? []).filter((reply) => reply.foundAt > since);
}

/** The link to a post at its first new comment (the landing path lands on `#c<id>`), when the check found it. */
export function firstNewHref(state: FollowState): string {
  const { check, seen, follow } = state;
  const after = seen ? seen.total : check?.baseline;
  if (check?.firstNewId && after === check.firstNewAfter) return `${follow.url}#c${check.firstNewId}`;
  return follow.url;
}

/** The followed posts, those with something new first (most new first), then by title. */
export function followedPosts(states: Iterable<FollowState>): FollowedPost[] {
  return [...states]
    .map((state) => ({
      postKey: state.follow.postKey,
      title: state.follow.title || state.follow.url,
      url: state.follow.url,
      newCount: newCommentsOf(state),
      replies: unseenRepliesOf(state),
      href: firstNewHref(state),
      checkedAt: state.check?.checkedAt ?? null,
    }))
    .sort((a, b) => b.replies.length - a.replies.length || b.newCount - a.newCount || a.title.localeCompare(b.title));
}

/** The toolbar badge for followed posts: text (at most 4 characters), its colour, and the words of the button's tooltip. */
export interface FollowBadge {
  text: string;
  color: string;
  newCount: number;
  replyCount: number;
}

export const BADGE_NEW_COLOR = '#0a5bc4';
/** Replies to the reader stand out from plain new comments. */
export const BADGE_REPLY_COLOR = '#b3261e';

/**
 * The badge: the number of new comments on followed posts ("999+" past 999), red when some are replies to the reader
 * (the tooltip says how many); empty when there is nothing new.
 */
export function followBadge(posts: readonly Pick<FollowedPost, 'newCount' | 'replies'>[]): FollowBadge {
  const newCount = posts.reduce((sum, post) => sum + post.newCount, 0);
  const replyCount = posts.reduce((sum, post) => sum + post.replies.length, 0);
  const shown = Math.max(newCount, replyCount);
  return { text: badgeText(shown), color: replyCount > 0 ? BADGE_REPLY_COLOR : BADGE_NEW_COLOR, newCount, replyCount };
}
