/**
 * The one door to the browser's extension APIs, and the one import of webextension-polyfill (modelled on the
 * Hypothesis extension's chrome-api.ts). Every Chrome/Firefox difference Threadline depends on is handled, and
 * commented, here; no other module may test which browser it runs in or touch `chrome.*`.
 *
 * Plain calls with no quirk (storage reads and writes in src/storage/area.ts, for one) may still go through the
 * default `browser` export; anything with a quirk has a small function below, and callers use that.
 *
 * Nothing here touches an API when the module loads: chunks share this module's instance (src/shared/shared-modules.ts),
 * and unit tests load it with a stand-in for webextension-polyfill.
 */
import browser from 'webextension-polyfill';
import type { Permissions, Runtime, Scripting, Tabs } from 'webextension-polyfill';

export type { Browser, Storage, Runtime, Tabs, Permissions } from 'webextension-polyfill';
export default browser;

// ---------------------------------------------------------------------------------------------------------------------
// Lost extension

/**
 * The messages of an extension that went away under an open page (updated, reloaded or removed): Chromium throws
 * "Extension context invalidated."; Firefox throws "can't access dead object" (or "TypeError: … dead object") once the
 * extension's objects are gone; both answer a message with "Could not establish connection. Receiving end does not
 * exist." when nothing listens any more.
 */
const DISCONNECTED = /context invalidated|dead object|Receiving end does not exist|extension context/i;

/** Whether `error` (thrown, or a rejection value) says the extension is out of reach until the page is reloaded. */
export function isDisconnectedError(error: unknown): boolean {
  return DISCONNECTED.test(errorMessage(error));
}

/** The words of an error, whatever was thrown: an Error, a `{ message }` the browser cloned across, or anything else. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string')
    return (error as { message: string }).message;
  return String(error);
}

// ---------------------------------------------------------------------------------------------------------------------
// Runtime messaging

export type MessageSender = Runtime.MessageSender;

/**
 * A runtime.onMessage listener, polyfill style: return a Promise to answer (a rejection reaches the sender as a rejected
 * sendMessage with the Error's message: the polyfill carries it across in Chrome, Firefox does so itself), or
 * undefined to leave the message to another listener. Never `return true` / sendResponse: the polyfill's contract.
 */
export type MessageListener = (message: unknown, sender: MessageSender) => Promise<unknown> | undefined;

/**
 * Listen to runtime messages (from content scripts to the background, or from tabs.sendMessage to a content script);
 * returns the stop function. In the background, call it in the script's first turn: MV3 wakes a stopped background
 * (Chrome's service worker, Firefox's event page) only for listeners registered synchronously at start.
 */
export function onRuntimeMessage(listener: MessageListener): () => void {
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/**
 * Send a message to the background (and any open extension page). Resolves undefined when a listener exists but none
 * answers (the polyfill swallows Chrome's "message port closed before a response was received"); rejects with
 * "Receiving end does not exist" when nothing listens, e.g. the extension was reloaded (see isDisconnectedError).
 * Callers use the typed sendToBackground in src/shared/messages.ts.
 */
export function sendRuntimeMessage(message: unknown): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}

/** Send a message to the content scripts of one tab (typed: sendToContent in src/shared/messages.ts); rejects when none listens. */
export function sendTabMessage(tabId: number, message: unknown): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, message);
}

/** A long-lived channel between a content script and the background (runtime.connect / runtime.onConnect). */
export interface MessagePort {
  readonly name: string;
  postMessage(message: unknown): void;
  /** Listen to the other end's messages; returns the stop function. */
  onMessage(listener: (message: unknown) => void): () => void;
  /** Called once when the other end closes the port or goes away (a stopped background, a closed tab); returns the stop function. */
  onDisconnect(listener: () => void): () => void;
  disconnect(): void;
}

function wrapPort(port: Runtime.Port): MessagePort {
  return {
    name: port.name,
    postMessage: (message) => port.postMessage(message),
    onMessage(listener) {
      const onMessage = (message: unknown) => listener(message);
      port.onMessage.addListener(onMessage);
      return () => port.onMessage.removeListener(onMessage);
    },
    onDisconnect(listener) {
      const onDisconnect = () => listener();
      port.onDisconnect.addListener(onDisconnect);
      return () => port.onDisconnect.removeListener(onDisconnect);
    },
    disconnect: () => port.disconnect(),
  };
}

