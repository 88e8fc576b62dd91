/** The real RegistrationApi: browser.scripting and browser.permissions. */
import browser from '../browser';
import type { RegistrationApi } from './registration';

export const browserRegistrationApi: RegistrationApi = {
  getRegisteredContentScripts: (filter) => browser.scripting.getRegisteredContentScripts(filter),
  registerContentScripts: (scripts) => browser.scripting.registerContentScripts(scripts),
  unregisterContentScripts: (filter) => browser.scripting.unregisterContentScripts(filter),
  grantedOrigins: async () => (await browser.permissions.getAll()).origins ?? [],
};
