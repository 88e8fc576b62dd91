/**
 * The Latest view (in the in-page sidebar and the browser's side panel): the blog's newest comments grouped by post,
 * each with who, when, one line and an unread dot; Refresh, Load more, filters, progress and Retry.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { LatestComment } from '../../blogger/latest-feed';
import { t } from '../../shared/i18n';
import type { IdSetStore } from '../../shared/store';
import { memo } from '../../ui/memo';
import { useValue } from '../../ui/store';
import { applyLatestFilters, latestFilters, type LatestFilterValues } from './filters';
import type { LatestFollows } from './follow-links';
import { groupByPost, whoOf, type LatestGroup } from './grouping';
import type { LatestStore } from './latest-store';
import type { ReadState } from './read-state';

export interface LatestViewProps {
  store: LatestStore;
  reads: ReadState;
  /** Open a comment (the caller decides: jump on this post, or go to the other post). */
  onOpen(comment: LatestComment): void;
  /** The post the reader is on, if any (its group says so). */
  currentPostId?: string | null;
  /** The level of the posts' headings (3 under the in-page sidebar's tabs, 2 under the side panel's title). */
  headingLevel?: 2 | 3;
  /** Following: its two filters and a Follow toggle per post (absent: neither). */
  follows?: LatestFollows | null;
}

/** Entries rendered per step: a long list is shown over several tasks, none of them long. */
export const ENTRIES_PER_STEP = 25;

/** How many entries to render: a step more each task until all `total` are in. */
function usePacedLimit(total: number): number {
  const [limit, setLimit] = useState(ENTRIES_PER_STEP);
  useEffect(() => {
    if (limit >= total) return;
    const timer = setTimeout(() => setLimit((current) => current + ENTRIES_PER_STEP), 0);
    return () => clearTimeout(timer);
  }, [limit, total]);
  return limit;
}

/** The groups cut to their first `limit` entries in display order. */
export function firstEntries(groups: readonly LatestGroup[], limit: number): LatestGroup[] {
  const out: LatestGroup[] = [];
  let left = limit;
  for (const group of groups) {
    if (left <= 0) break;
    out.push(group.comments.length <= left ? group : { ...group, comments: group.comments.slice(0, left) });
    left -= group.comments.length;
  }
  return out;
}

interface EntryProps {
  comment: LatestComment;
  unread: boolean;
  anonymous: string;
  onOpen(comment: LatestComment): void;
}

/** One comment: who, when, one line, the unread dot; a link to the comment (Enter or click opens it). */
const LatestEntry = memo(function LatestEntry({ comment, unread, anonymous, onOpen }: EntryProps) {
  return (
    <li className={`latest-entry${unread ? ' is-unread' : ''}`} data-latest-comment={comment.id} data-post-id={comment.postId}>
      <a
        href={comment.permalink}
        data-latest-open
        onClick={(event) => {
          if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
          event.preventDefault();
          onOpen(comment);
        }}
      >
        <span className="latest-head">
          {unread && (
            <>
              <span className="unread-dot" data-latest-unread aria-hidden="true" />
              <span className="visually-hidden">{t('latest_unread')}</span>
            </>
          )}
          <span className="latest-who">{whoOf(comment, anonymous)}</span>
          <time className="latest-time" dateTime={timeOf(comment)}>
            {comment.displayTime}
          </time>
        </span>
        <span className="latest-excerpt">{comment.removed ? t('latest_removed') : comment.excerpt}</span>
      </a>
    </li>
  );
});

/** Move focus between the entries with the arrow keys, Home and End (Tab works as everywhere). */
function moveBetweenEntries(event: KeyboardEvent): void {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(event.key)) return;
  const list = event.currentTarget as HTMLElement;
  const entries = [...list.querySelectorAll<HTMLElement>('[data-latest-open]')];
  if (entries.length === 0) return;
  const root = list.getRootNode() as Document | ShadowRoot;
  const index = entries.indexOf(root.activeElement as HTMLElement);
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? entries.length - 1
        : event.key === 'ArrowDown'
          ? Math.min(entries.length - 1, index + 1)
          : Math.max(0, index - 1);
  event.preventDefault();
  entries[next]?.focus();
}

/** Re-render when any of `stores` changes (their number is fixed for a view's life). */
function useStoresVersion(stores: readonly IdSetStore[]): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const stops = stores.map((store) => store.subscribeAll(bump));
    bump();
    return () => {
      for (const stop of stops) stop();
    };
  }, [stores]);
  return version;
}

/** A post's Follow toggle (`data-latest-action="follow"`, pressed while followed); a failure is announced. */
function FollowToggle({ follows, comment }: { follows: LatestFollows; comment: LatestComment }) {
  const [failed, setFailed] = useState(false);
  const followed = follows.isFollowed(comment);
  return (
    <>
      <button
        type="button"
        className="latest-follow"
        data-latest-action="follow"
        aria-pressed={followed ? 'true' : 'false'}
        onClick={() => {
          setFailed(false);
          follows.setFollowed(comment, !followed).catch(() => setFailed(true));
        }}
      >
        {t('latest_follow')}
        <span className="visually-hidden"> {comment.postTitle}</span>
      </button>
      {failed && (
        <span className="latest-follow-failed" role="alert">
          {t('latest_follow_failed', comment.postTitle)}
        </span>
      )}
    </>
  );
}

