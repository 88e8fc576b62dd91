/** Content script entry: runs once per page of the blog and hands over to start(). */
import { installBrowserMessages } from '../shared/i18n-browser';
import { start } from './start';
import { claimWaiting, releaseWaiting } from './waiting';

const FLAG = '__threadlineStarted';
const globalScope = globalThis as typeof globalThis & { [FLAG]?: boolean };

if (!globalScope[FLAG]) {
  globalScope[FLAG] = true;
  claimWaiting(document);
  installBrowserMessages();
  // The comment list has waited since document start: once start-up is over it shows, unless the view hid it.
  void start(document, location.href)
    .catch(() => null)
    .finally(() => releaseWaiting(document));
}
