/** The real RegistrationApi: the browser's run-time content script registry and its granted origins. */
import { contentScripts, grantedOrigins } from '../browser';
import type { RegistrationApi } from './registration';

export const browserRegistrationApi: RegistrationApi = {
  getRegisteredContentScripts: (filter) => contentScripts.registered(filter),
  registerContentScripts: (scripts) => contentScripts.register(scripts),
  unregisterContentScripts: (filter) => contentScripts.unregister(filter),
  grantedOrigins: () => grantedOrigins(),
};
