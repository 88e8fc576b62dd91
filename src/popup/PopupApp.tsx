/** The toolbar popup: on a blog page its state and quick switches; elsewhere "Enable on this site" for a Blogger blog. */
import { useEffect, useState } from 'preact/hooks';
import { openOptionsPage } from '../shared/browser';
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

  if (target === undefined || !settings) return <p role="status">Looking at this tab…</p>;
  const kind = target?.kind ?? { kind: 'none' };

  const enable = (host: string) => {
    // The permission prompt must open inside the click: nothing is awaited before this call.
    const asked = requestSiteAccess(host);
    setMessage(`Asking your browser for access to ${host}…`);
    asked
      .then(async (granted) => {
        if (!granted) return setMessage(`Threadline was not allowed on ${host}.`);
        await updateSite(host, { enabled: true });
        setMessage(`Threadline is on for ${host}.`);
        if (target && (await injectThreadline(target.tabId))) await refresh();
        else setMessage(`Threadline is on for ${host}: reload the page to see the threads.`);
      })
      .catch((error: unknown) => setMessage(`Could not enable ${host}: ${String(error)}`));
  };

  const disable = async (host: string) => {
    await updateSite(host, { enabled: false });
    await releaseSiteAccess(host).catch(() => false);
    setPage(undefined);
    setMessage(`Threadline is off for ${host}.`);
    await refresh();
  };

  return (
    <main>
      <h1>Threadline</h1>
      {kind.kind === 'none' && <p>Threadline works on Blogger blogs. Open a blog post to see its comments as threads.</p>}
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
          <p role="status">Checking whether this is a Blogger blog…</p>
        ) : blogger ? (
          <EnableOffer host={kind.host} onEnable={enable} />
        ) : (
          <p>{blogger === false ? 'This page is not a Blogger blog.' : 'Threadline cannot read this page.'}</p>
        ))}
      <FollowedPosts />
      <p className="status" role="status" aria-live="polite" data-status="popup">
        {message}
      </p>
      <div className="row footer">
        <button type="button" data-action="options" onClick={() => void openOptionsPage().then(() => window.close())}>
          Options
        </button>
      </div>
    </main>
  );
}

function EnableOffer({ host, onEnable }: { host: string; onEnable(host: string): void }) {
  return (
    <>
      <p>
        <strong>{host}</strong> is a Blogger blog. Threadline can arrange its comments into threads; it will ask your browser for access to this site
        only.
      </p>
      <button type="button" className="primary" data-action="enable-site" onClick={() => onEnable(host)}>
        Enable on this site
      </button>
    </>
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
      <p className="state" data-state={page?.active ? 'active' : 'idle'}>
        {page === undefined ? 'Reading this page…' : page?.active ? stateLine(page) : 'No comments to arrange on this page.'}
      </p>
      {page?.active && (
        <div className="segmented" role="group" aria-label="Comment order on this page">
          <button
            type="button"
            data-view="threaded"
            aria-pressed={page.view === 'threaded' ? 'true' : 'false'}
            onClick={() => void setView('threaded')}
          >
            Threaded
          </button>
          <button type="button" data-view="posted" aria-pressed={page.view === 'posted' ? 'true' : 'false'} onClick={() => void setView('posted')}>
            As posted
          </button>
        </div>
      )}
      <label className="choice">
        <input
          type="checkbox"
          name="tooltips"
          checked={settings.tooltips.enabled}
          onChange={(event) => void updateSettings({ tooltips: { ...settings.tooltips, enabled: event.currentTarget.checked } })}
        />
        Acronym tooltips
      </label>
      <label className="choice">
        <input
          type="checkbox"
          name="glossary"
          checked={site.glossary}
          onChange={(event) => void updateSite(siteKey, { glossary: event.currentTarget.checked })}
        />
        Probation glossary on this site
      </label>
      <div className="row">
        {canOpenSidebar() && (
          <button type="button" data-action="open-sidebar" onClick={() => void openSidebar(tabId).catch(() => undefined)}>
            Open reading list
          </button>
        )}
        {!probation && (
          <button type="button" data-action="disable-site" onClick={onDisable}>
            Disable on {host}
          </button>
        )}
      </div>
    </>
  );
}