/**
 * Open a port to the background (it wakes a stopped one). Messages are serialized one at a time (JSON in Chrome,
 * structured clone in Firefox), so a sender keeps each one small and yields between them. Throws when the extension
 * went away under the page (see isDisconnectedError).
 */
export function connectToBackground(name: string): MessagePort {
  return wrapPort(browser.runtime.connect({ name }));
}

/** Listen to ports content scripts open (in the background, registered in its first turn); returns the stop function. */
export function onRuntimeConnect(listener: (port: MessagePort, sender: MessageSender | undefined) => void): () => void {
  const onConnect = (port: Runtime.Port) => listener(wrapPort(port), port.sender);
  browser.runtime.onConnect.addListener(onConnect);
  return () => browser.runtime.onConnect.removeListener(onConnect);
}

// ---------------------------------------------------------------------------------------------------------------------
// Tabs and extension pages

/** The tab with this id, or null when it is gone (tabs.get rejects for an unknown id in both browsers). */
export function getTab(tabId: number): Promise<Tabs.Tab | null> {
  return browser.tabs.get(tabId).catch(() => null);
}

/** The active tab of the window the calling page (popup, sidebar) belongs to, or null. */
export async function activeTabOfCurrentWindow(): Promise<Tabs.Tab | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab ?? null;
}

/**
 * The tab the calling extension page is shown in, or null when it is not in a tab: the popup, Chrome's side panel and
 * Firefox's sidebar all get undefined from tabs.getCurrent (not an error).
 */
export async function currentTab(): Promise<Tabs.Tab | null> {
  return (await browser.tabs.getCurrent().catch(() => undefined)) ?? null;
}

/** Open `url` in a new tab. */
export async function openTab(url: string): Promise<void> {
  await browser.tabs.create({ url });
}

/** Load `url` in an existing tab. */
export async function navigateTab(tabId: number, url: string): Promise<void> {
  await browser.tabs.update(tabId, { url });
}

/** The full URL of a file in the extension's package (e.g. "options.html#glossary"). */
export function extensionUrl(path: string): string {
  return browser.runtime.getURL(path);
}

/** Open one of the extension's own pages in a new tab, e.g. the options page at a section ("options.html#glossary"). */
export function openExtensionPage(path: string): Promise<void> {
  return openTab(extensionUrl(path));
}

/** Open the options page the browser's way (a tab, as manifest `options_ui.open_in_tab` asks, or the existing one). */
export function openOptionsPage(): Promise<void> {
  return browser.runtime.openOptionsPage();
}

/** A message of the extension's _locales in the browser's language ('' when the key is unknown). */
export function getMessage(key: string, substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions);
}

// ---------------------------------------------------------------------------------------------------------------------
// Toolbar badge

/** The badge shows about four characters in both browsers (Chrome documents the limit; longer text is cut or squeezed). */
export const BADGE_MAX_CHARS = 4;

/**
 * Set the toolbar badge of one tab; empty text clears it. Both builds use MV3's `action` (Firefox has it since 109;
 * Threadline asks for 140), so no `browserAction` fallback is needed.
 */
export async function setTabBadge(tabId: number, text: string, color = '#0a5bc4'): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: text.slice(0, BADGE_MAX_CHARS) });
  await browser.action.setBadgeBackgroundColor({ tabId, color });
}

/**
 * Set the toolbar badge for every tab at once (the global badge: new comments on followed posts). A tab's own badge
 * (setTabBadge, a post's new comments) is shown over it in that tab; empty text clears the global one. `title` is the
 * button's tooltip (the badge's few characters cannot say "2 replies to you"); undefined gives the default title back.
 */
export async function setGlobalBadge(text: string, color = '#0a5bc4', title?: string): Promise<void> {
  await browser.action.setBadgeText({ text: text.slice(0, BADGE_MAX_CHARS) });
  await browser.action.setBadgeBackgroundColor({ color });
  // Chrome refuses a null title (Firefox would take it as "back to the default"); an empty one shows the extension's
  // name in both, which is the manifest's default title.
  await browser.action.setTitle({ title: title ?? '' });
}

