/** Options: how much reply inference moves comments (only strong evidence, all evidence, or off). */
import { t } from '../../shared/i18n';
import type { Settings } from '../../shared/settings';
import { Section } from './Section';

const CHOICES = [
  { level: 'strong', words: () => t('trust_options_strong') },
  { level: 'all', words: () => t('trust_options_all') },
  { level: 'off', words: () => t('trust_options_off') },
] as const;

export function ThreadEvidenceSection({ settings, save }: { settings: Settings; save(change: Partial<Settings>): void }) {
  return (
    <Section id="inference" title={t('trust_options_title')} description={t('trust_options_hint')}>
      <fieldset>
        <legend>{t('trust_options_legend')}</legend>
        {CHOICES.map(({ level, words }) => (
          <label key={level} className="choice">
            <input
              type="radio"
              name="threadEvidence"
              value={level}
              checked={settings.threadEvidence === level}
              onChange={() => save({ threadEvidence: level })}
            />
            {words()}
          </label>
        ))}
      </fieldset>
    </Section>
  );
}
