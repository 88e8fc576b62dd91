/** Background script: keeps no state of its own (MV3 may stop it any time); answers small requests from pages. */
import browser, { type Runtime } from '../shared/browser';
import { handleMessage } from './messages';
import { watchSites } from './sites';
import { startSavedSync } from '../features/reading/storage/saved-sync';

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => handleMessage(message, sender));
watchSites();
startSavedSync();
