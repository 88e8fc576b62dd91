/** Toolbar tools of the filters: "Showing X of Y" (always visible), "Clear filters" and the "14 new" badge. */
import { useThread } from '../../ui/context';
import { NEW_MARK } from '../new-comments/api';
import { useSetVersion, useValue } from '../../ui/store';
import type { FiltersController } from './filters-controller';

export function FilterStatus({ filters }: { filters: FiltersController }) {
  const { marks } = useThread();
  const result = useValue(filters.result);
  const state = useValue(filters.state);
  const isNew = marks.of(NEW_MARK);
  useSetVersion(isNew);
  const newCount = isNew.size;
  return (
    <span className="filter-status">
      <span data-thread-count role="status" className={result.active ? 'filter-count is-filtered' : 'filter-count'}>
        Showing {result.shown} of {result.total}
      </span>
      {result.context.size > 0 && <span className="filter-context-note">(+{result.context.size} for context)</span>}
      {newCount > 0 && (
        <button
          type="button"
          className="new-count"
          data-thread-action="show-new"
          data-thread-new-count={newCount}
          aria-pressed={state.newOnly ? 'true' : 'false'}
          title="Show only comments new since your last visit"
          onClick={() => filters.update({ newOnly: !state.newOnly })}
        >
          {newCount} new
        </button>
      )}
      <button type="button" data-thread-action="clear-filters" disabled={!result.active} onClick={filters.clear}>
        Clear filters
      </button>
    </span>
  );
}
