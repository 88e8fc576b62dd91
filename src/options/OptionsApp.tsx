/** The options page: every section, saved as soon as a control changes, kept live when settings change elsewhere. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { describeImport, exportAll, importMerge } from '../features/reading/export-import';
import { t } from '../shared/i18n';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings';
import { parseOptionsHash } from './location-hash';
import { OptionsSearch } from './OptionsSearch';
import { DataSection, type DataTransfer } from './sections/DataSection';
import { FollowSection } from './sections/FollowSection';
import { GlossarySection } from './sections/GlossarySection';
import { KeyBindingsSection } from './sections/KeyBindingsSection';
import { MutedWordsSection } from './sections/MutedWordsSection';
import { ReadingSection } from './sections/ReadingSection';
import { ResetSection } from './sections/ResetSection';
import { SitesSection } from './sections/SitesSection';
import { ThreadEvidenceSection } from './sections/ThreadEvidenceSection';
import { TooltipSection } from './sections/TooltipSection';
import { ViewSection } from './sections/ViewSection';
import { useSettings } from './use-settings';

const transfer: DataTransfer = {
  exportAll: () => exportAll(),
  importMerge: async (text) => describeImport(await importMerge(text)),
};

function useHashTarget() {
  const [target, setTarget] = useState(() => parseOptionsHash(location.hash));
  useEffect(() => {
    const onHash = () => setTarget(parseOptionsHash(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    if (target.section) document.getElementById(target.section)?.scrollIntoView();
  }, [target.section]);
  return target;
}

export function OptionsApp() {
  const { settings, save: saveSettings } = useSettings();
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const target = useHashTarget();
  const report = useCallback(
    (error: string | null) => setStatus(error ? { text: error, error: true } : { text: t('options_saved'), error: false }),
    [],
  );
  const save = useCallback(
    (change: Partial<Settings>) => {
      void saveSettings(change).then(report);
    },
    [saveSettings, report],
  );
  const main = useRef<HTMLElement>(null);
  return (
    <>
      <header className="page-header">
        <h1>{t('options_title')}</h1>
        <p className="hint">{t('options_intro')}</p>
        {settings && <OptionsSearch scope={main} />}
      </header>
      <main ref={main}>
        {!settings ? (
          <p role="status">{t('options_loading')}</p>
        ) : (
          <>
            <ViewSection settings={settings} save={save} />
            <ThreadEvidenceSection settings={settings} save={save} />
            <TooltipSection settings={settings} save={save} />
            <GlossarySection define={target.section === 'glossary' ? target.define : null} />
            <MutedWordsSection settings={settings} save={save} />
            <KeyBindingsSection settings={settings} save={save} />
            <ReadingSection settings={settings} save={save} />
            <FollowSection settings={settings} save={save} />
            <SitesSection settings={settings} report={report} />
            <DataSection transfer={transfer} />
            <ResetSection reset={() => save({ ...DEFAULT_SETTINGS, sites: settings.sites })} />
          </>
        )}
      </main>
      <div className={`toast${status?.error ? ' error' : ''}`} role="status" aria-live="polite" data-status="settings">
        {status?.text}
      </div>
    </>
  );
}
