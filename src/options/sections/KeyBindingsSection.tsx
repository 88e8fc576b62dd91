/** Options: one text field per shortcut the features declare, validated, with collisions named. */
import { useEffect, useState } from 'preact/hooks';
import { FEATURES } from '../../features';
import { t } from '../../shared/i18n';
import type { Settings } from '../../shared/settings';
import { bindingConflicts, bindingProblem } from '../../ui/keyboard/binding-rules';
import { resolveShortcuts } from '../../ui/keyboard/shortcuts';
import { Section } from './Section';

/** Every declared shortcut, in feature-list order. */
const TABLE = FEATURES.flatMap((feature) => feature.shortcuts ?? []);
const LABELS = Object.fromEntries(TABLE.map((shortcut) => [shortcut.id, shortcut.label]));
const DEFAULTS = Object.fromEntries(TABLE.map((shortcut) => [shortcut.id, shortcut.key]));

/** The keys in force: the reader's over the defaults. */
function bindingsIn(settings: Settings): Record<string, string> {
  return Object.fromEntries(resolveShortcuts(TABLE, settings.keyBindings).map((shortcut) => [shortcut.id, shortcut.binding]));
}

export function KeyBindingsSection({ settings, save }: { settings: Settings; save(change: Partial<Settings>): void }) {
  const stored = bindingsIn(settings);
  const [draft, setDraft] = useState<Record<string, string>>(stored);
  useEffect(() => setDraft(bindingsIn(settings)), [settings.keyBindings]);
  const keyOf = (id: string) => draft[id] ?? '';
  const problems = Object.fromEntries(TABLE.map(({ id }) => [id, bindingProblem(keyOf(id))]));
  const conflicts = bindingConflicts(draft);
  const valid = TABLE.every(({ id }) => !problems[id]) && conflicts.size === 0;
  const changed = TABLE.some(({ id }) => keyOf(id).trim() !== stored[id]);
  return (
    <Section id="keys" title={t('options_keys_title')} description={t('options_keys_description')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (valid) save({ keyBindings: Object.fromEntries(TABLE.map(({ id }) => [id, keyOf(id).trim()])) });
        }}
      >
        <table className="keys">
          <thead>
            <tr>
              <th scope="col">{t('options_keys_action')}</th>
              <th scope="col">{t('options_keys_key')}</th>
            </tr>
          </thead>
          <tbody>
            {TABLE.map(({ id, label }) => {
              const other = conflicts.get(id);
              const message = problems[id] ?? (other ? t('options_keys_same_as', LABELS[other] ?? other) : null);
              const inputId = `key-${id}`;
              return (
                <tr key={id}>
                  <th scope="row">
                    <label for={inputId}>{label}</label>
                  </th>
                  <td>
                    <input
                      id={inputId}
                      name={`key-${id}`}
                      value={keyOf(id)}
                      size={8}
                      autocomplete="off"
                      spellcheck={false}
                      aria-invalid={message ? 'true' : 'false'}
                      aria-describedby={message ? `${inputId}-error` : undefined}
                      onInput={(event) => setDraft({ ...draft, [id]: event.currentTarget.value })}
                    />
                    {message && (
                      <span id={`${inputId}-error`} className="error">
                        {message}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="row">
          <button type="submit" disabled={!valid || !changed}>
            {t('options_keys_save')}
          </button>
          <button type="button" onClick={() => setDraft(DEFAULTS)}>
            {t('options_keys_defaults')}
          </button>
        </div>
      </form>
    </Section>
  );
}
