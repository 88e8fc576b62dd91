/** The messages pages send to the background, and what it does with each. */
import { BUILT_IN_TERMS } from '../features/glossary/terms';
import browser, { type Runtime } from '../shared/browser';
import { LOAD_CHUNK_MESSAGE, type LoadChunkMessage } from '../shared/chunks';
import { injectChunk, type ScriptInjector } from './chunks';

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

export type BackgroundMessage = BadgeMessage | OpenOptionsMessage | GlossaryTermsMessage | LoadChunkMessage;

function isBackgroundMessage(message: unknown): message is BackgroundMessage {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string';
}

/** browser.scripting as the chunks' injector (read when a message arrives, so tests can stand in for it). */
const browserScripting: ScriptInjector = {
  executeScript: (injection) => browser.scripting.executeScript(injection),
};

export async function handleMessage(
  message: unknown,
  sender: Runtime.MessageSender,
  scripting: ScriptInjector = browserScripting,
): Promise<unknown> {
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
    case LOAD_CHUNK_MESSAGE:
      // Injects one of the content script's on-demand chunks (feed, reading list, help, glossary) into the sender's frame.
      return injectChunk(message.chunk, sender, scripting);
    case 'threadline:open-options': {
      const hash = typeof message.hash === 'string' ? message.hash.replace(/[^\w?=&.:-]/g, '').slice(0, 80) : '';
      await browser.tabs.create({ url: browser.runtime.getURL(`options.html${hash ? `#${hash}` : ''}`) });
      return true;
    }
    default:
      return undefined;
  }
}
