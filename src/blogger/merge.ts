/** Merges comments read from the feed into the page's comments: no duplicates, page order kept, feed-only ones slotted in. */
import type { Comment } from './types';

/**
 * Page comments stay in page order. A feed-only reply goes after its Blogger parent's existing replies; feed-only
 * top-level comments (and replies whose parent is nowhere) go at the end in published order, each followed by its
 * feed-only replies. Feed comments by the blog owner's profile get the owner flag the feed cannot carry. A page
 * comment the feed also holds takes from it what the page could not say: its time when the page's permalink had no
 * `showComment` (static pages), and the feed's removal flag (the page's sentence may be in any language).
 */
export function mergeComments(pageCommentsAsRead: readonly Comment[], feedComments: readonly Comment[]): Comment[] {
  const pageComments = completedFromFeed(pageCommentsAsRead, feedComments);
  const byId = new Map<string, Comment>();
  for (const comment of pageComments) if (!byId.has(comment.id)) byId.set(comment.id, comment);
  const ownerUrls = new Set(pageComments.filter((c) => c.isBlogOwner && c.authorUrl).map((c) => c.authorUrl));

  const extras: Comment[] = [];
  for (const comment of feedComments) {
    if (byId.has(comment.id)) continue;
    const flagged = !comment.isBlogOwner && comment.authorUrl && ownerUrls.has(comment.authorUrl);
    const extra = flagged ? { ...comment, isBlogOwner: true } : comment;
    byId.set(extra.id, extra);
    extras.push(extra);
  }
  if (extras.length === 0) return dedupe(pageComments);
  const ordered = inPublishedOrder(extras);

  /** The top-level comment whose group a comment belongs to (Blogger nests one level; deeper chains are followed). */
  const groupOf = (comment: Comment): string | null => {
    let current = comment;
    for (let depth = 0; current.parentId !== null && depth < 10; depth++) {
      const parent = byId.get(current.parentId);
      if (!parent) return null;
      current = parent;
    }
    return current.id;
  };

  const pageIds = new Set(pageComments.map((comment) => comment.id));
  const repliesByGroup = new Map<string, Comment[]>();
  const tail: Comment[] = [];
  for (const extra of ordered) {
    const group = extra.parentId === null ? null : groupOf(extra);
    if (group === null || group === extra.id) {
      tail.push(extra);
      continue;
    }
    const list = repliesByGroup.get(group) ?? [];
    list.push(extra);
    repliesByGroup.set(group, list);
  }

  const merged: Comment[] = [];
  const emitted = new Set<string>();
  const emit = (comment: Comment): void => {
    if (emitted.has(comment.id)) return;
    emitted.add(comment.id);
    merged.push(comment);
  };
  const flushGroup = (groupId: string | null): void => {
    if (groupId === null) return;
    for (const reply of repliesByGroup.get(groupId) ?? []) emit(reply);
  };
  let openGroup: string | null = null;
  for (const comment of pageComments) {
    const group = groupOf(comment) ?? comment.id;
    if (group !== openGroup) {
      flushGroup(openGroup);
      openGroup = group;
    }
    emit(comment);
  }
  flushGroup(openGroup);
  for (const comment of tail) {
    emit(comment);
    if (!pageIds.has(comment.id)) flushGroup(comment.id);
  }
  // Replies whose group never appeared (should not happen) still appear exactly once.
  for (const replies of repliesByGroup.values()) for (const reply of replies) emit(reply);
  return merged;
}

/** Page comments with the feed's time where they have none, and the feed's removal flag; unchanged ones stay the same objects. */
function completedFromFeed(pageComments: readonly Comment[], feedComments: readonly Comment[]): readonly Comment[] {
  if (feedComments.length === 0) return pageComments;
  const needsTime = pageComments.some((comment) => Number.isNaN(comment.publishedMs));
  const feedById = new Map(feedComments.map((comment) => [comment.id, comment]));
  let changed = false;
  const completed = pageComments.map((comment) => {
    const fromFeed = feedById.get(comment.id);
    if (!fromFeed) return comment;
    const time = needsTime && Number.isNaN(comment.publishedMs) && Number.isFinite(fromFeed.publishedMs);
    const removed = !comment.removed && fromFeed.removed;
    if (!time && !removed) return comment;
    changed = true;
    return { ...comment, ...(time ? { publishedMs: fromFeed.publishedMs } : {}), ...(removed ? { removed: true } : {}) };
  });
  return changed ? completed : pageComments;
}

function inPublishedOrder(comments: readonly Comment[]): Comment[] {
  return comments
    .map((comment, index) => ({ comment, index }))
    .sort((a, b) => {
      const aMs = a.comment.publishedMs;
      const bMs = b.comment.publishedMs;
      if (Number.isNaN(aMs) || Number.isNaN(bMs)) {
        return Number.isNaN(aMs) === Number.isNaN(bMs) ? a.index - b.index : Number.isNaN(aMs) ? 1 : -1;
      }
      return aMs - bMs || a.index - b.index;
    })
    .map(({ comment }) => comment);
}

function dedupe(comments: readonly Comment[]): Comment[] {
  const seen = new Set<string>();
  return comments.filter((comment) => !seen.has(comment.id) && Boolean(seen.add(comment.id)));
}
