/** The popup's calls into the tab: page state and view switch, Blogger detection, injecting Threadline after enabling. */
import { executeScriptFiles, executeScriptFunction } from '../shared/browser';
import { sendToContent, type PageState, type PopupToContentMessage } from '../shared/messages';
import { isBloggerPage, readBloggerSignals } from '../shared/sites/detect';

/** The content script's answer, or null when none answers (still loading, or Threadline not running there). */
export async function askPage(tabId: number, request: PopupToContentMessage): Promise<PageState | null> {
  try {
    return ((await sendToContent(tabId, request)) as PageState | undefined) ?? null;
  } catch {
    return null;
  }
}

/** Ask the page again a few times while Threadline starts (after enabling, or while the page loads). */
export async function waitForPage(tabId: number, attempts = 10, delayMs = 200): Promise<PageState | null> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const state = await askPage(tabId, { type: 'threadline:state' });
    if (state?.active) return state;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
  return askPage(tabId, { type: 'threadline:state' });
}

/** Read the tab for Blogger's marks (needs activeTab, i.e. the reader clicked the toolbar button). Null if not allowed. */
export async function detectBlogger(tabId: number): Promise<boolean | null> {
  try {
    const signals = await executeScriptFunction(tabId, readBloggerSignals);
    return signals ? isBloggerPage(signals) : null;
  } catch {
    return null;
  }
}

/** Start Threadline in the tab now (the registered script covers later visits). */
export async function injectThreadline(tabId: number): Promise<boolean> {
  try {
    await executeScriptFiles({ tabId }, ['content.js']);
    return true;
  } catch {
    return false;
  }
}
