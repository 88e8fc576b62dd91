/** The "↪ replying to Anonymous, 21:07 (from '@21:07')" chip: previews the parent on hover/focus, jumps on click. */
import type { ReplyLink } from '../threads';
import { useThread } from './context';
import { previewOf, type CommentEntry } from './model';

const REASON: Record<ReplyLink['source'], string> = {
  blogger: 'Blogger reply',
  time: 'time',
  quote: 'quote',
  name: 'name',
  reader: 'your correction',
};

export function ReplyChip({ id, parent, link }: { id: string; parent: CommentEntry; link: ReplyLink | undefined }) {
  const { actions } = useThread();
  const parentId = parent.record.id;
  const previewId = `tl-preview-${id}`;
  const evidence =
    link && link.source === 'reader'
      ? ` (${REASON.reader})`
      : link && link.source !== 'blogger'
        ? ` (from ${REASON[link.source]} ‘${link.evidence}’)`
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
        <span aria-hidden="true">↪</span> replying to {parent.record.author}, {parent.record.displayTime}
        {evidence}
      </button>
      <div id={previewId} className="parent-preview">
        {previewOf(parent, 240)}
      </div>
    </div>
  );
}
