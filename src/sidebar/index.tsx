/** The browser's own reading-list panel (Chrome side_panel, Firefox sidebar_action): the same list as the in-page sidebar. */
import { render } from 'preact';
import { ReadingStore } from '../features/reading/reading-store';
import { permalinkOf, savedKey, type SavedItem } from '../features/reading/types';
import { activeTabOfCurrentWindow, currentTab, navigateTab, openTab } from '../shared/browser';
import { ExportImport } from '../features/reading/sidebar/ExportImport';
import { ReadingList } from '../features/reading/sidebar/ReadingList';
import sidebarStyles from '../features/reading/sidebar/sidebar.css';
import panelStyles from './panel.css';
import { t } from '../shared/i18n';
import { installBrowserMessages } from '../shared/i18n-browser';

/** Show a saved item: in the tab beside the panel, or in a new tab when this page is itself a tab. */
async function openItem(item: SavedItem): Promise<void> {
  const url = permalinkOf(item);
  if (await currentTab()) {
    await openTab(url);
    return;
  }
  const active = await activeTabOfCurrentWindow();
  if (active?.id !== undefined) await navigateTab(active.id, url);
  else await openTab(url);
}

function Panel({ store }: { store: ReadingStore }) {
  return (
    <main>
      <h1>{t('sidebarTitle')}</h1>
      <ReadingList
        store={store}
        onOpen={(item) => {
          if (!item.read) void store.update(savedKey(item), { read: true });
          void openItem(item).catch((error) => store.report(`Could not open the comment: ${String(error)}`));
        }}
      >
        <ExportImport />
      </ReadingList>
    </main>
  );
}

const style = document.createElement('style');
style.textContent = `${panelStyles}\n${sidebarStyles}`;
document.head.append(style);
installBrowserMessages();
const store = new ReadingStore();
render(<Panel store={store} />, document.getElementById('app')!);
