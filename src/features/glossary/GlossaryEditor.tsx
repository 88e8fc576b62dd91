/** The options page's glossary section: add, edit and remove the reader's own terms (stored in browser.storage.sync). */
import { useEffect, useRef, useState } from 'preact/hooks';
import { loadCustomTerms, onCustomTermsChanged, removeCustomTerm, saveCustomTerm, validateCustomTerm, LIMITS, type CustomTerm } from './custom-terms';
import { BUILT_IN_TERMS } from './terms';

/** Where the editor reads and writes; defaults to browser.storage.sync through custom-terms.ts. */
export interface CustomTermStore {
  load(): Promise<CustomTerm[]>;
  save(term: Partial<CustomTerm>, previousTerm?: string): Promise<CustomTerm>;
  remove(term: string): Promise<void>;
  subscribe(listener: (terms: CustomTerm[]) => void): () => void;
}

export const syncCustomTermStore: CustomTermStore = {
  load: loadCustomTerms,
  save: saveCustomTerm,
  remove: removeCustomTerm,
  subscribe: onCustomTermsChanged,
};

export interface GlossaryEditorProps {
  /** A token to prefill the form with (from options.html#glossary?define=TOKEN). */
  initialDefine?: string | null;
  store?: CustomTermStore;
}

const EMPTY: CustomTerm = { term: '', expansion: '', definition: '' };

function builtInFor(term: string) {
  const lower = term.trim().toLowerCase();
  return lower ? BUILT_IN_TERMS.find((entry) => entry.term.toLowerCase() === lower) : undefined;
}

export function GlossaryEditor({ initialDefine = null, store = syncCustomTermStore }: GlossaryEditorProps) {
  const [terms, setTerms] = useState<CustomTerm[]>([]);
  const [draft, setDraft] = useState<CustomTerm>({ ...EMPTY, term: initialDefine ?? '' });
  const [editing, setEditing] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const termInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    void store.load().then((loaded) => live && setTerms(loaded));
    const unsubscribe = store.subscribe((loaded) => live && setTerms(loaded));
    return () => {
      live = false;
      unsubscribe();
    };
  }, [store]);

  useEffect(() => {
    if (initialDefine) termInput.current?.focus();
  }, [initialDefine]);

  const update = (field: keyof CustomTerm) => (event: Event) => {
    const target = event.currentTarget as HTMLInputElement;
    setDraft({ ...draft, [field]: field === 'lowercaseSafe' ? target.checked : target.value });
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const checked = validateCustomTerm(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    try {
      const saved = await store.save(checked.value, editing ?? undefined);
      setTerms(await store.load());
      setErrors([]);
      setStatus(`Saved ${saved.term}.`);
      setDraft(EMPTY);
      setEditing(null);
    } catch (error) {
      setErrors([error instanceof Error ? error.message : String(error)]);
    }
  };

  const edit = (term: CustomTerm) => {
    setDraft({ ...EMPTY, ...term });
    setEditing(term.term);
    setErrors([]);
    termInput.current?.focus();
  };

  const remove = async (term: CustomTerm) => {
    await store.remove(term.term);
    setTerms(await store.load());
    setStatus(`Removed ${term.term}.`);
    if (editing === term.term) {
      setDraft(EMPTY);
      setEditing(null);
    }
  };

  const overridden = builtInFor(draft.term);
  return (
    <section class="tl-glossary-editor" aria-labelledby="tl-glossary-editor-title">
      <h2 id="tl-glossary-editor-title">Your glossary terms</h2>
      <p>Your terms are synced with your browser account and take precedence over the built-in glossary.</p>
      {terms.length === 0 ? (
        <p class="tl-glossary-editor__empty">You have not added any terms yet.</p>
      ) : (
        <ul class="tl-glossary-editor__list">
          {terms.map((term) => (
            <li key={term.term} data-custom-term={term.term}>
              <strong>{term.term}</strong>: {term.expansion}
              {term.definition && <span class="tl-glossary-editor__definition"> — {term.definition}</span>}{' '}
              <button type="button" onClick={() => edit(term)} aria-label={`Edit ${term.term}`}>
                Edit
              </button>{' '}
              <button type="button" onClick={() => void remove(term)} aria-label={`Remove ${term.term}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="tl-glossary-editor__form" onSubmit={(event) => void submit(event)} noValidate>
        <h3>{editing ? `Edit ${editing}` : 'Add a term'}</h3>
        <label>
          Term
          <input ref={termInput} name="term" value={draft.term} maxLength={LIMITS.term} required onInput={update('term')} />
        </label>
        {overridden && !editing && (
          <p class="tl-glossary-editor__note">
            Replaces the built-in entry: {overridden.term}, {overridden.expansion}.
          </p>
        )}
        <label>
          Stands for
          <input name="expansion" value={draft.expansion} maxLength={LIMITS.expansion} required onInput={update('expansion')} />
        </label>
        <label>
          Definition
          <textarea name="definition" value={draft.definition} maxLength={LIMITS.definition} rows={3} onInput={update('definition')} />
        </label>
        <label>
          <input type="checkbox" name="lowercaseSafe" checked={Boolean(draft.lowercaseSafe)} onChange={update('lowercaseSafe')} />
          Also mark it written in lower case (only if it is not an English word)
        </label>
        {errors.length > 0 && (
          <ul class="tl-glossary-editor__errors" role="alert">
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        )}
        <button type="submit">{editing ? 'Save changes' : 'Add term'}</button>
        {editing && (
          <button
            type="button"
            onClick={() => {
              setDraft(EMPTY);
              setEditing(null);
              setErrors([]);
            }}
          >
            Cancel
          </button>
        )}
        <p class="tl-glossary-editor__status" role="status">
          {status}
        </p>
      </form>
    </section>
  );
}
