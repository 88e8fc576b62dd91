/** Options: default view (threaded / as posted) and collapsing replies by default. */
import { t } from '../../shared/i18n';
import type { Settings } from '../../shared/settings';
import { Section } from './Section';

export function ViewSection({ settings, save }: { settings: Settings; save(change: Partial<Settings>): void }) {
  return (
    <Section id="view" title={t('options_view_title')}>
      <fieldset>
        <legend>{t('options_view_default')}</legend>
        {(['threaded', 'posted'] as const).map((view) => (
          <label key={view} className="choice">
            <input
              type="radio"
              name="defaultView"
              value={view}
              checked={settings.defaultView === view}
              onChange={() => save({ defaultView: view })}
            />
            {view === 'threaded' ? t('options_view_threaded') : t('options_view_posted')}
          </label>
        ))}
      </fieldset>
      <label className="choice">
        <input
          type="checkbox"
          name="collapseRepliesByDefault"
          checked={settings.collapseRepliesByDefault}
          onChange={(event) => save({ collapseRepliesByDefault: event.currentTarget.checked })}
        />
        {t('options_view_collapse')}
      </label>
    </Section>
  );
}
