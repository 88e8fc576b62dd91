/** The messages pages send to the background, and what it does with each. */
import { BUILT_IN_TERMS } from '../glossary/terms';
import browser, { type Runtime } from '../shared/browser';

/** Set the toolbar badge of the sender's tab (e.g. "14" new comments); empty text clears it. */
export interface BadgeMessage {
  type: 'threadline:badge';
  text: string;
}

/** Open the options page, optionally at a section (e.g. "glossary?define=SFO"). */
export interface OpenOptionsMessage {
  type: 'threadline:open-options';
  hash?: string;
}

/** The built-in glossary, which the content script leaves to this bundle. */
export interface GlossaryTermsMessage {
  type: 'threadline:glossary-terms';
}

export type BackgroundMessage = BadgeMessage | OpenOptionsMessage | GlossaryTermsMessage;

function isBackgroundMessage(message: unknown): message is BackgroundMessage {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string';
}

export async function handleMessage(message: unknown, sender: Runtime.MessageSender): Promise<unknown> {
  if (!isBackgroundMessage(message)) return undefined;
  switch (message.type) {
    case 'threadline:badge': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return false;
      await browser.action.setBadgeText({ tabId, text: message.text.slice(0, 4) });
      await browser.action.setBadgeBackgroundColor({ tabId, color: '#0a5bc4' });
      return true;
    }
    case 'threadline:glossary-terms':
      return BUILT_IN_TERMS;
    case 'threadline:open-options': {
      const hash = typeof message.hash === 'string' ? message.hash.replace(/[^\w?=&.:-]/g, '').slice(0, 80) : '';
      await browser.tabs.create({ url: browser.runtime.getURL(`options.html${hash ? `#${hash}` : ''}`) });
      return true;
    }
    default:
      return undefined;
  }
}
