/** New since the last visit: marks comments newer than the reader's last visit to the post, counts them on the toolbar button, `n` steps through them. */
import { sendToBackground } from '../../shared/messages';
import { untilAborted } from '../../shared/store';
import { defineFeature } from '../../ui/feature';
import { currentCommentId, moveToComment, navigatorOf } from '../../ui/navigation';
import { NEW_MARK } from './api';
import { firstUseOf } from './last-visit';
import { attachNewSinceVisit } from './new-since-visit';

/** The "new" label in the colour of the new mark (tokens.css); the core view adds the left accent (`.is-new`). */
const styles = `
.badge-new { border-color: var(--tl-color-new); color: var(--tl-color-new); font-weight: 600; }
`;

/** Show the count on the extension's toolbar button for this tab ('' clears it). */
function sendBadge(text: string): void {
  sendToBackground({ type: 'threadline:badge', text }).catch(() => undefined);
}

export default defineFeature({
  id: 'new-comments',
  styles,
  shortcuts: [{ id: 'nextNew', key: 'n', label: 'Next new comment', group: 'Move' }],
  init(ctx, signal) {
    const { controller } = ctx;
    untilAborted(
      signal,
      attachNewSinceVisit(controller, { postKey: ctx.postKey, win: ctx.win, setBadge: sendBadge, announcedCount: ctx.page.post.totalCount }),
    );
    const isNew = controller.marks.of(NEW_MARK);
    return {
      commentMarks: [{ mark: NEW_MARK, className: 'is-new', attribute: 'data-thread-new', label: 'new' }],
      ready() {
        // "New post" on the blog's post lists means newer than this: the first time Threadline ran on the blog. Only
        // those lists read it, so record it after the threads have rendered, off the post page's start-up path.
        if (!signal.aborted) firstUseOf(ctx.host).catch(() => undefined);
      },
      shortcuts: {
        nextNew: () =>
          moveToComment(
            controller,
            navigatorOf(controller, true).nextWhere(currentCommentId(controller), (id) => isNew.has(id)),
            true,
          ),
      },
    };
  },
});
