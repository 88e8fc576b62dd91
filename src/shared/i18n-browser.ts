/** Points `t()` at the browser's own message lookup (browser.i18n); each extension entry calls this once. */
import { getMessage } from './browser';
import { installMessages } from './i18n';

export function installBrowserMessages(): void {
  installMessages(getMessage);
}
