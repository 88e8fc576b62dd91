/** The Latest view's shape: comments grouped by post, the post with the newest comment first, newest first within. */
import type { LatestComment } from '../../blogger/latest-feed';
import { timeHandle } from '../../threads/handles';

export interface LatestGroup {
  postId: string;
  postUrl: string;
  postTitle: string;
  comments: LatestComment[];
}

/** Group by post id; groups ordered by their newest comment, comments newest first (untimed ones last, in feed order). */
export function groupByPost(comments: readonly LatestComment[]): LatestGroup[] {
  const groups = new Map<string, LatestGroup>();
  for (const comment of comments) {
    let group = groups.get(comment.postId);
    if (!group) {
      group = { postId: comment.postId, postUrl: comment.postUrl, postTitle: comment.postTitle, comments: [] };
      groups.set(comment.postId, group);
    }
    group.comments.push(comment);
  }
  const time = (comment: LatestComment) => (Number.isFinite(comment.publishedMs) ? comment.publishedMs : Number.NEGATIVE_INFINITY);
  for (const group of groups.values()) group.comments.sort((a, b) => time(b) - time(a));
  return [...groups.values()].sort((a, b) => time(b.comments[0]!) - time(a.comments[0]!));
}

/** Who wrote it, as readers call them: the name, else the time handle ("Anonymous · 21:07"), else null (say "Anonymous"). */
export function whoOf(comment: Pick<LatestComment, 'author' | 'displayTime'>, anonymous: string): string {
  return comment.author ?? timeHandle('Anonymous', comment.displayTime)?.replace(/^Anonymous/, anonymous) ?? anonymous;
}
