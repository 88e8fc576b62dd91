/** Publishes the content script's own instances of the shared modules (src/shared/shared-modules.ts) for its chunks. */
import * as preact from 'preact';
import * as preactHooks from 'preact/hooks';
import * as jsxRuntime from 'preact/jsx-runtime';
import * as browserSeam from '../shared/browser';
import { SHARED_MODULES_KEY, type SharedModuleId } from '../shared/shared-modules';
import * as storageArea from '../shared/storage';
import * as context from '../ui/context';
import * as log from '../shared/log';
import * as store from '../ui/store';

/** A module's exports as chunks read them (by name; a snapshot, which suits these modules' constant exports). */
const exportsOf = (namespace: object): object => Object.freeze({ ...namespace });

const modules: Record<SharedModuleId, object> = {
  preact: exportsOf(preact),
  'preact/hooks': exportsOf(preactHooks),
  'preact/jsx-runtime': exportsOf(jsxRuntime),
  'src/ui/context.ts': exportsOf(context),
  'src/ui/store.ts': exportsOf(store),
  'src/shared/log.ts': exportsOf(log),
  'src/shared/browser.ts': exportsOf(browserSeam),
  'src/shared/storage.ts': exportsOf(storageArea),
};

/** Put the registry on `scope` once (a second call, e.g. a re-run content script, keeps the first). */
export function publishSharedModules(scope: object = globalThis): void {
  if (Object.prototype.hasOwnProperty.call(scope, SHARED_MODULES_KEY)) return;
  Object.defineProperty(scope, SHARED_MODULES_KEY, { value: Object.freeze({ ...modules }), enumerable: false, writable: false, configurable: false });
}
