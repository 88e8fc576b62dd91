/** Options: muted words, one per line; comments containing them fold to a one-line stub. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { Settings } from '../../shared/settings';
import { formatMutedWords, parseMutedWords } from '../muted-words';
import { Section } from './Section';

export function MutedWordsSection({ settings, save }: { settings: Settings; save(change: Partial<Settings>): void }) {
  const [text, setText] = useState(formatMutedWords(settings.mutedWords));
  const stored = formatMutedWords(settings.mutedWords);
  useEffect(() => setText(stored), [stored]);
  const dirty = formatMutedWords(parseMutedWords(text)) !== stored;
  return (
    <Section id="muted" title={t('options_muted_title')} description={t('options_muted_description')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save({ mutedWords: parseMutedWords(text) });
        }}
      >
        <label className="field">
          <span>{t('options_muted_label')}</span>
          <textarea name="mutedWords" rows={5} value={text} onInput={(event) => setText(event.currentTarget.value)} />
        </label>
        <button type="submit" disabled={!dirty}>
          {t('options_muted_save')}
        </button>
      </form>
    </Section>
  );
}
