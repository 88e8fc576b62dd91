/** The saved-item record the reading list keeps for each saved comment, thread or post, and its storage key. */

/** What was saved: one comment, a comment with its replies, or the whole post. */
export type SavedKind = 'comment' | 'thread' | 'post';

/** The record schema version this build writes (older records are migrated, newer ones kept aside). */
export const SAVED_ITEM_VERSION = 1;

/** One saved item, as stored under its own key in browser.storage.local. */
export interface SavedItem {
  v: typeof SAVED_ITEM_VERSION;
  kind: SavedKind;
  /** Identity of the post: Blogger post id when known, else `path:<post path>`. */
  postKey: string;
  /** Canonical post URL (no query, no hash). */
  postUrl: string;
  postTitle: string;
  /** Blogger comment id (null when the post itself is saved). */
  commentId: string | null;
  /** Creation time (epoch ms) from the comment permalink; null when unknown. */
  publishedMs: number | null;
  author: string;
  /** The time text as the blog displays it. */
  displayTime: string;
  /**
   * Comment HTML from the sanitizer, or '' when the excerpt is still to be re-read (an item that arrived through
   * sync). Rendered only after sanitizing again.
   */
  excerptHtml: string;
  /** Replies in the saved thread at saving time (kind 'thread'). */
  replyCount: number;
  note: string;
  tags: string[];
  savedAt: number;
  /** Last change to the item (epoch ms); merges keep the newer side. */
  updatedAt: number;
  read: boolean;
}

/** What the reader may change on an existing item. */
export type SavedItemChange = Partial<Pick<SavedItem, 'note' | 'tags' | 'read'>>;

export const SAVED_PREFIX = 'saved:';

/** The one storage key of an item: `saved:<postKey>:<commentId>`, `…:thread:<id>` or `…:post`. */
export function savedKey(item: Pick<SavedItem, 'postKey' | 'kind' | 'commentId'>): string {
  if (item.kind === 'post' || !item.commentId) return `${SAVED_PREFIX}${item.postKey}:post`;
  if (item.kind === 'thread') return `${SAVED_PREFIX}${item.postKey}:thread:${item.commentId}`;
  return `${SAVED_PREFIX}${item.postKey}:${item.commentId}`;
}

export function isSavedKey(key: string): boolean {
  return key.startsWith(SAVED_PREFIX);
}

/** The post identity used by saved items and reading progress: the Blogger post id, else the URL path. */
export function readingPostKey(post: { postId: string | null; url: string }): string {
  if (post.postId) return post.postId;
  try {
    return `path:${new URL(post.url).pathname}`;
  } catch {
    return `path:${post.url}`;
  }
}

/** Where a saved item lives on the blog: `?showComment=<ms>#c<id>` (Blogger's own permalink), or `#c<id>`. */
export function permalinkOf(item: Pick<SavedItem, 'postUrl' | 'commentId' | 'publishedMs'>): string {
  if (!item.commentId) return item.postUrl;
  const query = item.publishedMs !== null && Number.isFinite(item.publishedMs) ? `?showComment=${item.publishedMs}` : '';
  return `${item.postUrl}${query}#c${item.commentId}`;
}

/** Tags as the reader typed them: trimmed, lower-cased, without '#', unique, at most 20 of 40 characters. */
export function normalizeTags(input: Iterable<string> | string): string[] {
  const parts = typeof input === 'string' ? input.split(/[,\n]/) : [...input];
  const out: string[] = [];
  for (const part of parts) {
    const tag = String(part).trim().replace(/^#+/, '').toLowerCase().replace(/\s+/g, ' ').slice(0, 40);
    if (tag && !out.includes(tag)) out.push(tag);
    if (out.length >= 20) break;
  }
  return out;
}

export const MAX_NOTE_LENGTH = 4000;
