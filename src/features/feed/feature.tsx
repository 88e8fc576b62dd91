/** Loads the comments Blogger left off the page (past ~200) from the post's own comment feed, with progress, cancel and retry. */
import { t } from '../../shared/i18n';
import { mergeComments } from '../../blogger';
import type { PageComments } from '../../blogger/types';
import { warnOnce } from '../../shared/log';
import { untilAborted } from '../../shared/store';
import { ChunkLoadError } from '../../ui/chunk-loader';
import type { Controller } from '../../ui/controller';
import { defineFeature } from '../../ui/feature';
import { buildModelInSlices } from '../../ui/model';
import { useValue, ValueStore } from '../../ui/store';
import type { FeedChunkApi } from './chunk-api';

/** Where loading the rest of the comments stands. */
export type FeedStatus =
  | { kind: 'idle' }
  | { kind: 'loading'; have: number; total: number }
  | { kind: 'cancelled'; have: number; total: number }
  | { kind: 'failed'; have: number; total: number; reason: string; chunkFailed: boolean }
  | { kind: 'done'; have: number };

export interface FeedFeature {
  status: ValueStore<FeedStatus>;
  /** Start (or restart) loading; resolves when finished, cancelled or failed. */
  load(): Promise<void>;
  cancel(): void;
  /** Resolves when every comment is present (immediately if nothing is missing). */
  complete(): Promise<void>;
}

/**
 * Set up feed loading for a page that holds fewer comments than it announces; null when nothing is missing. The feed
 * code itself (fetching, parsing, DOMPurify) is the feed chunk, which `loadFeedChunk` brings in on the first load.
 */
export function createFeedLoader(page: PageComments, controller: Controller, loadFeedChunk: () => Promise<FeedChunkApi>): FeedFeature | null {
  const postId = page.post.postId;
  if (!page.loadMore || !postId) return null;
  let comments = page.comments;
  const status = new ValueStore<FeedStatus>({ kind: 'idle' });
  let abort: AbortController | null = null;
  let finished: Promise<void> | null = null;
  const total = () => Math.max(page.post.totalCount ?? 0, comments.length);

  const load = async () => {
    abort?.abort();
    const controllerForThisRun = new AbortController();
    abort = controllerForThisRun;
    const have = new Set(comments.map((comment) => comment.id));
    status.set({ kind: 'loading', have: comments.length, total: total() });
    try {
      const chunk = await loadFeedChunk();
      if (controllerForThisRun.signal.aborted) throw controllerForThisRun.signal.reason;
      const result = await chunk.loadAllFeedComments({
        origin: new URL(page.post.url).origin,
        postId,
        have,
        signal: controllerForThisRun.signal,
        onProgress: ({ loaded, total: feedTotal }) => {
          const present = Math.max(comments.length, Math.min(loaded, feedTotal));
          status.set({ kind: 'loading', have: present, total: Math.max(feedTotal, total()) });
        },
      });
      if (controllerForThisRun.signal.aborted) return;
      comments = mergeComments(comments, result.comments);
      controller.model.set(await buildModelInSlices(page.post, comments, controller.model.get()));
      if (controllerForThisRun.signal.aborted) return;
      status.set({ kind: 'done', have: comments.length });
    } catch (error) {
      if (controllerForThisRun.signal.aborted) {
        status.set({ kind: 'cancelled', have: comments.length, total: total() });
        return;
      }
      const reason = error instanceof Error ? error.message : String(error);
      warnOnce(`could not load the comments past the first ${comments.length}: ${reason}`);
      status.set({ kind: 'failed', have: comments.length, total: total(), reason, chunkFailed: error instanceof ChunkLoadError });
    }
  };

  return {
    status,
    load() {
      finished = load();
      return finished;
    },
    cancel() {
      abort?.abort();
    },
    async complete() {
      if (status.get().kind !== 'done') await (finished ?? this.load());
    },
  };
}

/** The toolbar line: "Loading comments: 400 of 640" with Cancel, or an error with Retry. */
export function FeedStatusView({ feed }: { feed: FeedFeature }) {
  const status = useValue(feed.status);
  switch (status.kind) {
    case 'loading':
      return (
        <span className="status" role="status" data-thread-feed="loading">
          {t('view_feed_loading', status.have, status.total)}{' '}
          <button type="button" className="link-button" data-thread-action="cancel-load" onClick={() => feed.cancel()}>
            {t('view_feed_cancel')}
          </button>
        </span>
      );
    case 'cancelled':
      return (
        <span className="status" role="status" data-thread-feed="cancelled">
          {t('view_feed_cancelled', status.have, status.total)}{' '}
          <button type="button" className="link-button" data-thread-action="load-rest" onClick={() => void feed.load()}>
            {t('view_feed_load_rest')}
          </button>
        </span>
      );
    case 'failed':
      return (
        <span className="status is-error" role="alert" data-thread-feed="failed" data-thread-chunk-failed={status.chunkFailed ? 'feed' : undefined}>
          {t('view_feed_failed', status.reason)}{' '}
          <button type="button" className="link-button" data-thread-action="retry-load" onClick={() => void feed.load()}>
            {t('view_feed_retry')}
          </button>
        </span>
      );
    case 'done':
      return (
        // Said once to screen readers, then out of sight: a finished load is no news to keep on the toolbar.
        <span className="status visually-hidden" role="status" data-thread-feed="done">
          {t('view_feed_done', status.have)}
        </span>
      );
    default:
      return null;
  }
}

export default defineFeature({
  id: 'feed',
  lazy: 'feed',
  init(ctx, signal) {
    const feed = createFeedLoader(ctx.page, ctx.controller, () => ctx.loadChunk<FeedChunkApi>('feed'));
    if (!feed) return;
    untilAborted(signal, () => feed.cancel());
    return {
      toolbar: <FeedStatusView feed={feed} />,
      completeComments: () => feed.complete(),
      mounted: () => void feed.load(),
    };
  },
});
