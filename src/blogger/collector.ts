/** Collects comments in page order (first of any duplicated id wins, the skip noted), sanitizing their bodies at the end. */
import { sanitizeChildren } from '../shared/sanitize';
import type { Comment } from './types';

/** A comment as a layout reads it: everything but the body, which is still the page's untrusted element. */
export type UnsanitizedComment = Omit<Comment, 'html'> & { bodyElement: Element };

export class CommentCollector {
  readonly warnings: string[] = [];
  private readonly pending: UnsanitizedComment[] = [];
  private readonly seen = new Set<string>();
  /** Ids of comments with a permalink that carries no `showComment=<ms>` time (static `/p/` pages link `#c<id>` only). */
  readonly withoutTime: string[] = [];

  /** Adds a comment unless its id was already read; returns whether it was added. */
  add(comment: UnsanitizedComment): boolean {
    if (this.seen.has(comment.id)) {
      this.warnings.push(`duplicate comment id c${comment.id} skipped (the first one is kept)`);
      return false;
    }
    this.seen.add(comment.id);
    this.pending.push(comment);
    return true;
  }

  /** Notes a comment whose permalink has no time: read.ts says so once for all of them. */
  noteWithoutTime(id: string): void {
    this.withoutTime.push(id);
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  get count(): number {
    return this.pending.length;
  }

  /** The collected comments, each body sanitized from the page's already-parsed element (no re-parse). */
  finish(): Comment[] {
    return this.pending.map(({ bodyElement, ...fields }) => ({ ...fields, html: sanitizeChildren(bodyElement) }));
  }
}
