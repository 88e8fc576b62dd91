/**
 * The browser's own side panel (Chrome side_panel, Firefox sidebar_action): the reading list and the Latest view as
 * two tabs, the same lists as the in-page sidebar; on the design tokens, in the reader's colour scheme.
 */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import type { LatestComment } from '../blogger/latest-feed';
import { directLatestSource } from '../features/latest/direct-source';
import { LATEST_PANEL } from '../features/latest/api';
import latestStyles from '../features/latest/latest.css';
import { latestFollows, type LatestFollows } from '../features/latest/follow-links';
import { LatestStore } from '../features/latest/latest-store';
import { LatestView } from '../features/latest/LatestView';
import { ReadState } from '../features/latest/read-state';
import { watchFollowIndex } from '../features/follow/api';
import { ReadingStore } from '../features/reading/reading-store';
import { permalinkOf, savedKey } from '../features/reading/types';
import { activeTabOfCurrentWindow, currentTab, navigateTab, openTab } from '../shared/browser';
import { ExportImport } from '../features/reading/sidebar/ExportImport';
import { ReadingList } from '../features/reading/sidebar/ReadingList';
import sidebarStyles from '../features/reading/sidebar/sidebar.css';
import base from '../ui/extension-page.css';
import { PanelTabs } from '../ui/sidebar/PanelTabs';
import { followScheme } from '../ui/theme/scheme';
import tokens from '../ui/theme/tokens.css';
import panelStyles from './panel.css';
import { t } from '../shared/i18n';
import { installBrowserMessages } from '../shared/i18n-browser';
import { hostOfUrl, isProbationHost, PROBATION_SITE_KEY } from '../shared/sites/hosts';

/** Show a URL: in the tab beside the panel, or in a new tab when this page is itself a tab. */
async function openUrl(url: string): Promise<void> {
  if (await currentTab()) {
    await openTab(url);
    return;
  }
  const active = await activeTabOfCurrentWindow();
  if (active?.id !== undefined) await navigateTab(active.id, url);
  else await openTab(url);
}

/** The blog whose latest comments the panel shows: the one in the active tab, else the probation blog. */
async function blogOrigin(): Promise<string> {
  const active = await activeTabOfCurrentWindow().catch(() => null);
  const host = hostOfUrl(active?.url);
  return `https://${host && isProbationHost(host) ? host : PROBATION_SITE_KEY}`;
}

const READING_PANEL = 'reading';
type PanelId = typeof READING_PANEL | typeof LATEST_PANEL;

function Panel({ store, latest, reads, follows }: { store: ReadingStore; latest: LatestStore; reads: ReadState; follows: LatestFollows }) {
  const [active, setActive] = useState<PanelId>(READING_PANEL);
  const tabs: { id: PanelId; label: string }[] = [
    { id: READING_PANEL, label: t('sidebar_reading_tab') },
    { id: LATEST_PANEL, label: t('latest_tab') },
  ];
  return (
    <main>
      <h1>{t('sidebarTitle')}</h1>
      <PanelTabs
        tabs={tabs}
        active={active}
        onSelect={(id) => setActive(id as PanelId)}
        idPrefix="tab-"
        controls="panel-body"
        className="panel-tabs"
        label={t('sidebar_tabs')}
      />
      <div id="panel-body" role="tabpanel" aria-labelledby={`tab-${active}`}>
        {active === READING_PANEL ? (
          <ReadingList
            store={store}
            headingLevel={2}
            onOpen={(item) => {
              if (!item.read) void store.update(savedKey(item), { read: true });
              void openUrl(permalinkOf(item)).catch((error) => store.report(`Could not open the comment: ${String(error)}`));
            }}
          >
            <ExportImport />
          </ReadingList>
        ) : (
          <LatestView
            store={latest}
            reads={reads}
            headingLevel={2}
            follows={follows}
            onOpen={(comment: LatestComment) => void openUrl(comment.permalink).catch(() => undefined)}
          />
        )}
      </div>
    </main>
  );
}

const style = document.createElement('style');
style.textContent = `${tokens}\n${base}\n${panelStyles}\n${sidebarStyles}\n${latestStyles}`;
followScheme(document.documentElement);
document.head.append(style);
installBrowserMessages();
const store = new ReadingStore();
const reads = new ReadState();
// The panel lives as long as its page: the index is never stopped.
const follows = latestFollows(watchFollowIndex(new AbortController().signal));
void blogOrigin().then((origin) => {
  // Extension pages carry no DOMPurify (only the feed chunk does): the page walker, held equal to it by tests, sanitizes here.
  const latest = new LatestStore({ origin, source: directLatestSource(origin) });
  render(<Panel store={store} latest={latest} reads={reads} follows={follows} />, document.getElementById('app')!);
});
