/** The glossary panel for the section's toolbar: terms on this page with counts, stepping, and "not yet defined" tokens. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { GlossaryController, GlossarySummary, StepResult } from './attach';

export interface GlossaryPanelViewProps {
  summary: GlossarySummary;
  /** Step to the next (direction 1) or previous (-1) occurrence of a term. */
  onStep: (term: string, direction: 1 | -1) => StepResult | null;
  /** Open the options page's glossary form for a token (integrator: options.html#glossary?define=TOKEN). */
  onDefine: (token: string) => void;
}

/** Stateless view: render it with a summary, or use GlossaryPanel with a controller. */
export function GlossaryPanelView({ summary, onStep, onDefine }: GlossaryPanelViewProps) {
  const [position, setPosition] = useState<{ term: string; result: StepResult } | null>(null);
  const stepTo = (term: string, direction: 1 | -1) => {
    const result = onStep(term, direction);
    setPosition(result ? { term, result } : null);
  };
  return (
    <section class="tl-glossary-panel" aria-label={t('view_glossary')}>
      <h2 class="tl-glossary-panel__title">{t('view_glossary_terms')}</h2>
      {summary.terms.length === 0 ? (
        <p class="tl-glossary-panel__empty">{t('view_glossary_empty')}</p>
      ) : (
        <ul class="tl-glossary-panel__terms">
          {summary.terms.map(({ term, expansion, count }) => (
            <li key={term} class="tl-glossary-panel__term">
              <button
                type="button"
                data-glossary-step={term}
                aria-label={t('view_glossary_step', term, expansion, count)}
                onClick={(event) => stepTo(term, event.shiftKey ? -1 : 1)}
              >
                <strong>{term}</strong> <span class="tl-glossary-panel__expansion">{expansion}</span>{' '}
                <span class="tl-glossary-panel__count">({count})</span>
              </button>
              <button type="button" data-glossary-step-back={term} aria-label={t('view_glossary_step_back', term)} onClick={() => stepTo(term, -1)}>
                ↑
              </button>
              {position?.term === term && (
                <span class="tl-glossary-panel__position" role="status">
                  {t('view_glossary_position', position.result.index, position.result.total)}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {summary.unknown.length > 0 && (
        <>
          <h3 class="tl-glossary-panel__title">{t('view_glossary_unknown')}</h3>
          <ul class="tl-glossary-panel__unknown">
            {summary.unknown.map(({ token, count }) => (
              <li key={token}>
                <span>
                  {token} ({count})
                </span>{' '}
                <button
                  type="button"
                  data-glossary-define={token}
                  aria-label={t('view_glossary_define_label', token)}
                  onClick={() => onDefine(token)}
                >
                  {t('view_glossary_define')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export interface GlossaryPanelProps {
  glossary: Pick<GlossaryController, 'summary' | 'subscribe' | 'step'>;
  onDefine: (token: string) => void;
}

/** The panel bound to a running glossary: re-renders as comments are scanned. */
export function GlossaryPanel({ glossary, onDefine }: GlossaryPanelProps) {
  const [summary, setSummary] = useState(() => glossary.summary());
  useEffect(() => {
    setSummary(glossary.summary());
    return glossary.subscribe(setSummary);
  }, [glossary]);
  return <GlossaryPanelView summary={summary} onStep={(term, direction) => glossary.step(term, direction)} onDefine={onDefine} />;
}
