/** Points `t()` at the browser's own message lookup (browser.i18n); each extension entry calls this once. */
import english from '../../assets/_locales/en/messages.json';
import { getMessage } from './browser';
import { formatMessage, installMessages, type MessageEntry } from './i18n';

export function installBrowserMessages(): void {
  installMessages((key, substitutions) => {
    try {
      return getMessage(key, substitutions);
    } catch {
      // An extension updated or reloaded under an open page loses browser.i18n: the view keeps working, in English.
      const entry = (english as Record<string, MessageEntry>)[key];
      return entry ? formatMessage(entry, substitutions) : '';
    }
  });
}
