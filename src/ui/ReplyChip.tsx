/** The "↪ replying to Anonymous, 21:07 (from '@21:07')" chip: previews the parent on hover/focus, jumps on click. */
import { t } from '../shared/i18n';
import type { ReplyLink } from '../threads';
import { useThread } from './context';
import { previewOf, type CommentEntry } from './model';

const REASON = {
  blogger: 'view_reason_blogger',
  time: 'view_reason_time',
  quote: 'view_reason_quote',
  name: 'view_reason_name',
  reader: 'view_reason_reader',
} as const satisfies Record<ReplyLink['source'], string>;

/** How a reply link was found, in the reader's words ("time", "quote"...). */
export function reasonOf(source: ReplyLink['source']): string {
  return t(REASON[source]);
}

export function ReplyChip({ id, parent, link }: { id: string; parent: CommentEntry; link: ReplyLink | undefined }) {
  const { actions } = useThread();
  const parentId = parent.record.id;
  const previewId = `tl-preview-${id}`;
  const evidence =
    link && link.source === 'reader'
      ? ` ${t('view_replying_reader')}`
      : link && link.source !== 'blogger'
        ? ` ${t('view_replying_evidence', reasonOf(link.source), link.evidence)}`
        : '';
  return (
    <div className="reply-chip-wrap">
      <button
        type="button"
        className="reply-chip"
        data-thread-action="jump-parent"
        data-thread-target={parentId}
        aria-describedby={previewId}
        onClick={() => actions.jumpTo(parentId, { from: id, focus: true })}
      >
        {t('view_replying_to', parent.record.author, parent.record.displayTime)}
        {evidence}
      </button>
      <div id={previewId} className="parent-preview">
        {previewOf(parent, 240)}
      </div>
    </div>
  );
}