function timeOf(comment: LatestComment): string | undefined {
  return Number.isFinite(comment.publishedMs) ? new Date(comment.publishedMs).toISOString() : undefined;
}

function clock(ms: number): string {
  const date = new Date(ms);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

const NO_STORES: readonly IdSetStore[] = [];

export function LatestView({ store, reads, onOpen, currentPostId = null, headingLevel = 3, follows = null }: LatestViewProps) {
  const { data, status } = useValue(store);
  /** Read ids (through reads.isRead); the hook re-renders when they change. */
  const readMap = useValue(reads);
  const [values, setValues] = useState<LatestFilterValues>({});
  useEffect(() => void store.ensureLoaded(), [store]);
  useEffect(() => {
    if (data) reads.track(data.comments);
  }, [data, reads]);

  const followVersion = useStoresVersion(follows?.stores ?? NO_STORES);

  const filters = [...latestFilters(), ...(follows?.filters ?? [])];
  const comments = data?.comments ?? [];
  const shown = useMemo(
    () => applyLatestFilters(comments, filters, values, { isRead: (comment) => reads.isRead(comment) }),
    [comments, values, readMap, followVersion],
  );
  const groups = useMemo(() => groupByPost(shown), [shown]);
  const limit = usePacedLimit(shown.length);
  const visible = useMemo(() => firstEntries(groups, limit), [groups, limit]);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const loading = status.kind === 'loading';
  const anonymous = t('latest_anonymous');

  return (
    <div className="latest" data-latest-view>
      <div className="latest-controls">
        <button type="button" data-thread-action="refresh-latest" disabled={loading} onClick={() => void store.refresh()}>
          {t('latest_refresh')}
        </button>
        {data && <span className="latest-updated">{t('latest_updated', clock(data.fetchedAt))}</span>}
      </div>
      <div className="latest-filters" role="group" aria-label={t('latest_filters')}>
        {filters.map((filter) =>
          filter.kind === 'toggle' ? (
            <label key={filter.id} className="check">
              <input
                type="checkbox"
                data-latest-filter={filter.id}
                checked={values[filter.id] === true}
                onChange={(event) => setValues({ ...values, [filter.id]: (event.currentTarget as HTMLInputElement).checked })}
              />
              {filter.label()}
            </label>
          ) : (
            <label key={filter.id} className="choice">
              {filter.label()}
              <select
                data-latest-filter={filter.id}
                value={typeof values[filter.id] === 'string' ? (values[filter.id] as string) : ''}
                onChange={(event) => setValues({ ...values, [filter.id]: (event.currentTarget as HTMLSelectElement).value })}
              >
                <option value="">{filter.allLabel()}</option>
                {filter.choices(comments).map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </label>
          ),
        )}
      </div>
      {status.kind === 'loading' && (
        <p className="latest-status" role="status" data-latest-status="loading">
          {status.more ? t('latest_loading_more') : t('latest_loading')}
        </p>
      )}
      {status.kind === 'failed' && (
        <div className="latest-status is-error" role="alert" data-latest-status="failed">
          <p>{t('latest_failed', status.reason)}</p>
          <button type="button" data-latest-action="retry" onClick={() => void store.retry()}>
            {t('latest_retry')}
          </button>
        </div>
      )}
      {data && (
        <p className="latest-count" data-latest-count={shown.length}>
          {t('latest_count', shown.length, comments.length, data.total)}
        </p>
      )}
      {data && comments.length === 0 && <p className="latest-empty">{t('latest_empty')}</p>}
      {data && comments.length > 0 && shown.length === 0 && <p className="latest-empty">{t('latest_no_match')}</p>}
      <div className="latest-list" data-latest-comments aria-label={t('latest_list_label')} role="region" onKeyDown={moveBetweenEntries}>
        {visible.map((group) => (
          <div key={group.postId} className="latest-group" data-latest-post={group.postId}>
            <div className="latest-group-head">
              <Heading>
                {group.postTitle}
                {group.postId === currentPostId && <span className="latest-here"> ({t('latest_on_this_post')})</span>}
              </Heading>
              {follows && group.comments[0] && <FollowToggle follows={follows} comment={group.comments[0]} />}
            </div>
            <ul className="latest-entries">
              {group.comments.map((comment) => (
                <LatestEntry key={comment.id} comment={comment} unread={!reads.isRead(comment)} anonymous={anonymous} onOpen={onOpen} />
              ))}
            </ul>
          </div>
        ))}
      </div>
      {data && store.hasMore() && (
        <button type="button" className="latest-more" data-latest-action="load-more" disabled={loading} onClick={() => void store.loadMore()}>
          {t('latest_load_more')}
        </button>
      )}
      {data && !store.hasMore() && comments.length > 0 && <p className="latest-end">{t('latest_all_loaded')}</p>}
    </div>
  );
}
