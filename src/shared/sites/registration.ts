/** Keeps the dynamically registered content scripts equal to the enabled sites whose host permission is granted. */
import { isProbationHost, hostOfPattern, originPatternsFor } from './hosts';
import type { SiteSettings } from '../settings';

/** Every registered script id starts with this, so Threadline never touches scripts it did not register. */
export const SITE_SCRIPT_PREFIX = 'threadline-site:';

export interface SiteScript {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_idle';
  persistAcrossSessions: boolean;
}

/** The slice of `browser.scripting` and `browser.permissions` the registration needs (a fake in unit tests). */
export interface RegistrationApi {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<{ id: string }[]>;
  registerContentScripts(scripts: SiteScript[]): Promise<void>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
  /** Origins the reader granted (permissions.getAll().origins). */
  grantedOrigins(): Promise<string[]>;
}

export function siteScriptId(host: string): string {
  return `${SITE_SCRIPT_PREFIX}${host}`;
}

export function siteScriptFor(host: string): SiteScript {
  return {
    id: siteScriptId(host),
    matches: originPatternsFor(host),
    js: ['content.js'],
    runAt: 'document_idle',
    persistAcrossSessions: true,
  };
}

/** Hosts granted exactly (wildcards such as "https://*\/*" name no host and are ignored). */
export function grantedHosts(origins: string[]): Set<string> {
  const hosts = new Set<string>();
  for (const origin of origins) {
    const host = hostOfPattern(origin);
    if (host) hosts.add(host);
  }
  return hosts;
}

/** The hosts that should have a registered script: enabled, not built in, and granted. */
export function wantedHosts(sites: Record<string, SiteSettings>, granted: Set<string>): string[] {
  return Object.entries(sites)
    .filter(([host, site]) => site.enabled && !isProbationHost(host) && granted.has(host))
    .map(([host]) => host)
    .sort();
}

export interface ReconcileResult {
  registered: string[];
  unregistered: string[];
  failed: { host: string; error: string }[];
}

/** Register what is wanted and missing, unregister Threadline's scripts that are no longer wanted. */
export async function reconcileSiteScripts(sites: Record<string, SiteSettings>, api: RegistrationApi): Promise<ReconcileResult> {
  const granted = grantedHosts(await api.grantedOrigins());
  const wanted = new Set(wantedHosts(sites, granted));
  const present = new Set(
    (await api.getRegisteredContentScripts())
      .map((script) => script.id)
      .filter((id) => id.startsWith(SITE_SCRIPT_PREFIX))
      .map((id) => id.slice(SITE_SCRIPT_PREFIX.length)),
  );
  const result: ReconcileResult = { registered: [], unregistered: [], failed: [] };
  const stale = [...present].filter((host) => !wanted.has(host));
  if (stale.length > 0) {
    await api.unregisterContentScripts({ ids: stale.map(siteScriptId) });
    result.unregistered.push(...stale);
  }
  // One call per host: a host the browser refuses must not keep the others from registering.
  for (const host of wanted) {
    if (present.has(host)) continue;
    try {
      await api.registerContentScripts([siteScriptFor(host)]);
      result.registered.push(host);
    } catch (error) {
      result.failed.push({ host, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}
