/** Which of the Latest view's comments were read: the reading list's per-post progress, loaded per post and kept live. */
import type { LatestComment } from '../../blogger/latest-feed';
import { ValueStore } from '../../shared/store';
import { onReadCommentsChanged, readCommentIds } from '../reading/api';

export interface ReadSource {
  load(post: { postId: string; url: string }): Promise<Set<string>>;
  subscribe(listener: (postKey: string, ids: ReadonlySet<string>) => void): () => void;
}

const readingSource: ReadSource = { load: readCommentIds, subscribe: onReadCommentsChanged };

/** Read ids by post id; `track` loads the posts not seen yet. */
export class ReadState extends ValueStore<ReadonlyMap<string, ReadonlySet<string>>> {
  private readonly requested = new Set<string>();
  private readonly stop: () => void;

  constructor(private readonly source: ReadSource = readingSource) {
    super(new Map());
    this.stop = source.subscribe((postKey, ids) => this.put(postKey, ids));
  }

  /** Load the read ids of every post these comments are on (once per post). */
  track(comments: readonly LatestComment[]): void {
    for (const comment of comments) {
      if (this.requested.has(comment.postId)) continue;
      this.requested.add(comment.postId);
      void this.source
        .load({ postId: comment.postId, url: comment.postUrl })
        .then((ids) => this.put(comment.postId, ids))
        .catch(() => undefined);
    }
  }

  isRead(comment: Pick<LatestComment, 'id' | 'postId'>): boolean {
    return this.get().get(comment.postId)?.has(comment.id) ?? false;
  }

  destroy(): void {
    this.stop();
  }

  private put(postKey: string, ids: ReadonlySet<string>): void {
    const next = new Map(this.get());
    next.set(postKey, ids);
    this.set(next);
  }
}
