/** Decides, from the settings, whether Threadline runs on a host and whether the probation glossary is on there. */
import type { Settings } from '../settings';
import { isProbationHost, PROBATION_SITE_KEY } from './hosts';

export interface SitePolicy {
  /** Restructure this page's comments. */
  run: boolean;
  /** Mark probation acronyms. */
  glossary: boolean;
}

/**
 * The probation blog always runs, glossary on unless the reader turned it off; any other host runs only when the
 * reader enabled it (settings.sites[host].enabled), glossary off unless turned on for that site.
 */
export function sitePolicy(host: string, settings: Pick<Settings, 'sites'>): SitePolicy {
  const key = host.toLowerCase();
  if (isProbationHost(key)) return { run: true, glossary: settings.sites[PROBATION_SITE_KEY]?.glossary ?? true };
  const site = settings.sites[key];
  if (!site?.enabled) return { run: false, glossary: false };
  return { run: true, glossary: site.glossary };
}
