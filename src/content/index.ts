/** Content script entry: runs once per page of the blog and hands over to start(). */
import { installBrowserMessages } from '../shared/i18n-browser';
import { start } from './start';

const FLAG = '__threadlineStarted';
const globalScope = globalThis as typeof globalThis & { [FLAG]?: boolean };

if (!globalScope[FLAG]) {
  globalScope[FLAG] = true;
  installBrowserMessages();
  void start(document, location.href);
}
