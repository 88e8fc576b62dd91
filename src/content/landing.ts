/**
 * Finds the comment a `#c<id>` or `?showComment=<ms>` link points at, so Threadline can land on it. The post lists'
 * badges link to `?showComment=<ms>#comments`: the first comment from that time (the first new one).
 */
import type { Comment } from '../blogger/types';
import { untilAborted } from '../shared/store';
import type { Mounted } from '../ui/mount';

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
    const exact = comments.find((comment) => comment.publishedMs === ms)?.id ?? null;
    return exact ?? (parsed.hash === '#comments' ? firstCommentFrom(comments, ms) : null);
  }
  return null;
}

/** The earliest comment published at or after `ms` (Blogger's own links never pair showComment with #comments). */
function firstCommentFrom(comments: Pick<Comment, 'id' | 'publishedMs'>[], ms: number): string | null {
  let first: Pick<Comment, 'id' | 'publishedMs'> | null = null;
  for (const comment of comments) if (comment.publishedMs >= ms && (!first || comment.publishedMs < first.publishedMs)) first = comment;
  return first?.id ?? null;
}

/**
 * Keep landing on the comment the URL names: when the hash changes, and when a comment the page lacked at first
 * (loaded later from the feed) is the one the URL pointed at. Stops with the view.
 */
export function followLinkedComment(mounted: Mounted, initialTarget: string | null): void {
  const { controller, signal } = mounted;
  const doc = controller.doc;
  const records = () => [...controller.model.get().comments.values()].map((entry) => entry.record);
  let landedOn = initialTarget;
  const land = () => {
    const id = targetCommentId(doc.location.href, records());
    if (id && id !== landedOn) {
      landedOn = id;
      controller.actions.jumpTo(id, { focus: true });
    }
  };
  doc.defaultView?.addEventListener(
    'hashchange',
    () => {
      landedOn = null;
      land();
    },
    { signal },
  );
  untilAborted(signal, controller.model.subscribe(land));
}
