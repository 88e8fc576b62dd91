/** Points `t()` at the browser's own message lookup (browser.i18n); each extension entry calls this once. */
import { getMessage } from './browser';
import { installMessages } from './i18n';

export function installBrowserMessages(): void {
  const known = new Map<string, string>();
  installMessages((key, substitutions) => {
    const asked = `${key}\u0000${substitutions.join('\u0000')}`;
    // Messages do not change under a page: each distinct one is asked of the browser once (600 comments ask thousands).
    const cached = known.get(asked);
    if (cached !== undefined) return cached;
    try {
      const message = getMessage(key, substitutions);
      known.set(asked, message);
      return message;
    } catch {
      // An extension updated or reloaded under an open page loses browser.i18n, and a throw while rendering would hand
      // the whole view back to the blog: words already shown stay (cached), others read as their keys until the page reloads.
      return '';
    }
  });
}
