/**
 * The Latest view's filters, one entry each: a toggle ("Only unread") or a choice ("Post"). Another feature adds its
 * own ("Only posts I follow", "Replies to me") with `addLatestFilter` from api.ts: one more entry in the row.
 */
import type { LatestComment } from '../../blogger/latest-feed';
import { t } from '../../shared/i18n';

/** What a filter may ask about a comment. */
export interface LatestFilterContext {
  isRead(comment: LatestComment): boolean;
}

interface FilterBase {
  /** Stable id: `data-latest-filter="<id>"` on its control. */
  id: string;
  label(): string;
}

/** A checkbox: on, only the comments that pass. */
export interface LatestToggleFilter extends FilterBase {
  kind: 'toggle';
  test(comment: LatestComment, context: LatestFilterContext): boolean;
}

/** A choice among values ('' is "all"): only the comments whose value is the chosen one. */
export interface LatestChoiceFilter extends FilterBase {
  kind: 'choice';
  /** The choice meaning "all". */
  allLabel(): string;
  /** The values to offer for these comments, in order. */
  choices(comments: readonly LatestComment[]): { value: string; label: string }[];
  valueOf(comment: LatestComment): string;
}

export type LatestFilter = LatestToggleFilter | LatestChoiceFilter;

/** The filters' values by id: true for a toggle that is on, the chosen value of a choice; absent is off / all. */
export type LatestFilterValues = Readonly<Record<string, boolean | string>>;

export const UNREAD_FILTER: LatestToggleFilter = {
  id: 'unread',
  kind: 'toggle',
  label: () => t('latest_filter_unread'),
  test: (comment, context) => !context.isRead(comment),
};

export const POST_FILTER: LatestChoiceFilter = {
  id: 'post',
  kind: 'choice',
  label: () => t('latest_filter_post'),
  allLabel: () => t('latest_filter_all_posts'),
  choices(comments) {
    const seen = new Map<string, string>();
    for (const comment of comments) if (!seen.has(comment.postId)) seen.set(comment.postId, comment.postTitle);
    return [...seen].map(([value, label]) => ({ value, label }));
  },
  valueOf: (comment) => comment.postId,
};

const added: LatestFilter[] = [];

/** Add a filter after the built-in ones (from another feature, through api.ts); returns its removal. */
export function addLatestFilter(filter: LatestFilter): () => void {
  added.push(filter);
  return () => {
    const index = added.indexOf(filter);
    if (index >= 0) added.splice(index, 1);
  };
}

/** Every filter of the row, built-in first. */
export function latestFilters(): LatestFilter[] {
  return [UNREAD_FILTER, POST_FILTER, ...added];
}

/** The comments every active filter lets through. */
export function applyLatestFilters(
  comments: readonly LatestComment[],
  filters: readonly LatestFilter[],
  values: LatestFilterValues,
  context: LatestFilterContext,
): LatestComment[] {
  const active = filters.filter((filter) =>
    filter.kind === 'toggle' ? values[filter.id] === true : typeof values[filter.id] === 'string' && values[filter.id] !== '',
  );
  if (active.length === 0) return [...comments];
  return comments.filter((comment) =>
    active.every((filter) => (filter.kind === 'toggle' ? filter.test(comment, context) : filter.valueOf(comment) === values[filter.id])),
  );
}
