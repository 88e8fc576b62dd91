/** Collects comments in page order, keeping the first of any duplicated id and noting the skip as a warning. */
import type { Comment } from './types';

export class CommentCollector {
  readonly comments: Comment[] = [];
  readonly warnings: string[] = [];
  private readonly seen = new Set<string>();

  /** Adds a comment unless its id was already read; returns whether it was added. */
  add(comment: Comment): boolean {
    if (this.seen.has(comment.id)) {
      this.warnings.push(`duplicate comment id c${comment.id} skipped (the first one is kept)`);
      return false;
    }
    this.seen.add(comment.id);
    this.comments.push(comment);
    return true;
  }

  warn(message: string): void {
    this.warnings.push(message);
  }
}
