/** Options: reading-list sidebar placement, syncing saved items, remembering filters per post. */
import { t } from '../../shared/i18n';
import type { Settings } from '../../shared/settings';
import { Section } from './Section';

export function ReadingSection({ settings, save }: { settings: Settings; save(change: Partial<Settings>): void }) {
  return (
    <Section id="reading" title={t('options_reading_title')}>
      <fieldset>
        <legend>{t('options_reading_sidebar')}</legend>
        {(['right', 'left'] as const).map((placement) => (
          <label key={placement} className="choice">
            <input
              type="radio"
              name="sidebarPlacement"
              value={placement}
              checked={settings.sidebar.placement === placement}
              onChange={() => save({ sidebar: { ...settings.sidebar, placement } })}
            />
            {placement === 'right' ? t('options_reading_right') : t('options_reading_left')}
          </label>
        ))}
      </fieldset>
      <label className="choice">
        <input
          type="checkbox"
          name="syncSavedItems"
          checked={settings.syncSavedItems}
          onChange={(event) => save({ syncSavedItems: event.currentTarget.checked })}
        />
        {t('options_reading_sync')}
      </label>
      <label className="choice">
        <input
          type="checkbox"
          name="rememberFilters"
          checked={settings.rememberFilters}
          onChange={(event) => save({ rememberFilters: event.currentTarget.checked })}
        />
        {t('options_reading_remember')}
      </label>
    </Section>
  );
}
