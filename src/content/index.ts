/** Content script entry: runs once per page of the blog and hands over to start(). */
import { publishSharedModules } from './publish-shared-modules';
import { start } from './start';

const FLAG = '__threadlineStarted';
const globalScope = globalThis as typeof globalThis & { [FLAG]?: boolean };

if (!globalScope[FLAG]) {
  globalScope[FLAG] = true;
  publishSharedModules();
  void start(document, location.href);
}
