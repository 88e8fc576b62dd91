/** Turns what is on the page (a comment, a thread, the post) into a saved item with a sanitized excerpt. */
import type { Comment, PostInfo } from '../../blogger/types';
import { sanitizeHtml } from '../../shared/sanitize';
import { readingPostKey, SAVED_ITEM_VERSION, type SavedItem, type SavedKind } from './types';

/** Comments longer than this keep a plain-text excerpt instead of their whole HTML. */
export const MAX_EXCERPT_HTML = 8000;
export const TEXT_EXCERPT_LENGTH = 1500;

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');
}

/** Sanitized HTML from plain text, cut at `length` characters with an ellipsis. */
export function textExcerpt(text: string, length = TEXT_EXCERPT_LENGTH): string {
  const cut = text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;
  return sanitizeHtml(escapeText(cut));
}

/** The excerpt stored for a comment: its whole sanitized HTML, or the start of its text when it is very long. */
export function excerptOf(comment: Pick<Comment, 'html' | 'removed'>, text: string): string {
  if (comment.removed) return textExcerpt(text || 'This comment has been removed.');
  return comment.html.length <= MAX_EXCERPT_HTML ? sanitizeHtml(comment.html) : textExcerpt(text);
}

export interface CaptureInput {
  kind: SavedKind;
  post: PostInfo;
  /** The comment (for kind comment and thread), with its plain text. */
  comment?: { record: Comment; text: string } | null;
  replyCount?: number;
  now?: number;
}

export function captureItem({ kind, post, comment, replyCount = 0, now = Date.now() }: CaptureInput): SavedItem {
  const record = kind === 'post' ? null : (comment?.record ?? null);
  if (kind !== 'post' && !record) throw new Error(`cannot save a ${kind} without its comment`);
  return {
    v: SAVED_ITEM_VERSION,
    kind,
    postKey: readingPostKey(post),
    postUrl: post.url,
    postTitle: post.title,
    commentId: record?.id ?? null,
    publishedMs: record && Number.isFinite(record.publishedMs) ? record.publishedMs : null,
    author: record?.author ?? '',
    displayTime: record?.displayTime ?? '',
    excerptHtml: record ? excerptOf(record, comment!.text) : post.bodyText ? textExcerpt(post.bodyText, 400) : '',
    replyCount: kind === 'thread' ? replyCount : 0,
    note: '',
    tags: [],
    savedAt: now,
    updatedAt: now,
    read: false,
  };
}
