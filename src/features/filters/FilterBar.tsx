/** The filter bar above the threads: search with match stepping, author, time, new only, and the less common filters. */
import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { TimeWindow } from '../../threads/filters';
import { useThread } from '../../ui/context';
import { NEW_MARK } from '../new-comments/api';
import { useSetVersion, useValue } from '../../ui/store';
import { dateValueOfEnd, dateValueOfStart, endOfDayMs, startOfDayMs } from './date-input';
import type { FiltersController } from './filters-controller';

export interface FilterBarProps {
  filters: FiltersController;
  searchRef: Ref<HTMLInputElement>;
  /** Add or remove a muted word in the settings. */
  onMutedWordsChange(words: string[]): void;
}

function numberValue(value: string): number {
  const parsed = Number.parseInt(value, 10);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : 0;
}

export function FilterBar({ filters, searchRef, onMutedWordsChange }: FilterBarProps) {
  const { marks } = useThread();
  const state = useValue(filters.state);
  const result = useValue(filters.result);
  const authors = useValue(filters.authors);
  const matchIndex = useValue(filters.matchIndex);
  const mutedWords = useValue(filters.mutedWords);
  const isNew = marks.of(NEW_MARK);
  useSetVersion(isNew);
  const newCount = isNew.size;
  const [muteDraft, setMuteDraft] = useState('');
  const hasQuery = state.text.trim() !== '';
  const matchCount = result.matches.length;

  const addMutedWord = () => {
    const word = muteDraft.trim().replace(/\s+/g, ' ');
    if (!word) return;
    if (!mutedWords.some((existing) => existing.toLowerCase() === word.toLowerCase())) {
      onMutedWordsChange([...mutedWords, word]);
    }
    setMuteDraft('');
  };

  return (
    <div className="filter-bar" role="search" aria-label={t('view_filter_bar_label')}>
      <div className="filter-row">
        <span className="filter-search">
          <label className="visually-hidden" htmlFor="tl-filter-text">
            {t('view_search_label')}
          </label>
          <input
            id="tl-filter-text"
            ref={searchRef}
            type="search"
            data-thread-filter="text"
            placeholder={t('view_search_placeholder')}
            autoComplete="off"
            spellcheck={false}
            value={state.text}
            onInput={(event) => filters.update({ text: event.currentTarget.value })}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                filters.stepMatch(event.shiftKey ? -1 : 1);
              } else if (event.key === 'Escape') {
                event.preventDefault();
                event.currentTarget.blur();
              }
            }}
          />
          <button
            type="button"
            data-thread-action="previous-match"
            aria-label={t('view_previous_match')}
            title={t('view_previous_match_title')}
            disabled={matchCount === 0}
            onClick={() => filters.stepMatch(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            data-thread-action="next-match"
            aria-label={t('view_next_match')}
            title={t('view_next_match_title')}
            disabled={matchCount === 0}
            onClick={() => filters.stepMatch(1)}
          >
            ↓
          </button>
          {hasQuery && (
            <span className="match-position" data-thread-match-count role="status">
              {matchCount === 0
                ? t('view_no_matches')
                : matchIndex >= 0
                  ? t('view_match_position', matchIndex + 1, matchCount)
                  : matchCount === 1
                    ? t('view_one_match')
                    : t('view_matches', matchCount)}
            </span>
          )}
        </span>
        <label className="filter-field">
          {t('view_filter_author')}{' '}
          <select
            data-thread-filter="author"
            value={state.authors[0] ?? ''}
            onChange={(event) => filters.update({ authors: event.currentTarget.value ? [event.currentTarget.value] : [] })}
          >
            <option value="">{t('view_filter_everyone')}</option>
            {authors.map((option) => (
              <option key={option.key} value={option.key}>
                {option.label} ({option.count})
              </option>
            ))}
          </select>
        </label>
        <label className="filter-field">
          {t('view_filter_time')}{' '}
          <select
            data-thread-filter="time"
            value={state.time}
            onChange={(event) => filters.update({ time: event.currentTarget.value as TimeWindow })}
          >
            <option value="any">{t('view_filter_time_any')}</option>
            <option value="day">{t('view_filter_time_day')}</option>
            <option value="week">{t('view_filter_time_week')}</option>
            <option value="range">{t('view_filter_time_range')}</option>
          </select>
        </label>
        {state.time === 'range' && (
          <span className="filter-field">
            <label>
              {t('view_filter_from')}{' '}
              <input
                type="date"
                data-thread-filter="from"
                value={dateValueOfStart(state.fromMs)}
                onChange={(event) => filters.update({ fromMs: startOfDayMs(event.currentTarget.value) })}
              />
            </label>{' '}
            <label>
              {t('view_filter_to')}{' '}
              <input
                type="date"
                data-thread-filter="to"
                value={dateValueOfEnd(state.toMs)}
                onChange={(event) => filters.update({ toMs: endOfDayMs(event.currentTarget.value) })}
              />
            </label>
          </span>
        )}
        <label className="filter-field filter-check">
          <input
            type="checkbox"
            data-thread-filter="new"
            checked={state.newOnly}
            onChange={(event) => filters.update({ newOnly: event.currentTarget.checked })}
          />{' '}
          {t('view_filter_new_only', newCount)}
        </label>
      </div>
      <details className="more-filters">
        <summary>{t('view_more_filters')}</summary>
        <div className="filter-row">
          <label className="filter-field filter-check">
            <input
              type="checkbox"
              data-thread-filter="hide-removed"
              checked={state.hideRemoved}
              onChange={(event) => filters.update({ hideRemoved: event.currentTarget.checked })}
            />{' '}
            {t('view_filter_hide_removed')}
          </label>
          <label className="filter-field">
            {t('view_filter_min_words_before')}{' '}
            <input
              type="number"
              min={0}
              max={1000}
              inputMode="numeric"
              data-thread-filter="min-words"
              value={state.minWords || ''}
              onInput={(event) => filters.update({ minWords: numberValue(event.currentTarget.value) })}
            />{' '}
            {t('view_filter_min_words_after')}
          </label>
          <label className="filter-field">
            {t('view_filter_min_replies_before')}{' '}
            <input
              type="number"
              min={0}
              max={1000}
              inputMode="numeric"
              data-thread-filter="min-replies"
              value={state.minReplies || ''}
              onInput={(event) => filters.update({ minReplies: numberValue(event.currentTarget.value) })}
            />{' '}
            {t('view_filter_min_replies_after')}
          </label>
          <label className="filter-field filter-check">
            <input
              type="checkbox"
              data-thread-filter="inferred"
              checked={state.inferredOnly}
              onChange={(event) => filters.update({ inferredOnly: event.currentTarget.checked })}
            />{' '}
            {t('view_filter_inferred')}
          </label>
        </div>
        <div className="filter-row muted-words">
          <span id="tl-muted-label">{t('view_muted_words')}</span>
          <ul className="muted-list" aria-labelledby="tl-muted-label">
            {mutedWords.length === 0 && <li className="muted-none">{t('view_muted_none')}</li>}
            {mutedWords.map((word) => (
              <li key={word}>
                {word}{' '}
                <button
                  type="button"
                  className="link-button"
                  data-thread-action="unmute-word"
                  aria-label={t('view_unmute_word', word)}
                  onClick={() => onMutedWordsChange(mutedWords.filter((existing) => existing !== word))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          <label className="visually-hidden" htmlFor="tl-mute-word">
            {t('view_mute_label')}
          </label>
          <input
            id="tl-mute-word"
            type="text"
            data-thread-filter="mute-word"
            placeholder={t('view_mute_placeholder')}
            value={muteDraft}
            onInput={(event) => setMuteDraft(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                addMutedWord();
              }
            }}
          />
          <button type="button" data-thread-action="mute-word" onClick={addMutedWord}>
            {t('view_mute')}
          </button>
        </div>
      </details>
    </div>
  );
}
