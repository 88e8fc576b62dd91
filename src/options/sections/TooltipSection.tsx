/** Options: acronym tooltips on/off, every occurrence or the first per comment, and the hover delay. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { Settings } from '../../shared/settings';
import { Section } from './Section';

export function TooltipSection({ settings, save }: { settings: Settings; save(change: Partial<Settings>): void }) {
  const tooltips = settings.tooltips;
  const [delay, setDelay] = useState(String(tooltips.hoverDelayMs));
  useEffect(() => setDelay(String(tooltips.hoverDelayMs)), [tooltips.hoverDelayMs]);
  const commitDelay = () => {
    const value = Number(delay);
    if (value === tooltips.hoverDelayMs) return;
    if (delay.trim() !== '' && Number.isFinite(value)) save({ tooltips: { ...tooltips, hoverDelayMs: Math.round(value) } });
    else setDelay(String(tooltips.hoverDelayMs));
  };
  return (
    <Section id="tooltips" title={t('options_tooltips_title')}>
      <label className="choice">
        <input
          type="checkbox"
          name="tooltipsEnabled"
          checked={tooltips.enabled}
          onChange={(event) => save({ tooltips: { ...tooltips, enabled: event.currentTarget.checked } })}
        />
        {t('options_tooltips_enabled')}
      </label>
      <fieldset disabled={!tooltips.enabled}>
        <legend>{t('options_tooltips_mark')}</legend>
        {(['every', 'first'] as const).map((mode) => (
          <label key={mode} className="choice">
            <input
              type="radio"
              name="tooltipMode"
              value={mode}
              checked={tooltips.mode === mode}
              onChange={() => save({ tooltips: { ...tooltips, mode } })}
            />
            {mode === 'every' ? t('options_tooltips_every') : t('options_tooltips_first')}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>{t('options_tooltips_delay')}</span>
        <input
          type="number"
          name="hoverDelayMs"
          min={0}
          max={2000}
          step={50}
          value={delay}
          disabled={!tooltips.enabled}
          onInput={(event) => setDelay(event.currentTarget.value)}
          onChange={commitDelay}
          onBlur={commitDelay}
        />
      </label>
    </Section>
  );
}
