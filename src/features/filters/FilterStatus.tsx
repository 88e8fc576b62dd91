/**
 * The filters' part of the toolbar row: each active filter as a removable chip, "Showing X of Y" while filtered (a
 * live status always), the "14 new" button and Clear filters.
 */
import { t } from '../../shared/i18n';
import { EMPTY_FILTERS, type FilterState } from '../../threads/filters';
import { useThread } from '../../ui/context';
import { useSetVersion, useValue } from '../../ui/store';
import { NEW_MARK } from '../new-comments/api';
import type { AuthorOption } from '../../threads/filter-authors';
import type { FiltersController } from './filters-controller';

interface Chip {
  /** Which filter (the chip's `data-thread-filter-chip`). */
  name: string;
  label: string;
  /** What removing the chip resets. */
  reset: Partial<FilterState>;
}

const TIME_LABEL = { day: 'view_filter_time_day', week: 'view_filter_time_week', range: 'view_filter_time_range' } as const;

/** The chips of the active filters, in the filter bar's order. */
export function chipsOf(state: FilterState, authors: readonly AuthorOption[]): Chip[] {
  const chips: Chip[] = [];
  if (state.text.trim()) chips.push({ name: 'text', label: t('view_chip_text', state.text.trim()), reset: { text: '' } });
  for (const key of state.authors) {
    const label = authors.find((option) => option.key === key)?.label ?? key;
    chips.push({ name: 'author', label: t('view_chip_author', label), reset: { authors: state.authors.filter((other) => other !== key) } });
  }
  if (state.time !== 'any') chips.push({ name: 'time', label: t(TIME_LABEL[state.time]), reset: { time: 'any', fromMs: null, toMs: null } });
  if (state.newOnly) chips.push({ name: 'new', label: t('view_chip_new'), reset: { newOnly: false } });
  if (state.hideRemoved) chips.push({ name: 'hide-removed', label: t('view_chip_hide_removed'), reset: { hideRemoved: false } });
  if (state.minWords > 0)
    chips.push({ name: 'min-words', label: t('view_chip_min_words', state.minWords), reset: { minWords: EMPTY_FILTERS.minWords } });
  if (state.minReplies > 0) chips.push({ name: 'min-replies', label: t('view_chip_min_replies', state.minReplies), reset: { minReplies: 0 } });
  if (state.inferredOnly) chips.push({ name: 'inferred', label: t('view_chip_inferred'), reset: { inferredOnly: false } });
  return chips;
}

export function FilterStatus({ filters }: { filters: FiltersController }) {
  const { marks } = useThread();
  const result = useValue(filters.result);
  const state = useValue(filters.state);
  const authors = useValue(filters.authors);
  const isNew = marks.of(NEW_MARK);
  useSetVersion(isNew);
  const newCount = isNew.size;
  // "New only" is the "14 new" button's pressed state while there are new comments; a chip otherwise.
  const chips = chipsOf(state, authors).filter((chip) => chip.name !== 'new' || newCount === 0);
  return (
    <span className={result.active ? 'filter-status is-active' : 'filter-status'}>
      {newCount > 0 && (
        <button
          type="button"
          className="new-count"
          data-thread-action="show-new"
          data-thread-new-count={newCount}
          aria-pressed={state.newOnly ? 'true' : 'false'}
          title={t('view_show_new_title')}
          onClick={() => filters.update({ newOnly: !state.newOnly })}
        >
          {t('view_new_count', newCount)}
        </button>
      )}
      {chips.map((chip) => (
        <button
          key={`${chip.name}:${chip.label}`}
          type="button"
          className="filter-chip"
          data-thread-action="remove-filter"
          data-thread-filter-chip={chip.name}
          aria-label={t('view_chip_remove', chip.label)}
          onClick={() => filters.update(chip.reset)}
        >
          {chip.label}
        </button>
      ))}
      <span data-thread-count role="status" className={result.active ? 'filter-count is-filtered' : 'filter-count visually-hidden'}>
        {t('view_showing', result.shown, result.total)}
      </span>
      {result.active && result.context.size > 0 && <span className="filter-context-note">{t('view_for_context', result.context.size)}</span>}
      <button
        type="button"
        className="link-button"
        data-thread-action="clear-filters"
        disabled={!result.active}
        hidden={!result.active}
        onClick={filters.clear}
      >
        {t('view_clear_filters')}
      </button>
    </span>
  );
}
