/** "Why here?": the evidence that placed a comment (or was only suggested), how sure it is, what else was weighed and why it lost. */
import { t } from '../../shared/i18n';
import type { ConsideredLink, ReplyLink, Suggestion } from '../../threads';
import { useThread } from '../../ui/context';
import type { ThreadModel } from '../../ui/model';
import { useValue } from '../../ui/store';
import { whoOf } from './who';

/** What the popover says beyond the link itself: the reader's corrections that are kept but not applied. */
export interface StaleNotes {
  /** The reader filed this comment under one no longer on the page. */
  parentGone: boolean;
  /** How many comments the reader filed under this one are no longer on the page. */
  childrenGone: number;
}

function sourceWords(source: ConsideredLink['source'] | ReplyLink['source']): string {
  return source === 'time'
    ? t('trust_source_time')
    : source === 'quote'
      ? t('trust_source_quote')
      : source === 'name'
        ? t('trust_source_name')
        : source;
}

/** How sure, in words a reader can weigh (the same bands the "only strong evidence" setting uses). */
export function confidenceWords(confidence: number): string {
  const percent = Math.round(confidence * 100);
  return confidence >= 0.85
    ? t('trust_confidence_strong', percent)
    : confidence >= 0.75
      ? t('trust_confidence_fair', percent)
      : t('trust_confidence_weak', percent);
}

/** The first sentence: where the comment sits and on what. */
function placement(model: ThreadModel, link: ReplyLink, suggestion: Suggestion | undefined): string {
  if (link.source === 'reader') return t('trust_why_reader', whoOf(model, link.parentId));
  if (suggestion)
    return t(
      'trust_why_suggested',
      whoOf(model, suggestion.parentId),
      sourceWords(suggestion.source),
      suggestion.evidence,
      confidenceWords(suggestion.confidence),
      model.evidenceLevel === 'all' ? t('trust_level_all') : t('trust_level_strong'),
    );
  if (link.source === 'blogger')
    return model.evidenceLevel === 'off' && (link.considered?.length ?? 0) > 0 ? t('trust_why_off') : t('trust_why_blogger');
  return t('trust_why_placed', whoOf(model, link.parentId), sourceWords(link.source), link.evidence, confidenceWords(link.confidence));
}

/** The popover's content for one comment. */
export function WhyPanel({ id, panelId, stale }: { id: string; panelId: string; stale: StaleNotes }) {
  const model = useValue(useThread().model);
  const link = model.links.get(id);
  if (!link) return null;
  const suggestion = model.suggestions.get(id);
  const taken = suggestion ?? link;
  const others = (link.considered ?? []).filter((c) => c.rejected || (suggestion && c.parentId !== suggestion.parentId));
  return (
    <div id={panelId} className="corrections-pop why-pop" data-thread-why={id} role="region" aria-label={t('trust_why_label')} tabIndex={-1}>
      <p>{placement(model, link, suggestion)}</p>
      {stale.parentGone && <p data-thread-why-stale="parent">{t('trust_why_stale_parent')}</p>}
      {stale.childrenGone > 0 && (
        <p data-thread-why-stale="children">
          {stale.childrenGone === 1 ? t('trust_why_stale_children_one') : t('trust_why_stale_children_many', stale.childrenGone)}
        </p>
      )}
      {others.length > 0 && (
        <>
          <p className="why-heading">{t('trust_why_also')}</p>
          <ul>
            {others.map((c) => (
              <li key={`${c.source}|${c.evidence}|${c.parentId}`} data-thread-why-rejected={c.parentId ?? 'post'}>
                {c.parentId === taken.parentId && (c.rejected === 'agrees with the stronger evidence' || !c.rejected)
                  ? t('trust_why_agrees', sourceWords(c.source), c.evidence, whoOf(model, c.parentId))
                  : t('trust_why_rejected', sourceWords(c.source), c.evidence, whoOf(model, c.parentId), c.rejected ?? '')}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
