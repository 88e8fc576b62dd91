/** Keeps the dynamically registered content scripts equal to the enabled sites whose host permission is granted. */
import { isProbationHost, hostOfPattern, originPatternsFor } from './hosts';
import type { SiteSettings } from '../settings';

/** Every registered script id starts with one of these, so Threadline never touches scripts it did not register. */
export const SITE_SCRIPT_PREFIX = 'threadline-site:';
/** The early script's ids (src/content/early.ts: the comment list waits unlaid-out until Threadline has read it). */
export const EARLY_SCRIPT_PREFIX = 'threadline-early:';

export interface SiteScript {
  id: string;
  matches: string[];
  js: string[];
  css?: string[];
  runAt: 'document_idle' | 'document_start';
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

/** The document-start script and stylesheet a blog gets beside its content script, as the manifest gives the probation blog. */
export function earlyScriptFor(host: string): SiteScript {
  return {
    id: `${EARLY_SCRIPT_PREFIX}${host}`,
    matches: originPatternsFor(host),
    js: ['early.js'],
    css: ['early.css'],
    runAt: 'document_start',
    persistAcrossSessions: true,
  };
}

/** Every script one enabled blog has registered. */
export function scriptsForHost(host: string): SiteScript[] {
  return [siteScriptFor(host), earlyScriptFor(host)];
}

/** The host a script id of Threadline's names, or null for another extension's or someone else's id. */
function hostOfScriptId(id: string): string | null {
  for (const prefix of [SITE_SCRIPT_PREFIX, EARLY_SCRIPT_PREFIX]) if (id.startsWith(prefix)) return id.slice(prefix.length);
  return null;
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
  const present = (await api.getRegisteredContentScripts()).map((script) => script.id).filter((id) => hostOfScriptId(id) !== null);
  const presentIds = new Set(present);
  const result: ReconcileResult = { registered: [], unregistered: [], failed: [] };
  const stale = present.filter((id) => !wanted.has(hostOfScriptId(id)!));
  if (stale.length > 0) {
    await api.unregisterContentScripts({ ids: stale });
    result.unregistered.push(...new Set(stale.map((id) => hostOfScriptId(id)!)));
  }
  // One call per host: a host the browser refuses must not keep the others from registering. A host registered before
  // the early script existed gets just that one.
  for (const host of wanted) {
    const missing = scriptsForHost(host).filter((script) => !presentIds.has(script.id));
    if (missing.length === 0) continue;
    try {
      await api.registerContentScripts(missing);
      result.registered.push(host);
    } catch (error) {
      result.failed.push({ host, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}
