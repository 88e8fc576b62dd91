/** The options page's glossary section: add, edit and remove the reader's own terms (stored in browser.storage.sync). */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
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
      setStatus(t('options_glossary_saved', saved.term));
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
    setStatus(t('options_glossary_removed', term.term));
    if (editing === term.term) {
      setDraft(EMPTY);
      setEditing(null);
    }
  };

  const overridden = builtInFor(draft.term);
  return (
    <section class="tl-glossary-editor" aria-labelledby="tl-glossary-editor-title">
      <h2 id="tl-glossary-editor-title">{t('options_glossary_title')}</h2>
      <p class="hint">{t('options_glossary_intro')}</p>
      {terms.length === 0 ? (
        <p class="tl-glossary-editor__empty">{t('options_glossary_empty')}</p>
      ) : (
        <ul class="tl-glossary-editor__list">
          {terms.map((term) => (
            <li key={term.term} data-custom-term={term.term}>
              <span class="tl-glossary-editor__entry">
                <strong>{term.term}</strong>: {term.expansion}
                {term.definition && <span class="tl-glossary-editor__definition"> — {term.definition}</span>}
              </span>
              <span class="tl-glossary-editor__actions">
                <button type="button" onClick={() => edit(term)} aria-label={t('options_glossary_edit_label', term.term)}>
                  {t('options_glossary_edit')}
                </button>
                <button type="button" onClick={() => void remove(term)} aria-label={t('options_glossary_remove_label', term.term)}>
                  {t('options_remove')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <form class="tl-glossary-editor__form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="tl-glossary-editor-form-title">
        <h3 id="tl-glossary-editor-form-title">{editing ? t('options_glossary_edit_heading', editing) : t('options_glossary_add_heading')}</h3>
        <label class="field tl-glossary-editor__term">
          <span>{t('options_glossary_term')}</span>
          <input ref={termInput} name="term" value={draft.term} maxLength={LIMITS.term} required onInput={update('term')} />
        </label>
        <label class="field tl-glossary-editor__expansion">
          <span>{t('options_glossary_expansion')}</span>
          <input name="expansion" value={draft.expansion} maxLength={LIMITS.expansion} required onInput={update('expansion')} />
        </label>
        {overridden && !editing && <p class="tl-glossary-editor__note">{t('options_glossary_overrides', overridden.term, overridden.expansion)}</p>}
        <label class="field tl-glossary-editor__definition-field">
          <span>{t('options_glossary_definition')}</span>
          <textarea name="definition" value={draft.definition} maxLength={LIMITS.definition} rows={3} onInput={update('definition')} />
        </label>
        <label class="choice tl-glossary-editor__lowercase">
          <input type="checkbox" name="lowercaseSafe" checked={Boolean(draft.lowercaseSafe)} onChange={update('lowercaseSafe')} />
          <span>{t('options_glossary_lowercase')}</span>
        </label>
        {errors.length > 0 && (
          <ul class="tl-glossary-editor__errors" role="alert">
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        )}
        <div class="row tl-glossary-editor__buttons">
          <button type="submit">{editing ? t('options_glossary_save_changes') : t('options_glossary_add')}</button>
          {editing && (
            <button
              type="button"
              onClick={() => {
                setDraft(EMPTY);
                setEditing(null);
                setErrors([]);
              }}
            >
              {t('options_cancel')}
            </button>
          )}
        </div>
        <p class="tl-glossary-editor__status" role="status">
          {status}
        </p>
      </form>
    </section>
  );
}
