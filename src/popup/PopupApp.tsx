/** The toolbar popup: on a blog page its state and quick switches; elsewhere "Enable on this site" for a Blogger blog. */
import { useEffect, useState } from 'preact/hooks';
import { openOptionsPage } from '../shared/browser';
import { t } from '../shared/i18n';
import type { PageState } from '../shared/messages';
import { hasSiteAccess, releaseSiteAccess, requestSiteAccess } from '../shared/sites/access';
import { PROBATION_SITE_KEY } from '../shared/sites/hosts';
import { siteEntry, updateSite } from '../shared/sites/site-settings';
import { loadSettings, onSettingsChanged, updateSettings, type Settings } from '../shared/settings';
import { FollowedPosts } from './FollowedPosts';
import { askPage, detectBlogger, injectThreadline, waitForPage } from './page-access';
import { canOpenSidebar, openSidebar } from './open-sidebar';
import { stateLine, tabKind, type TabKind } from './tab-kind';
import { targetTab } from './target-tab';

interface Target {
  tabId: number;
  kind: TabKind;
}

async function resolveTarget(): Promise<Target | null> {
  const tab = await targetTab();
  if (!tab?.id) return null;
  const settings = await loadSettings();
  const url = tab.url;
  const host = url ? new URL(url).hostname : '';
  const granted = host ? await hasSiteAccess(host).catch(() => false) : false;
  return { tabId: tab.id, kind: tabKind(url, settings, () => granted) };
}

function useLiveSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void loadSettings().then(setSettings);
    return onSettingsChanged(setSettings);
  }, []);
  return settings;
}

export function PopupApp() {
  const [target, setTarget] = useState<Target | null | undefined>(undefined);
  const [page, setPage] = useState<PageState | null | undefined>(undefined);
  const [blogger, setBlogger] = useState<boolean | null | undefined>(undefined);
  const [message, setMessage] = useState<string | null>(null);
  const settings = useLiveSettings();

  const refresh = async () => {
    const next = await resolveTarget();
    setTarget(next);
    if (!next) return;
    if (next.kind.kind === 'active') setPage(await waitForPage(next.tabId, 5));
    if (next.kind.kind === 'other') setBlogger(await detectBlogger(next.tabId));
  };
  useEffect(() => {
    void refresh();
  }, []);

  if (target === undefined || !settings) return <p role="status">{t('popup_looking')}</p>;
  const kind = target?.kind ?? { kind: 'none' };

  const enable = (host: string) => {
    // The permission prompt must open inside the click: nothing is awaited before this call.
    const asked = requestSiteAccess(host);
    setMessage(t('popup_asking', host));
    asked
      .then(async (granted) => {
        if (!granted) return setMessage(t('popup_refused', host));
        await updateSite(host, { enabled: true });
        setMessage(t('popup_enabled', host));
        if (target && (await injectThreadline(target.tabId))) await refresh();
        else setMessage(t('popup_enabled_reload', host));
      })
      .catch((error: unknown) => setMessage(t('popup_enable_failed', host, String(error))));
  };

  const disable = async (host: string) => {
    await updateSite(host, { enabled: false });
    await releaseSiteAccess(host).catch(() => false);
    setPage(undefined);
    setMessage(t('popup_disabled', host));
    await refresh();
  };

  return (
    <main className="popup">
      <header className="popup-header">
        <h1>{t('popup_title')}</h1>
        {kind.kind !== 'none' && <p className="popup-host">{kind.host}</p>}
      </header>
      {kind.kind === 'none' && (
        <section className="popup-section">
          <p>{t('popup_nowhere')}</p>
        </section>
      )}
      {kind.kind === 'active' && (
        <ActivePage
          host={kind.host}
          probation={kind.probation}
          page={page}
          settings={settings}
          tabId={target!.tabId}
          onPage={setPage}
          onDisable={() => void disable(kind.host)}
        />
      )}
      {kind.kind === 'blogspot' && <EnableOffer host={kind.host} onEnable={enable} />}
      {kind.kind === 'other' &&
        (blogger === undefined ? (
          <section className="popup-section">
            <p role="status">{t('popup_checking')}</p>
          </section>
        ) : blogger ? (
          <EnableOffer host={kind.host} onEnable={enable} />
        ) : (
          <section className="popup-section">
            <p>{blogger === false ? t('popup_not_blogger') : t('popup_cannot_read')}</p>
          </section>
        ))}
      <FollowedPosts />
      <p className="status" role="status" aria-live="polite" data-status="popup">
        {message}
      </p>
      <footer className="popup-footer">
        <button type="button" className="link-button" data-action="options" onClick={() => void openOptionsPage().then(() => window.close())}>
          {t('popup_options')}
        </button>
      </footer>
    </main>
  );
}

