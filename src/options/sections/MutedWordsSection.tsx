/** Options: muted words, one per line; comments containing them fold to a one-line stub. */
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../shared/settings';
import { formatMutedWords, parseMutedWords } from '../muted-words';
import { Section } from './Section';

export function MutedWordsSection({ settings, save }: { settings: Settings; save(change: Partial<Settings>): void }) {
  const [text, setText] = useState(formatMutedWords(settings.mutedWords));
  const stored = formatMutedWords(settings.mutedWords);
  useEffect(() => setText(stored), [stored]);
  const dirty = formatMutedWords(parseMutedWords(text)) !== stored;
  return (
    <Section
      id="muted"
      title="Muted words"
      description="Comments containing one of these words or phrases are folded to a one-line note you can open."
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save({ mutedWords: parseMutedWords(text) });
        }}
      >
        <label className="field">
          <span>Muted words (one per line)</span>
          <textarea name="mutedWords" rows={5} value={text} onInput={(event) => setText(event.currentTarget.value)} />
        </label>
        <button type="submit" disabled={!dirty}>
          Save muted words
        </button>
      </form>
    </Section>
  );
}
