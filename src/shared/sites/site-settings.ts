/** Changes to one site's entry in the settings (enable, disable, glossary on/off, forget). */
import { loadSettings, updateSettings, type Settings, type SiteSettings } from '../settings';
import { isProbationHost } from './hosts';

/** A site's current entry, with the defaults a new site gets (glossary only on the probation blog). */
export function siteEntry(settings: Pick<Settings, 'sites'>, host: string): SiteSettings {
  return settings.sites[host] ?? { enabled: isProbationHost(host), glossary: isProbationHost(host) };
}

/** Merge a change into one site's entry and save the settings. */
export async function updateSite(host: string, change: Partial<SiteSettings>): Promise<Settings> {
  const settings = await loadSettings();
  const next = { ...siteEntry(settings, host), ...change };
  return updateSettings({ sites: { ...settings.sites, [host]: next } });
}

/** Remove a site's entry entirely (its scripts are unregistered by the background's reconcile). */
export async function forgetSite(host: string): Promise<Settings> {
  const settings = await loadSettings();
  const sites = { ...settings.sites };
  delete sites[host];
  return updateSettings({ sites });
}
