/** Points `t()` at the browser's own message lookup (browser.i18n); each extension entry calls this once. */
import { getMessage } from './browser';
import { fillTemplate, installMessages, SUBSTITUTION_MARKERS } from './i18n';

export function installBrowserMessages(): void {
  const templates = new Map<string, string>();
  installMessages((key, substitutions) => {
    // Each key is asked of the browser once, with markers for the substitutions: 600 comments ask for the same few
    // messages with different names and counts thousands of times (7 ms of a 640-comment load), and messages do not
    // change under a page.
    let template = templates.get(key);
    if (template === undefined) {
      try {
        template = getMessage(key, SUBSTITUTION_MARKERS);
      } catch {
        // An extension updated or reloaded under an open page loses browser.i18n, and a throw while rendering would
        // hand the whole view back to the blog: words already shown stay, others read as their keys until a reload.
        return '';
      }
      templates.set(key, template);
    }
    return fillTemplate(template, substitutions);
  });
}
