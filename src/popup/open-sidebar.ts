/** Opens the browser's own reading-list panel: Chrome's side panel or Firefox's sidebar, whichever this browser has. */
import { canOpenNativeSidebar, openNativeSidebar } from '../shared/browser';

/** Whether this browser and build have a native panel to open. */
export function canOpenSidebar(): boolean {
  return canOpenNativeSidebar();
}

/** Open the panel; call it directly in the click handler (both browsers require a user gesture; no await before). */
export function openSidebar(tabId: number): Promise<void> {
  return openNativeSidebar(tabId);
}
