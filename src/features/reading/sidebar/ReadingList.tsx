/** The reading list shared by the in-page sidebar and the browser's own panel: search, tag/unread filters, sort, groups by post. */
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { arrangeReadingList, DEFAULT_QUERY, tagsInUse, type ReadingQuery, type ReadingSort } from '../list-view';
import type { ReadingStore } from '../reading-store';
import type { SavedItem } from '../types';
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

const SORTS: [ReadingSort, string][] = [
  ['newest', 'Newest saved first'],
  ['oldest', 'Oldest saved first'],
  ['comment-time', 'By comment time'],
];

export function ReadingList({ store, onOpen, groupExtra, children }: ReadingListProps) {
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
          placeholder="Search text, notes, tags"
          aria-label="Search saved items"
          value={query.text}
          onInput={(event) => change({ text: event.currentTarget.value })}
        />
        <div className="row">
          <label>
            <span className="visually-hidden">Tag</span>
            <select data-reading-tag value={query.tag} onChange={(event) => change({ tag: event.currentTarget.value })} aria-label="Filter by tag">
              <option value="">All tags</option>
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
            Unread only
          </label>
          <label>
            <span className="visually-hidden">Sort</span>
            <select
              data-reading-sort
              value={query.sort}
              aria-label="Sort"
              onChange={(event) => change({ sort: event.currentTarget.value as ReadingSort })}
            >
              {SORTS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        </div>
        {children}
      </div>
      <p className="reading-count" role="status" data-reading-count>
        {!state.loaded
          ? 'Loading…'
          : items.length === 0
            ? 'Nothing saved yet. Use “Save” on a comment.'
            : `${shown} of ${items.length} saved · ${unread} unread`}
      </p>
      {state.error && (
        <div className="reading-message is-error" role="alert" data-reading-error>
          <p>{state.error}</p>
          <button type="button" onClick={() => store.report(null)}>
            Dismiss
          </button>
        </div>
      )}
      {state.undo && (
        <div className="reading-message" role="status">
          <span>{state.undo.label}</span>{' '}
          <button type="button" data-reading-action="undo" onClick={() => void store.undoRemove()}>
            Undo
          </button>
        </div>
      )}
      {state.problems.length > 0 && (
        <details className="reading-message is-warning" data-reading-problems>
          <summary>
            {state.problems.length} saved {state.problems.length === 1 ? 'record' : 'records'} could not be read; a copy is kept.
          </summary>
          <ul>
            {state.problems.map((problem) => (
              <li key={problem.key}>
                <code>{problem.key}</code>: {problem.reason}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void store.dismissProblems()}>
            Forget these copies
          </button>
        </details>
      )}
      {state.sync?.enabled && (state.sync.localOnly > 0 || state.sync.error) && (
        <p className="reading-message is-warning" data-reading-sync>
          {state.sync.error
            ? `Sync failed: ${state.sync.error}. Your saved items are safe in this browser.`
            : `Sync storage is full: ${state.sync.localOnly} saved ${state.sync.localOnly === 1 ? 'item is' : 'items are'} kept in this browser only.`}
        </p>
      )}
      <div data-reading-list className="reading-groups">
        {groups.map((group) => {
          const headingId = `tl-group-${group.postKey.replace(/[^\w-]/g, '_')}`;
          const progress = state.progress.get(group.postKey);
          return (
            <section key={group.postKey} className="reading-group" aria-labelledby={headingId} data-reading-post={group.postKey}>
              <h3 id={headingId}>
                <a href={group.postUrl}>{group.postTitle || group.postUrl}</a>
              </h3>
              {groupExtra?.(group.postKey) ??
                (progress && progress.total > 0 && (
                  <p className="progress">
                    Read {Math.min(progress.ids.length, progress.total)} of {progress.total}
                  </p>
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
