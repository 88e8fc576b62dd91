/** "Why here?": the evidence that placed a comment, how sure it is, and what else was weighed and why it lost. */
import type { ConsideredLink, ReplyLink } from '../../threads';
import { useThread } from '../../ui/context';
import type { ThreadModel } from '../../ui/model';

const SOURCE_WORDS: Record<ConsideredLink['source'], string> = {
  time: 'Time',
  quote: 'Quote',
  name: 'Name',
};

/** How sure, in words a reader can weigh. */
export function confidenceWords(confidence: number): string {
  const percent = Math.round(confidence * 100);
  return `${confidence >= 0.85 ? 'strong' : confidence >= 0.75 ? 'fair' : 'weak'} (${percent}%)`;
}

function whoOf(model: ThreadModel, parentId: string | null): string {
  if (parentId === null) return 'the post';
  const entry = model.comments.get(parentId);
  return entry ? `${entry.record.author}, ${entry.record.displayTime}` : 'a comment not on the page';
}

/** The popover's content for one comment placed by inference. */
export function WhyPanel({ id, link, panelId }: { id: string; link: ReplyLink; panelId: string }) {
  const { model } = useThread();
  const current = model.get();
  const considered = link.considered ?? [];
  const others = considered.filter((c) => c.rejected);
  return (
    <div id={panelId} className="corrections-pop why-pop" data-thread-why={id} role="region" aria-label="Why this comment is here">
      <p>
        Placed under <strong>{whoOf(current, link.parentId)}</strong>: {SOURCE_WORDS[link.source as ConsideredLink['source']] ?? link.source}{' '}
        <q>{link.evidence}</q>, confidence {confidenceWords(link.confidence)}.
      </p>
      {others.length > 0 && (
        <>
          <p className="why-heading">Also weighed:</p>
          <ul>
            {others.map((c) => (
              <li key={`${c.source}|${c.evidence}|${c.parentId}`} data-thread-why-rejected={c.parentId ?? 'post'}>
                {SOURCE_WORDS[c.source]} <q>{c.evidence}</q> → {whoOf(current, c.parentId)}:{' '}
                {c.parentId === link.parentId && c.rejected === 'agrees with the stronger evidence'
                  ? 'points here too.'
                  : `not taken, ${c.rejected}.`}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
