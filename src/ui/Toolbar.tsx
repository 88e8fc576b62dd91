/**
 * The bar above the threads, in one row that wraps: the count and the view switch always, a "Filter" button that
 * opens the filter area, the "More" menu (Collapse all, Expand all and the features' items), back, and the features'
 * bar tools. Sticky while the reader is inside the comments.
 */
import type { ComponentChildren } from 'preact';
import { t } from '../shared/i18n';
import { useThread } from './context';
import { useValue } from './store';
import { MenuItem, ToolbarMenu } from './ToolbarMenu';

export interface ToolbarTools {
  bar?: ComponentChildren[];
  menu?: ComponentChildren[];
  filter?: ComponentChildren[];
}

export function Toolbar({ tools = {} }: { tools?: ToolbarTools }) {
  const { model: modelStore, view: viewStore, jumpHistory, filterAreaOpen, actions } = useThread();
  const model = useValue(modelStore);
  const view = useValue(viewStore);
  const history = useValue(jumpHistory);
  const filterOpen = useValue(filterAreaOpen);
  const count = model.order.length;
  const hasFilters = (tools.filter?.length ?? 0) > 0;
  return (
    <>
      <div className="toolbar" role="group" aria-label={t('view_toolbar_label')}>
        <span className="count">{count === 1 ? t('view_count_one') : t('view_count', count)}</span>
        <div className="segmented" role="group" aria-label={t('view_order_label')}>
          <button
            type="button"
            data-thread-view="threaded"
            aria-pressed={view === 'threaded' ? 'true' : 'false'}
            onClick={() => actions.setView('threaded')}
          >
            {t('view_threaded')}
          </button>
          <button
            type="button"
            data-thread-view="posted"
            aria-pressed={view === 'posted' ? 'true' : 'false'}
            onClick={() => actions.setView('posted')}
          >
            {t('view_posted')}
          </button>
        </div>
        {hasFilters && (
          <button
            type="button"
            className="tool-button icon-filter"
            data-thread-action="filter"
            aria-expanded={filterOpen ? 'true' : 'false'}
            aria-controls="tl-filter-area"
            onClick={() => filterAreaOpen.set(!filterOpen)}
          >
            {t('view_filter')}
          </button>
        )}
        <ToolbarMenu>
          <MenuItem data-thread-action="collapse-all" icon="icon-collapse" onSelect={actions.collapseAll}>
            {t('view_collapse_all')}
          </MenuItem>
          <MenuItem data-thread-action="expand-all" icon="icon-expand" onSelect={actions.expandAll}>
            {t('view_expand_all')}
          </MenuItem>
          {tools.menu}
        </ToolbarMenu>
        {history.length > 0 && (
          <button type="button" className="tool-button icon-back" data-thread-action="back" onClick={actions.back}>
            {t('view_back')}
          </button>
        )}
        {tools.bar}
      </div>
      {hasFilters && (
        <div id="tl-filter-area" className="filter-area" role="group" aria-label={t('view_filter_area_label')} hidden={!filterOpen}>
          {tools.filter}
        </div>
      )}
    </>
  );
}