// ---------------------------------------------------------------------------------------------------------------------
// Alarms

/**
 * Ask for one alarm at `when` (epoch ms), replacing any alarm of that name. One-shot alarms only: the caller schedules
 * the next one after each run (so back-off can stretch the gap). Chrome fires no alarm sooner than 30 s after it is
 * set in a packed extension (unpacked ones may, with a console warning); Firefox honours `when` as given. Both wake
 * a stopped background for an onAlarm listener registered in its first turn.
 */
export async function scheduleAlarm(name: string, when: number): Promise<void> {
  await browser.alarms.create(name, { when });
}

/** Cancel the named alarm (no error when there is none). */
export async function cancelAlarm(name: string): Promise<void> {
  await browser.alarms.clear(name);
}

/** When the named alarm is due (epoch ms), or null when none is set. */
export async function alarmTime(name: string): Promise<number | null> {
  return (await browser.alarms.get(name))?.scheduledTime ?? null;
}

/** Run `listener` with an alarm's name when it fires; register in the background's first turn. */
export function onAlarm(listener: (name: string) => void): () => void {
  const handler = (alarm: { name: string }) => listener(alarm.name);
  browser.alarms.onAlarm.addListener(handler);
  return () => browser.alarms.onAlarm.removeListener(handler);
}

// ---------------------------------------------------------------------------------------------------------------------
// Scripting

/** Where a script is injected: a tab, optionally only some of its frames. */
export interface ScriptTarget {
  tabId: number;
  frameIds?: number[];
}

/**
 * Firefox resolves executeScript even when the script failed to load or threw in a frame, and reports that in the
 * frame's result as `error` (any thrown value; usually an Error-like `{ message }`); Chrome rejects instead. This
 * turns the Firefox shape into the same rejection, so callers handle one shape.
 */
export function throwFrameErrors<T>(results: T): T {
  if (!Array.isArray(results)) return results;
  const failed = (results as { error?: unknown }[]).find((result) => typeof result === 'object' && result !== null && result.error !== undefined);
  if (failed) throw new Error(errorMessage(failed.error));
  return results;
}

/**
 * Run extension files (e.g. "content.js", a chunk) in a tab's frames, in the extension's isolated world. Resolves when
 * they ran; rejects, in both browsers, when they could not (no host permission, missing file, a throw while running).
 */
export async function executeScriptFiles(target: ScriptTarget, files: string[]): Promise<void> {
  throwFrameErrors(await browser.scripting.executeScript({ target, files }));
}

/**
 * Run `func` in the tab's top frame and resolve with what it returned (undefined if nothing). Both browsers serialise
 * `func` as source: it must not use anything from its enclosing scope. Rejects like executeScriptFiles.
 */
export async function executeScriptFunction<T>(tabId: number, func: () => T): Promise<T | undefined> {
  const [first] = throwFrameErrors(await browser.scripting.executeScript({ target: { tabId }, func }));
  return first?.result as T | undefined;
}

/** A content script registered at run time (scripting.registerContentScripts), as Threadline registers them. */
export type RegisteredScript = Scripting.RegisteredContentScript;

/** The run-time content script registry: persisted across sessions when asked (`persistAcrossSessions`) in both browsers. */
export const contentScripts = {
  registered: (filter?: { ids?: string[] }): Promise<{ id: string }[]> => browser.scripting.getRegisteredContentScripts(filter),
  register: (scripts: RegisteredScript[]): Promise<void> => browser.scripting.registerContentScripts(scripts),
  unregister: (filter?: { ids?: string[] }): Promise<void> => browser.scripting.unregisterContentScripts(filter),
};

// ---------------------------------------------------------------------------------------------------------------------
// Host permissions

/**
 * Ask the reader for host permissions (a browser prompt). Call it FIRST THING in a click handler, with no `await`
 * before it: Firefox shows the prompt only while the click is being handled and forgets that the moment the handler
 * awaits anything; Chrome also insists on a user gesture. Resolves whether they were granted.
 */
