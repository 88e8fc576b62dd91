/** Background side of "other Blogger blogs": follows granted host permissions and settings with script registrations. */
import { onExtensionStart, onPermissionsChanged, type Permissions } from '../shared/browser';
import { browserRegistrationApi } from '../shared/sites/browser-registration';
import { hostOfPattern, isProbationHost } from '../shared/sites/hosts';
import { reconcileSiteScripts, type RegistrationApi } from '../shared/sites/registration';
import { siteEntry, updateSite } from '../shared/sites/site-settings';
import { loadSettings, onSettingsChanged } from '../shared/settings';

let queue: Promise<unknown> = Promise.resolve();

/** Run reconciles one after another (two at once could register the same id twice). */
export function reconcileNow(api: RegistrationApi = browserRegistrationApi): Promise<void> {
  const run = queue.then(async () => {
    const result = await reconcileSiteScripts((await loadSettings()).sites, api);
    for (const { host, error } of result.failed) console.warn(`Threadline: could not enable ${host}: ${error}`);
  });
  queue = run.catch(() => undefined);
  return run;
}

function hostsOf(permissions: Permissions.Permissions): string[] {
  return (permissions.origins ?? []).map(hostOfPattern).filter((host): host is string => host !== null && !isProbationHost(host));
}

/** A host the reader granted (from the popup or the browser's own site-access menu) is a host they want Threadline on. */
async function onGranted(permissions: Permissions.Permissions): Promise<void> {
  const settings = await loadSettings();
  for (const host of hostsOf(permissions)) {
    if (!siteEntry(settings, host).enabled) await updateSite(host, { enabled: true });
  }
  await reconcileNow();
}

/** A host whose permission was taken back is disabled (its glossary choice is kept for next time). */
async function onRevoked(permissions: Permissions.Permissions): Promise<void> {
  const settings = await loadSettings();
  for (const host of hostsOf(permissions)) {
    if (settings.sites[host]?.enabled) await updateSite(host, { enabled: false });
  }
  await reconcileNow();
}

/** Wire the listeners (must run synchronously at background start so events wake it). */
export function watchSites(): void {
  const warn = (error: unknown) => console.warn('Threadline: site registration failed', error);
  onExtensionStart(() => void reconcileNow().catch(warn));
  onPermissionsChanged({
    added: (permissions) => void onGranted(permissions).catch(warn),
    removed: (permissions) => void onRevoked(permissions).catch(warn),
  });
  onSettingsChanged(() => void reconcileNow().catch(warn));
}
