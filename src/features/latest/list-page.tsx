/**
 * The Latest view on the blog's post lists: a small "Latest comments" button in a corner, in Threadline's own shadow
 * root, that opens the in-page sidebar on the Latest panel (Esc closes it, focus returns to the button). All of it
 * goes when the run stops (Threadline disabled for the site).
 */
import { render } from 'preact';
import type { LatestComment } from '../../blogger/latest-feed';
import { directLatestSource } from './direct-source';
import { t } from '../../shared/i18n';
import type { ListPageContext } from '../../ui/feature';
import sidebarStyles from '../../ui/sidebar/sidebar.css';
import { SidebarFrame } from '../../ui/sidebar/SidebarFrame';
import { createSidebarHost, type SidebarHost } from '../../ui/sidebar/sidebar-host';
import { untilAborted } from '../../shared/store';
import { useValue } from '../../ui/store';
import coreStyles from '../../ui/styles.css';
import { applyScheme } from '../../ui/theme/scheme';
import tokens from '../../ui/theme/tokens.css';
import { LATEST_PANEL } from './api';
import { latestFollowsWhenShown } from './follow-links';
import styles from './latest.css';
import { LatestStore } from './latest-store';
import { LatestView } from './LatestView';
import { ReadState } from './read-state';

const LIST_STYLES = `
.latest-list-open { position: fixed; bottom: 0.75rem; right: 0.75rem; z-index: 2147482000; font-size: 13px; opacity: 0.85;
  padding: 0.25rem 0.6rem; border-radius: 999px; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.15); }
.latest-list-open:hover, .latest-list-open:focus-visible { opacity: 1; }
`;

function OpenButton({ sidebar }: { sidebar: SidebarHost }) {
  const state = useValue(sidebar.state);
  return (
    <button
      type="button"
      className="latest-list-open"
      data-latest-action="open"
      aria-expanded={state.open && state.active === LATEST_PANEL ? 'true' : 'false'}
      aria-controls="tl-sidebar"
      onClick={() => sidebar.toggle(LATEST_PANEL)}
    >
      {t('latest_list_open')}
    </button>
  );
}

/** Start the Latest view on a list page; everything goes when `signal` aborts. */
export function startLatestOnList(ctx: ListPageContext, signal: AbortSignal): void {
  const { doc, win } = ctx;
  if (ctx.list.posts.length === 0 || !doc.body) return; // a page without comment links is left exactly as it is
  const origin = win.location.origin;
  // Same source as the browser's own panel: list pages load no feed chunk.
  const store = new LatestStore({ origin, source: directLatestSource(origin) });
  const reads = new ReadState();
  const follows = latestFollowsWhenShown(signal);
  const sidebar = createSidebarHost({ doc, settings: ctx.settings });
  const open = (comment: LatestComment) => win.location.assign(comment.permalink);
  function LatestPanel() {
    return <LatestView store={store} reads={reads} onOpen={open} follows={follows()} />;
  }
  sidebar.addPanel({ id: LATEST_PANEL, label: () => t('latest_tab'), content: LatestPanel, focus: '[data-latest-open]' });

  const host = doc.createElement('div');
  host.setAttribute('data-latest-root', '');
  // The reader's colour setting, as on post pages (the appearance feature does it there), kept live.
  const applyReaderScheme = () => applyScheme(host, ctx.settings.get().colorScheme);
  applyReaderScheme();
  untilAborted(signal, ctx.settings.subscribe(applyReaderScheme));
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = [tokens, coreStyles, sidebarStyles, styles, LIST_STYLES].join('\n');
  const mountPoint = doc.createElement('div');
  shadow.append(style, mountPoint);
  doc.body.append(host);
  render(
    <>
      <OpenButton sidebar={sidebar} />
      <SidebarFrame host={sidebar} />
    </>,
    mountPoint,
  );
  signal.addEventListener(
    'abort',
    () => {
      render(null, mountPoint);
      host.remove();
      sidebar.destroy();
      store.cancel();
      reads.destroy();
    },
    { once: true },
  );
}
