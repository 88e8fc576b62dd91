/** Background script: keeps no state of its own (MV3 may stop it any time); answers small requests from pages. */
import { onRuntimeMessage } from '../shared/browser';
import { installBrowserMessages } from '../shared/i18n-browser';
import { startAnalysisService } from './analysis';
import { handleMessage } from './messages';
import { watchSites } from './sites';
import { startSavedSync } from '../features/reading/storage/saved-sync';
import { startFollowBackground } from '../features/follow/background';

// Listeners are registered in the first turn: a stopped background is woken only for those. (Not handleMessage itself:
// its third parameter is the injector, and a listener's third argument is the browser's sendResponse.)
installBrowserMessages();
onRuntimeMessage((message, sender) => handleMessage(message, sender));
startAnalysisService();
watchSites();
startSavedSync();
startFollowBackground();
