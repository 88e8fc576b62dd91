/** The options page's search box: filters the sections and settings as the reader types and says how many match. */
import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { filterOptions } from './options-search';

const FOCUSABLE = 'input:not([hidden]):not(:disabled), select:not(:disabled), textarea:not(:disabled), button:not(:disabled)';

function countText(query: string, count: number): string {
  if (query.trim() === '') return '';
  if (count === 0) return t('options_search_none', query.trim());
  return count === 1 ? t('options_search_one') : t('options_search_results', count);
}

/** The first control the reader can use among what the search left visible. */
function firstShownControl(scope: HTMLElement): HTMLElement | null {
  return [...scope.querySelectorAll<HTMLElement>(FOCUSABLE)].find((control) => control.closest('[hidden]') === null) ?? null;
}

export function OptionsSearch({ scope }: { scope: RefObject<HTMLElement | null> }) {
  const [query, setQuery] = useState('');
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (scope.current) setCount(filterOptions(scope.current, query));
  }, [query, scope]);
  return (
    <div className="options-search" role="search">
      <label htmlFor="options-search-input">{t('options_search_label')}</label>
      <input
        id="options-search-input"
        type="search"
        name="optionsSearch"
        autocomplete="off"
        spellcheck={false}
        value={query}
        aria-describedby="options-search-hint options-search-status"
        onInput={(event) => setQuery(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && query !== '') {
            event.preventDefault();
            setQuery('');
          } else if (event.key === 'Enter' && scope.current) {
            event.preventDefault();
            firstShownControl(scope.current)?.focus();
          }
        }}
      />
      <p id="options-search-hint" className="hint">
        {t('options_search_hint')}
      </p>
      <p id="options-search-status" className="search-status" role="status" aria-live="polite" data-status="search">
        {countText(query, count)}
      </p>
    </div>
  );
}
