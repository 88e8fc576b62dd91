/** Finds the comment a `#c<id>` or `?showComment=<ms>` link points at, so Threadline can land on it. */
import type { Comment } from '../blogger/types';

/** The id of the comment the URL targets, if it is one of `comments`. */
export function targetCommentId(url: string, comments: Pick<Comment, 'id' | 'publishedMs'>[]): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const fromHash = /^#c(\d{6,20})$/.exec(parsed.hash)?.[1];
  if (fromHash && comments.some((comment) => comment.id === fromHash)) return fromHash;
  const ms = Number(parsed.searchParams.get('showComment'));
  if (Number.isFinite(ms) && ms > 0) {
    return comments.find((comment) => comment.publishedMs === ms)?.id ?? null;
  }
  return null;
}