function EnableOffer({ host, onEnable }: { host: string; onEnable(host: string): void }) {
  return (
    <section className="popup-section">
      <p>{t('popup_offer', host)}</p>
      <button type="button" className="primary" data-action="enable-site" onClick={() => onEnable(host)}>
        {t('popup_enable')}
      </button>
    </section>
  );
}

interface ActiveProps {
  host: string;
  probation: boolean;
  page: PageState | null | undefined;
  settings: Settings;
  tabId: number;
  onPage(state: PageState | null): void;
  onDisable(): void;
}

function ActivePage({ host, probation, page, settings, tabId, onPage, onDisable }: ActiveProps) {
  const siteKey = probation ? PROBATION_SITE_KEY : host;
  const site = siteEntry(settings, siteKey);
  const setView = async (view: 'threaded' | 'posted') => onPage(await askPage(tabId, { type: 'threadline:set-view', view }));
  return (
    <>
      <section className="popup-section" aria-labelledby="popup-page-title">
        <h2 id="popup-page-title">{t('popup_page_heading')}</h2>
        <p className="state" data-state={page?.active ? 'active' : 'idle'}>
          {page === undefined ? t('popup_reading') : page?.active ? stateLine(page) : t('popup_no_comments')}
        </p>
        {page?.active && (
          <div className="segmented" role="group" aria-label={t('popup_order_label')}>
            <button
              type="button"
              data-view="threaded"
              aria-pressed={page.view === 'threaded' ? 'true' : 'false'}
              onClick={() => void setView('threaded')}
            >
              {t('popup_threaded')}
            </button>
            <button type="button" data-view="posted" aria-pressed={page.view === 'posted' ? 'true' : 'false'} onClick={() => void setView('posted')}>
              {t('popup_posted')}
            </button>
          </div>
        )}
      </section>
      <section className="popup-section" aria-labelledby="popup-switches-title">
        <h2 id="popup-switches-title">{t('popup_switches_heading')}</h2>
        <label className="switch">
          <input
            type="checkbox"
            name="tooltips"
            checked={settings.tooltips.enabled}
            onChange={(event) => void updateSettings({ tooltips: { ...settings.tooltips, enabled: event.currentTarget.checked } })}
          />
          <span>{t('popup_tooltips')}</span>
        </label>
        <label className="switch">
          <input
            type="checkbox"
            name="glossary"
            checked={site.glossary}
            onChange={(event) => void updateSite(siteKey, { glossary: event.currentTarget.checked })}
          />
          <span>{t('popup_glossary')}</span>
        </label>
      </section>
      {(canOpenSidebar() || !probation) && (
        <section className="popup-section popup-actions">
          {canOpenSidebar() && (
            <button type="button" data-action="open-sidebar" onClick={() => void openSidebar(tabId).catch(() => undefined)}>
              {t('popup_open_sidebar')}
            </button>
          )}
          {!probation && (
            <button type="button" data-action="disable-site" onClick={onDisable}>
              {t('popup_disable', host)}
            </button>
          )}
        </section>
      )}
    </>
  );
}
