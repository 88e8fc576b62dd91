/** Options: the probation blog's glossary switch and every other Blogger blog the reader enabled (add, switch, remove). */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { Settings } from '../../shared/settings';
import { hasSiteAccess, releaseSiteAccess, requestSiteAccess } from '../../shared/sites/access';
import { isBlogspotHost, isProbationHost, normalizeHost, PROBATION_SITE_KEY } from '../../shared/sites/hosts';
import { siteEntry, updateSite, forgetSite } from '../../shared/sites/site-settings';
import { Section } from './Section';

type Report = (message: string | null) => void;

function useAccess(hosts: string[]): Record<string, boolean> {
  const [access, setAccess] = useState<Record<string, boolean>>({});
  const key = hosts.join(' ');
  useEffect(() => {
    let live = true;
    void Promise.all(hosts.map(async (host) => [host, await hasSiteAccess(host).catch(() => false)] as const)).then(
      (entries) => live && setAccess(Object.fromEntries(entries)),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return access;
}

/** Turn a site on: the permission prompt must open inside the click, so the request comes before anything awaited. */
function enable(host: string, report: Report): void {
  requestSiteAccess(host)
    .then(async (granted) => {
      if (!granted) return report(t('options_sites_refused', host));
      await updateSite(host, { enabled: true });
      report(null);
    })
    .catch((error: unknown) => report(t('options_sites_enable_failed', host, String(error))));
}

async function disable(host: string): Promise<void> {
  await updateSite(host, { enabled: false });
  await releaseSiteAccess(host).catch(() => false);
}

export function SitesSection({ settings, report }: { settings: Settings; report: Report }) {
  const others = Object.keys(settings.sites)
    .filter((host) => !isProbationHost(host))
    .sort();
  const access = useAccess(others);
  const [newHost, setNewHost] = useState('');
  const [hostError, setHostError] = useState<string | null>(null);
  const probation = siteEntry(settings, PROBATION_SITE_KEY);
  return (
    <Section id="sites" title={t('options_sites_title')}>
      <label className="choice">
        <input
          type="checkbox"
          name="glossary-probation"
          checked={probation.glossary}
          onChange={(event) => void updateSite(PROBATION_SITE_KEY, { glossary: event.currentTarget.checked })}
        />
        {t('options_sites_probation_glossary')}
      </label>
      <h3 id="other-sites">{t('options_sites_others')}</h3>
      {others.length === 0 ? (
        <p className="hint">{t('options_sites_none')}</p>
      ) : (
        <ul className="sites" aria-labelledby="other-sites">
          {others.map((host) => {
            const site = siteEntry(settings, host);
            const on = site.enabled && access[host] !== false;
            return (
              <li key={host} data-site={host}>
                <span className="host">{host}</span>
                <label className="choice">
                  <input
                    type="checkbox"
                    name={`enabled-${host}`}
                    checked={on}
                    onChange={(event) => (event.currentTarget.checked ? enable(host, report) : void disable(host))}
                  />
                  {t('options_sites_on')}
                </label>
                <label className="choice">
                  <input
                    type="checkbox"
                    name={`glossary-${host}`}
                    checked={site.glossary}
                    onChange={(event) => void updateSite(host, { glossary: event.currentTarget.checked })}
                  />
                  {t('options_sites_glossary')}
                </label>
                <button
                  type="button"
                  aria-label={t('options_sites_remove_label', host)}
                  onClick={() => void disable(host).then(() => forgetSite(host))}
                >
                  {t('options_remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          const host = normalizeHost(newHost.replace(/^https?:\/\//i, '').split('/')[0] ?? '');
          if (!host || !isBlogspotHost(host) || isProbationHost(host)) {
            setHostError(t('options_sites_bad_host'));
            return;
          }
          setHostError(null);
          setNewHost('');
          enable(host, report);
        }}
      >
        <label className="field">
          <span>{t('options_sites_add_label')}</span>
          <input
            name="newSite"
            value={newHost}
            placeholder={t('options_sites_add_placeholder')}
            aria-invalid={hostError ? 'true' : 'false'}
            aria-describedby={hostError ? 'new-site-error' : undefined}
            onInput={(event) => setNewHost(event.currentTarget.value)}
          />
        </label>
        <button type="submit">{t('options_sites_add')}</button>
        {hostError && (
          <p id="new-site-error" className="error">
            {hostError}
          </p>
        )}
      </form>
    </Section>
  );
}
