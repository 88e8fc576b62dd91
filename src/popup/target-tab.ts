/** The tab the popup is about: the active tab of its window, or `?tab=<id>` when the popup is opened as a page. */
import { activeTabOfCurrentWindow, getTab, type Tabs } from '../shared/browser';

/**
 * `?tab=<id>` lets the popup be opened in a tab of its own (the e2e suite does this, because no test driver can
 * click a toolbar button); otherwise the popup serves the active tab of the window it was opened from.
 */
export async function targetTab(search = location.search): Promise<Tabs.Tab | null> {
  const id = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(id) && id > 0) return getTab(id);
  return activeTabOfCurrentWindow();
}
