/** The messages pages send to the background, and what it does with each. */
import browser, { type Runtime } from '../shared/browser';

/** Set the toolbar badge of the sender's tab (e.g. "14" new comments); empty text clears it. */
export interface BadgeMessage {
  type: 'threadline:badge';
  text: string;
}

export type BackgroundMessage = BadgeMessage;

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
    default:
      return undefined;
  }
}
