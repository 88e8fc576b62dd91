/** Vitest setup: `t()` reads the English messages from assets/_locales, with the browser's own substitution rules. */
import english from '../../../assets/_locales/en/messages.json';
import { formatMessage, installMessages, type MessageEntry } from '../../../src/shared/i18n';

const messages: Record<string, MessageEntry> = english;

installMessages((key, substitutions) => {
  const entry = messages[key];
  return entry ? formatMessage(entry, substitutions) : '';
});
