/** The bar above the threads: count, view switch, collapse all / expand all, back, and slots for later tools. */
import type { ComponentChildren } from 'preact';
import { useThread } from './context';
import { useValue } from './store';

export function Toolbar({ children }: { children?: ComponentChildren }) {
  const { model: modelStore, view: viewStore, jumpHistory, actions } = useThread();
  const model = useValue(modelStore);
  const view = useValue(viewStore);
  const history = useValue(jumpHistory);
  const count = model.order.length;
  return (
    <div className="toolbar" role="group" aria-label="Threadline comment controls">
      <span className="count">
        {count} {count === 1 ? 'comment' : 'comments'}
      </span>
      <div className="segmented" role="group" aria-label="Order">
        <button
          type="button"
          data-thread-view="threaded"
          aria-pressed={view === 'threaded' ? 'true' : 'false'}
          onClick={() => actions.setView('threaded')}
        >
          Threaded
        </button>
        <button type="button" data-thread-view="posted" aria-pressed={view === 'posted' ? 'true' : 'false'} onClick={() => actions.setView('posted')}>
          As posted
        </button>
      </div>
      <button type="button" data-thread-action="collapse-all" onClick={actions.collapseAll}>
        Collapse all
      </button>
      <button type="button" data-thread-action="expand-all" onClick={actions.expandAll}>
        Expand all
      </button>
      {history.length > 0 && (
        <button type="button" data-thread-action="back" onClick={actions.back}>
          ← Back
        </button>
      )}
      {children}
    </div>
  );
}
