/** The one import of webextension-polyfill: every browser.* call in Threadline goes through this module. */
import browser from 'webextension-polyfill';

export type { Browser, Storage, Runtime, Tabs, Permissions } from 'webextension-polyfill';
export default browser;
