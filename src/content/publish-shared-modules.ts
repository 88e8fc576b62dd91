/** Publishes the content script's own instances of the shared modules (src/shared/shared-modules.ts) for its chunks. */
import * as preact from 'preact';
import * as preactHooks from 'preact/hooks';
import * as jsxRuntime from 'preact/jsx-runtime';
import * as browserSeam from '../shared/browser';
import { SHARED_MODULES_KEY, type SharedModuleId } from '../shared/shared-modules';
import * as context from '../ui/context';
import * as log from '../ui/log';
import * as store from '../ui/store';

/** A module as a chunk's CommonJS shim hands it over: marked as ES, so `import x from` gets its default export. */
const asEsModule = (namespace: object): object => Object.freeze({ __esModule: true, ...namespace });

const modules: Record<SharedModuleId, object> = {
  preact: asEsModule(preact),
  'preact/hooks': asEsModule(preactHooks),
  'preact/jsx-runtime': asEsModule(jsxRuntime),
  'src/ui/context.ts': asEsModule(context),
  'src/ui/store.ts': asEsModule(store),
  'src/ui/log.ts': asEsModule(log),
  'src/shared/browser.ts': asEsModule(browserSeam),
};

/** Put the registry on `scope` once (a second call, e.g. a re-run content script, keeps the first). */
export function publishSharedModules(scope: object = globalThis): void {
  if (Object.prototype.hasOwnProperty.call(scope, SHARED_MODULES_KEY)) return;
  Object.defineProperty(scope, SHARED_MODULES_KEY, { value: Object.freeze({ ...modules }), enumerable: false, writable: false, configurable: false });
}
