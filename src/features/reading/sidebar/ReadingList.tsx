/** The reading list shared by the in-page sidebar and the browser's own panel: search, tag/unread filters, sort, groups by post. */
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { arrangeReadingList, DEFAULT_QUERY, tagsInUse, type ReadingQuery, type ReadingSort } from '../list-view';
import type { ReadingStore } from '../reading-store';
import type { SavedItem } from '../types';
import { t } from '../../../shared/i18n';
import { safeHtmlToText, sanitizeHtml } from '../../../shared/sanitize';
import { SavedEntry } from './SavedEntry';
import { useReading } from './useReading';

export interface ReadingListProps {
  store: ReadingStore;
  onOpen(item: SavedItem): void;
  /** Extra content for the group of one post (the page's own progress and "Continue where I left off"). */
  groupExtra?: (postKey: string) => ComponentChildren;
  /** Extra controls under the header (export/import in the panel). */
  children?: ComponentChildren;
  /** The level of the posts' headings (3 under the in-page sidebar's tabs, 2 under the side panel's title). */
  headingLevel?: 2 | 3;
}

const plainTextCache = new WeakMap<SavedItem, string>();

function plainText(item: SavedItem): string {
  let text = plainTextCache.get(item);
  if (text === undefined) {
    text = item.excerptHtml ? safeHtmlToText(sanitizeHtml(item.excerptHtml)) : '';
    plainTextCache.set(item, text);
  }
  return text;
}

/** Each sort and its label (a function: words are looked up when shown, never at module load). */
const SORTS: [ReadingSort, () => string][] = [
  ['newest', () => t('reading_sort_newest')],
  ['oldest', () => t('reading_sort_oldest')],
  ['comment-time', () => t('reading_sort_comment_time')],
];

export function ReadingList({ store, onOpen, groupExtra, children, headingLevel = 3 }: ReadingListProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const state = useReading(store);
  const [query, setQuery] = useState<ReadingQuery>(DEFAULT_QUERY);
  const items = useMemo(() => [...state.items.values()], [state.items]);
  const tags = useMemo(() => tagsInUse(items), [items]);
  const groups = useMemo(() => arrangeReadingList(items, query, plainText), [items, query]);
  const unread = items.filter((item) => !item.read).length;
  const change = (next: Partial<ReadingQuery>) => setQuery((current) => ({ ...current, ...next }));
  const shown = groups.reduce((sum, group) => sum + group.items.length, 0);

  return (
    <div className="reading">
      <div className="reading-controls" role="search">
        <input
          type="search"
          data-reading-search
          placeholder={t('reading_search_placeholder')}
          aria-label={t('reading_search_label')}
          value={query.text}
          onInput={(event) => change({ text: event.currentTarget.value })}
        />
        <div className="row">
          <label>
            <span className="visually-hidden">{t('reading_tag')}</span>
            <select
              data-reading-tag
              value={query.tag}
              onChange={(event) => change({ tag: event.currentTarget.value })}
              aria-label={t('reading_tag_filter')}
            >
              <option value="">{t('reading_all_tags')}</option>
              {tags.map((tag) => (
                <option key={tag} value={tag}>
                  #{tag}
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input
              type="checkbox"
              data-reading-unread
              checked={query.unreadOnly}
              onChange={(event) => change({ unreadOnly: event.currentTarget.checked })}
            />
            {t('reading_unread_only')}
          </label>
          <label>
            <span className="visually-hidden">{t('reading_sort')}</span>
            <select
              data-reading-sort
              value={query.sort}
              aria-label={t('reading_sort')}
              onChange={(event) => change({ sort: event.currentTarget.value as ReadingSort })}
            >
              {SORTS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label()}
                </option>
              ))}
            </select>
          </label>
        </div>
        {children}
      </div>
      <p className="reading-count" role="status" data-reading-count>
        {!state.loaded ? t('reading_loading') : items.length === 0 ? t('reading_empty') : t('reading_count', shown, items.length, unread)}
      </p>
      {state.error && (
        <div className="reading-message is-error" role="alert" data-reading-error>
          <p>{state.error}</p>
          <button type="button" onClick={() => store.report(null)}>
            {t('reading_dismiss')}
          </button>
        </div>
      )}
      {state.undo && (
        <div className="reading-message" role="status">
          <span>{state.undo.label}</span>{' '}
          <button type="button" data-reading-action="undo" onClick={() => void store.undoRemove()}>
            {t('reading_undo')}
          </button>
        </div>
      )}
      {state.problems.length > 0 && (
        <details className="reading-message is-warning" data-reading-problems>
          <summary>{state.problems.length === 1 ? t('reading_problems_one') : t('reading_problems', state.problems.length)}</summary>
          <ul>
            {state.problems.map((problem) => (
              <li key={problem.key}>
                <code>{problem.key}</code>: {problem.reason}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void store.dismissProblems()}>
            {t('reading_forget_copies')}
          </button>
        </details>
      )}
      {state.sync?.enabled && (state.sync.localOnly > 0 || state.sync.error) && (
        <p className="reading-message is-warning" data-reading-sync>
          {state.sync.error
            ? t('reading_sync_failed', state.sync.error)
            : state.sync.localOnly === 1
              ? t('reading_sync_full_one')
              : t('reading_sync_full', state.sync.localOnly)}
        </p>
      )}
      <div data-reading-list className="reading-groups">
        {groups.map((group) => {
          const headingId = `tl-group-${group.postKey.replace(/[^\w-]/g, '_')}`;
          const progress = state.progress.get(group.postKey);
          return (
            <section key={group.postKey} className="reading-group" aria-labelledby={headingId} data-reading-post={group.postKey}>
              <Heading id={headingId}>
                <a href={group.postUrl}>{group.postTitle || group.postUrl}</a>
              </Heading>
              {groupExtra?.(group.postKey) ??
                (progress && progress.total > 0 && (
                  <p className="progress">{t('reading_progress', Math.min(progress.ids.length, progress.total), progress.total)}</p>
                ))}
              <ul className="saved-entries">
                {group.items.map((item) => (
                  <SavedEntry key={`${item.kind}:${item.commentId}`} item={item} store={store} onOpen={onOpen} />
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </div>
  );
}
