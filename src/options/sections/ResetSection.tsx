/** Options: put every setting back to its default (after a confirmation); enabled sites and saved items are kept. */
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { Section } from './Section';

export function ResetSection({ reset }: { reset(): void }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <Section id="reset" title={t('options_reset_title')} description={t('options_reset_description')}>
      {confirming ? (
        <div className="row" role="group" aria-label={t('options_reset_confirm_group')}>
          <button
            type="button"
            data-action="confirm-reset"
            onClick={() => {
              setConfirming(false);
              reset();
            }}
          >
            {t('options_reset_confirm')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('options_cancel')}
          </button>
        </div>
      ) : (
        <button type="button" data-action="reset" onClick={() => setConfirming(true)}>
          {t('options_reset_button')}
        </button>
      )}
    </Section>
  );
}
