/** What the background does with each message a content script sends it (the messages: src/shared/messages.ts). */
import { BUILT_IN_TERMS } from '../features/glossary/terms';
import { executeScriptFiles, openExtensionPage, setTabBadge, type MessageSender } from '../shared/browser';
import { LOAD_CHUNK_MESSAGE } from '../shared/chunks';
import { parseContentToBackgroundMessage, refuse, type ContentToBackgroundMessage, type ContentToBackgroundResponses } from '../shared/messages';
import { injectChunk, type ScriptInjector } from './chunks';

/**
 * Answer one message. It is validated first: a message that does not parse is refused (the promise rejects with a
 * MessageRefusedError saying why) before any browser API is called.
 */
export function handleMessage(message: unknown, sender: MessageSender, scripting: ScriptInjector = executeScriptFiles): Promise<unknown> {
  const parsed = parseContentToBackgroundMessage(message);
  if (!parsed.ok) return refuse(parsed.error);
  return answer(parsed.message, sender, scripting);
}

async function answer(
  message: ContentToBackgroundMessage,
  sender: MessageSender,
  scripting: ScriptInjector,
): Promise<ContentToBackgroundResponses[ContentToBackgroundMessage['type']]> {
  switch (message.type) {
    case 'threadline:badge': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return false;
      await setTabBadge(tabId, message.text);
      return true;
    }
    case 'threadline:glossary-terms':
      return BUILT_IN_TERMS;
    case LOAD_CHUNK_MESSAGE:
      // Injects one of the content script's on-demand chunks (feed, reading list, help, glossary) into the sender's frame.
      return injectChunk(message.chunk, sender, scripting);
    case 'threadline:open-options': {
      const hash = (message.hash ?? '').replace(/[^\w?=&.:-]/g, '').slice(0, 80);
      await openExtensionPage(`options.html${hash ? `#${hash}` : ''}`);
      return true;
    }
  }
}
