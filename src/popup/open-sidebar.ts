/** Opens the browser's own reading-list panel: Chrome's side panel or Firefox's sidebar, whichever this browser has. */
import browser from '../shared/browser';

interface SidePanelApi {
  open(options: { tabId: number }): Promise<void>;
}

function chromeSidePanel(): SidePanelApi | undefined {
  return (globalThis as { chrome?: { sidePanel?: SidePanelApi } }).chrome?.sidePanel;
}

/** Whether this browser and build have a native panel to open. */
export function canOpenSidebar(): boolean {
  return Boolean(chromeSidePanel()?.open ?? browser.sidebarAction?.open);
}

/** Open the panel; call it directly in the click handler (both browsers require a user gesture). */
export function openSidebar(tabId: number): Promise<void> {
  const sidePanel = chromeSidePanel();
  if (sidePanel?.open) return sidePanel.open({ tabId });
  if (browser.sidebarAction?.open) return browser.sidebarAction.open();
  return Promise.reject(new Error('no sidebar in this browser'));
}
