/** Asking for, checking and giving back the host permission of one site (optional_host_permissions). */
import { hasHostPermission, removeHostPermission, requestHostPermission } from '../browser';
import { originPatternsFor } from './hosts';

/**
 * Ask the reader for access to `host`. Call it first thing in a click handler, with no `await` before it (the
 * browsers' gesture rule: see requestHostPermission in src/shared/browser.ts).
 */
export function requestSiteAccess(host: string): Promise<boolean> {
  return requestHostPermission(originPatternsFor(host));
}

/** Whether the reader granted the host (on https or http: the browser's own site-access menu may grant only one). */
export async function hasSiteAccess(host: string): Promise<boolean> {
  for (const origin of originPatternsFor(host)) if (await hasHostPermission([origin])) return true;
  return false;
}

/** Give the host permission back (the background then unregisters the site's script). */
export function releaseSiteAccess(host: string): Promise<boolean> {
  return removeHostPermission(originPatternsFor(host));
}
