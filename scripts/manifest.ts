/** Pure function from the one manifest.json source to the Chrome and Firefox variants. */

export type Target = 'chrome' | 'firefox';

export const GECKO_ID = 'threadline@probation-reader.org';
export const FIREFOX_MIN_VERSION = '140.0';

type Manifest = Record<string, unknown> & { background?: Record<string, unknown> };

/** Build the manifest for one browser from the shared source and the package version. */
export function manifestFor(base: Manifest, target: Target, version: string): Manifest {
  const manifest: Manifest = structuredClone(base);
  manifest.version = version;
  if (target === 'chrome') {
    delete manifest.browser_specific_settings;
    delete manifest.sidebar_action;
    return manifest;
  }
  const background = manifest.background ?? {};
  manifest.background = { scripts: [String(background.service_worker ?? 'background.js')] };
  delete manifest.side_panel;
  delete manifest.minimum_chrome_version;
  const permissions = (manifest.permissions as string[] | undefined) ?? [];
  manifest.permissions = permissions.filter((permission) => permission !== 'sidePanel');
  manifest.browser_specific_settings = {
    gecko: {
      id: GECKO_ID,
      strict_min_version: FIREFOX_MIN_VERSION,
      data_collection_permissions: { required: ['none'] },
    },
    gecko_android: { strict_min_version: '142.0' },
  };
  return manifest;
}
