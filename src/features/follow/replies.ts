/**
 * Replies to the reader's comments, by the threads' own inference (src/threads: Blogger's replies, time, quote and
 * name references), on the page's model or on feed records in the background. Not a copy of the inference: its input.
 */
import { inferReplies, type InferenceComment, type ReplyLink } from '../../threads';
import type { Mine } from './mine-store';

/** The comments whose inferred parent is one of `mineIds`, in the order of `links`. */
export function repliesToMine(links: ReadonlyMap<string, Pick<ReplyLink, 'parentId'>>, mineIds: ReadonlySet<string>): string[] {
  if (mineIds.size === 0) return [];
  const found: string[] = [];
  for (const [id, link] of links) if (link.parentId !== null && mineIds.has(link.parentId) && !mineIds.has(id)) found.push(id);
  return found;
}

/** What one inference over feed records found, and what it cost. */
export interface FeedRepliesResult {
  replyIds: string[];
  /** Wall time of the inference (ms), for the cost the check records. */
  ms: number;
  comments: number;
}

/**
 * Which of `fresh` (new comments read from the post's feed, as text) answer one of `mine` (the reader's comments):
 * inference runs over the reader's comments and the new ones together, so "@21:07", a quote of the reader's words or
 * their signed name lead to them just as on the page. Comments between the two that are neither are not read (the
 * check fetches only new comments), so an ambiguous time reference may point at the reader's comment where the page
 * would have found another one of the same minute: the page's own marks are the last word.
 */
export function findRepliesInFeed(
  mine: readonly InferenceComment[],
  fresh: readonly InferenceComment[],
  now: () => number = () => performance.now(),
): FeedRepliesResult {
  const mineIds = new Set(mine.map((comment) => comment.id));
  const comments = [...mine, ...fresh.filter((comment) => !mineIds.has(comment.id))];
  const started = now();
  const links = inferReplies({ comments, postBodyText: '' });
  const ms = now() - started;
  const freshIds = new Set(fresh.map((comment) => comment.id));
  return { replyIds: repliesToMine(links, mineIds).filter((id) => freshIds.has(id)), ms, comments: comments.length };
}

/** The comment as inference takes it (removed never: the reader's own comment is what replies answer). */
export function inferenceCommentOf(mine: Mine): InferenceComment {
  return {
    id: mine.commentId,
    parentId: mine.parentId,
    author: mine.author,
    isBlogOwner: false,
    publishedMs: mine.publishedMs,
    displayTime: mine.displayTime,
    removed: false,
    text: mine.text,
  };
}
