/** The one-time hint on the first post after install: the view switch, the inferred "replying to" chips and `?`. */
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { warnOnce } from '../../shared/log';
import { readKey, writeKeys } from '../../shared/storage';

/** Set in storage.local once the reader dismissed the hint: it never shows again. */
export const FIRST_USE_KEY = 'first-use-hint-dismissed';

/** Whether the hint was dismissed, read before the first render (so it never appears late and pushes the threads). */
export async function readHintDismissed(): Promise<boolean> {
  return readKey<boolean>('local', FIRST_USE_KEY).then(
    (dismissed) => dismissed === true,
    () => true,
  );
}

/** `dismissed`: read before the first render by the feature's restore(), so the hint never appears late. */
export function FirstUseHint({ dismissed }: { dismissed: boolean }) {
  const [show, setShow] = useState(!dismissed);
  if (!show) return null;
  const dismiss = (event: Event) => {
    setShow(false);
    ((event.currentTarget as HTMLElement).getRootNode() as ShadowRoot).querySelector<HTMLElement>('[data-thread-view][aria-pressed="true"]')?.focus();
    writeKeys('local', { [FIRST_USE_KEY]: true }).catch((error) => warnOnce('could not remember that the first-use hint was dismissed.', error));
  };
  return (
    <aside className="first-hint" data-thread-hint="first-use" aria-label={t('view_hint_label')}>
      <div>
        <p>
          <strong>{t('view_hint_title')}</strong>
        </p>
        <ul>
          <li>{t('view_hint_switch')}</li>
          <li>{t('view_hint_chip')}</li>
          <li>
            {t('view_hint_keys_before')} <kbd>?</kbd> {t('view_hint_keys_after')}
          </li>
        </ul>
      </div>
      <button type="button" className="tool-button" data-thread-action="dismiss-hint" onClick={dismiss}>
        {t('view_hint_dismiss')}
      </button>
    </aside>
  );
}
