/** Options: default view (threaded / as posted), collapsing replies by default, and light / dark colours. */
import { t } from '../../shared/i18n';
import { COLOR_SCHEMES, type ColorScheme, type Settings } from '../../shared/settings';

const SCHEME_LABEL = { system: 'view_scheme_system', light: 'view_scheme_light', dark: 'view_scheme_dark' } as const satisfies Record<
  ColorScheme,
  string
>;
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
      <fieldset>
        <legend>{t('view_scheme_legend')}</legend>
        {COLOR_SCHEMES.map((scheme) => (
          <label key={scheme} className="choice">
            <input
              type="radio"
              name="colorScheme"
              value={scheme}
              checked={settings.colorScheme === scheme}
              onChange={() => save({ colorScheme: scheme })}
            />
            {t(SCHEME_LABEL[scheme])}
          </label>
        ))}
      </fieldset>
    </Section>
  );
}
