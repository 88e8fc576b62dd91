/** Options: one text field per keyboard action, validated, with collisions named. */
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_KEY_BINDINGS, KEY_ACTIONS, type KeyAction, type Settings } from '../../shared/settings';
import { bindingConflicts, bindingProblem, KEY_ACTION_LABELS } from '../../ui/keyboard/binding-rules';
import { Section } from './Section';

export function KeyBindingsSection({ settings, save }: { settings: Settings; save(change: Partial<Settings>): void }) {
  const [draft, setDraft] = useState<Record<KeyAction, string>>(settings.keyBindings);
  useEffect(() => setDraft(settings.keyBindings), [settings.keyBindings]);
  const problems = Object.fromEntries(KEY_ACTIONS.map((action) => [action, bindingProblem(draft[action])])) as Record<KeyAction, string | null>;
  const conflicts = bindingConflicts(draft);
  const valid = KEY_ACTIONS.every((action) => !problems[action]) && conflicts.size === 0;
  const changed = KEY_ACTIONS.some((action) => draft[action].trim() !== settings.keyBindings[action]);
  return (
    <Section id="keys" title="Keyboard" description='One key, or two keys separated by a space for a sequence (such as "g g").'>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (valid) save({ keyBindings: Object.fromEntries(KEY_ACTIONS.map((a) => [a, draft[a].trim()])) as Record<KeyAction, string> });
        }}
      >
        <table className="keys">
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Key</th>
            </tr>
          </thead>
          <tbody>
            {KEY_ACTIONS.map((action) => {
              const other = conflicts.get(action);
              const message = problems[action] ?? (other ? `Same as “${KEY_ACTION_LABELS[other]}”.` : null);
              const inputId = `key-${action}`;
              return (
                <tr key={action}>
                  <th scope="row">
                    <label for={inputId}>{KEY_ACTION_LABELS[action]}</label>
                  </th>
                  <td>
                    <input
                      id={inputId}
                      name={`key-${action}`}
                      value={draft[action]}
                      size={8}
                      autocomplete="off"
                      spellcheck={false}
                      aria-invalid={message ? 'true' : 'false'}
                      aria-describedby={message ? `${inputId}-error` : undefined}
                      onInput={(event) => setDraft({ ...draft, [action]: event.currentTarget.value })}
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
            Save keys
          </button>
          <button type="button" onClick={() => setDraft(DEFAULT_KEY_BINDINGS)}>
            Default keys
          </button>
        </div>
      </form>
    </Section>
  );
}