export function requestHostPermission(origins: string[]): Promise<boolean> {
  return browser.permissions.request({ origins });
}

/** Whether every one of `origins` is granted (ask one at a time to learn whether any is). */
export function hasHostPermission(origins: string[]): Promise<boolean> {
  return browser.permissions.contains({ origins });
}

/** Give host permissions back. */
export function removeHostPermission(origins: string[]): Promise<boolean> {
  return browser.permissions.remove({ origins });
}

/** Every origin granted now: the install-time hosts, the optional ones the reader allowed, and any from the browser's own site-access menu. */
export async function grantedOrigins(): Promise<string[]> {
  return (await browser.permissions.getAll()).origins ?? [];
}

/** Follow permissions the reader grants or takes back (also through the browser's own menus); register at background start. */
export function onPermissionsChanged(listeners: {
  added(permissions: Permissions.Permissions): void;
  removed(permissions: Permissions.Permissions): void;
}): void {
  browser.permissions.onAdded.addListener(listeners.added);
  browser.permissions.onRemoved.addListener(listeners.removed);
}

// ---------------------------------------------------------------------------------------------------------------------
// Lifecycle

/**
 * Run `listener` when the extension is installed, updated or reloaded (onInstalled) and when a browser profile starts
 * with it (onStartup; not fired on install or reload). Register in the background's first turn (see onRuntimeMessage).
 */
export function onExtensionStart(listener: () => void): void {
  browser.runtime.onInstalled.addListener(() => listener());
  browser.runtime.onStartup.addListener(() => listener());
}

// ---------------------------------------------------------------------------------------------------------------------
// The browser's own sidebar (Chrome side panel, Firefox sidebar_action)

interface SidePanelApi {
  open(options: { tabId: number }): Promise<void>;
}

interface SidebarApis {
  /** Chrome 116+: `chrome.sidePanel`. Not in the polyfill's types, so read from `chrome` itself. */
  sidePanel?: SidePanelApi;
  /** Firefox: `browser.sidebarAction` (the Chrome build has no sidebar_action and so no such API). */
  sidebarAction?: { open(): Promise<void> };
}

/**
 * The sidebar APIs this browser has. Firefox also defines a `chrome` global (for compatibility) but without
 * `sidePanel`, so finding `chrome.sidePanel.open` means Chrome; Chrome has no `sidebarAction`.
 */
function sidebarApis(scope: object = globalThis): SidebarApis {
  const chrome = (scope as { chrome?: { sidePanel?: Partial<SidePanelApi> } }).chrome;
  const sidePanel = typeof chrome?.sidePanel?.open === 'function' ? (chrome.sidePanel as SidePanelApi) : undefined;
  const sidebarAction = (browser as { sidebarAction?: Partial<{ open(): Promise<void> }> }).sidebarAction;
  return { sidePanel, sidebarAction: typeof sidebarAction?.open === 'function' ? (sidebarAction as { open(): Promise<void> }) : undefined };
}

/** Which native sidebar openNativeSidebar would use here: Chrome's side panel, Firefox's sidebar, or none. */
export function nativeSidebarKind(scope: object = globalThis): 'side-panel' | 'sidebar-action' | null {
  const apis = sidebarApis(scope);
  return apis.sidePanel ? 'side-panel' : apis.sidebarAction ? 'sidebar-action' : null;
}

/** Whether this browser and build have a native panel to open (so the popup offers the button). */
export function canOpenNativeSidebar(scope: object = globalThis): boolean {
  return nativeSidebarKind(scope) !== null;
}

/**
 * Open the reading-list panel: Chrome's side panel for `tabId`, or Firefox's sidebar (one per window; it takes no tab).
 * Call it directly in the click handler, no `await` before: both browsers refuse without a user gesture, and Firefox
 * forgets the gesture across an await. Rejects when this browser has no such panel.
 */
export function openNativeSidebar(tabId: number, scope: object = globalThis): Promise<void> {
  const apis = sidebarApis(scope);
  if (apis.sidePanel) return apis.sidePanel.open({ tabId });
  if (apis.sidebarAction) return apis.sidebarAction.open();
  return Promise.reject(new Error('no sidebar in this browser'));
}
