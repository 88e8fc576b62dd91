/**
 * Following posts and the reader's own comments, on the post: "Follow" in the toolbar (opening a followed post clears
 * its new count), "This is mine" on each comment (undone by pressing it again; it follows the post), the replies to
 * the reader's comments marked by the threads' own inference, and (an option, on by default) following a post when the
 * reader saves one of its comments or starts writing in the blog's comment form.
 */
import { warnOnce } from '../../shared/log';
import { t } from '../../shared/i18n';
import { untilAborted, ValueStore } from '../../shared/store';
import { isBloggerCommentFormUrl } from '../../ui/controller';
import { defineFeature, type CommentActionProps } from '../../ui/feature';
import { useMember, useValue } from '../../ui/store';
import { MenuItem } from '../../ui/ToolbarMenu';
import { MINE_MARK, REPLY_TO_ME_MARK } from './api';
import { loadMine, MINE_TEXT_CHARS, MINE_VERSION, removeMine, saveMine, savePageReplies, watchPostMine, type Mine } from './mine-store';
import { repliesToMine } from './replies';
import { follow, FOLLOW_VERSION, loadFollow, loadFollowState, markSeen, unfollow, watchFollow } from './store';

const styles = `
.badge-mine { background: #e3ddf7; color: #3b2a78; }
.badge-reply-to-me { background: #fde2dc; color: #7a1f10; }
.is-mine { border-left: 3px solid #6b55c7; padding-left: 0.4rem; }
.is-reply-to-me { border-left: 3px solid #c0392b; padding-left: 0.4rem; }
@media (prefers-color-scheme: dark) {
  .badge-mine { background: #3b2f6b; color: #e7e0ff; }
  .badge-reply-to-me { background: #5c2118; color: #ffe1da; }
}
.follow-status { color: var(--tl-muted); font-size: 0.9em; }
.follow-status:empty { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
`;

/** The save buttons of the reading list (public DOM hooks): pressing one that is not pressed yet saves. */
const SAVE_ACTIONS = new Set(['save', 'save-thread', 'save-post']);

export default defineFeature({
  id: 'follow',
  styles,
  init(ctx, signal) {
    const { controller, postKey, page, settings, doc, win } = ctx;
    const followed = new ValueStore(false);
    const status = new ValueStore('');
    const mineMark = controller.marks.of(MINE_MARK);
    const replyMark = controller.marks.of(REPLY_TO_ME_MARK);

    /** The comments the reader has had in view: what counts as seen. */
    const seenTotal = () => Math.max(page.post.totalCount ?? 0, controller.model.get().order.length);
    let lastSeenWritten = -1;
    /**
     * Opening a followed post clears its count: everything on the page is seen, and so is what the last check counted
     * (a page served from a cache, or a feed ahead of the page, must not leave a count the reader cannot clear).
     */
    const recordSeen = () => {
      if (!followed.get()) return;
      loadFollowState(postKey)
        .then((state) => {
          const total = Math.max(seenTotal(), state?.check?.total ?? 0);
          if (!state || signal.aborted || total === lastSeenWritten) return;
          lastSeenWritten = total;
          return markSeen(postKey, total);
        })
        .catch((error: unknown) => warnOnce('could not record this visit of a followed post.', error));
    };

    const setFollowed = (on: boolean, announce = true) => {
      if (followed.get() === on) return;
      followed.set(on);
      if (announce) status.set(on ? t('follow_status_following') : t('follow_status_stopped'));
      const write = on
        ? follow({ v: FOLLOW_VERSION, postKey, postId: page.post.postId, url: page.post.url, title: page.post.title, at: Date.now() }, seenTotal())
        : unfollow([postKey]);
      if (on) lastSeenWritten = seenTotal();
      write.catch((error: unknown) => {
        followed.set(!on);
        status.set(t('follow_status_failed'));
        warnOnce('could not save following this post.', error);
      });
    };
    /** Saving or writing follows the post when the reader's option says so. */
    const followForComment = () => {
      if (settings.get().follow.onComment && !followed.get()) setFollowed(true);
    };

    loadFollow(postKey).then(
      (stored) => {
        if (signal.aborted) return;
        followed.set(stored !== null);
        // Opening a followed post clears its count: everything on the page is seen.
        recordSeen();
      },
      (error: unknown) => warnOnce('could not read whether you follow this post.', error),
    );
    untilAborted(
      signal,
      watchFollow(postKey, (stored) => followed.set(stored !== null)),
      // More comments from the feed are seen too (a model change with no more comments, a correction, reads nothing).
      controller.model.subscribe(() => {
        if (seenTotal() > lastSeenWritten) recordSeen();
      }),
    );

    // The reader's comments and the replies to them.
    let lastReplies = '';
    const markReplies = () => {
      const replies = repliesToMine(controller.model.get().links, new Set(mineMark.values()));
      replyMark.replace(replies);
      const key = replies.join(',');
      if (key === lastReplies) return;
      lastReplies = key;
      savePageReplies(postKey, replies).catch((error: unknown) => warnOnce('could not keep the replies to your comments.', error));
    };
    // Read by key for the comments on the page; again when the feed brings more comments.
    let idsRead = 0;
    const loadMarks = () => {
      const ids = controller.model.get().order;
      idsRead = ids.length;
      return loadMine(postKey, ids).then(
        (mine) => {
          if (signal.aborted) return;
          mineMark.replace(mine.map((mark) => mark.commentId));
          markReplies();
        },
        (error: unknown) => warnOnce('could not read which comments are yours.', error),
      );
    };
    void loadMarks();
    untilAborted(
      signal,
      // This post's marks only: the replies this page itself saves (mine-replies:) must not trigger a reload.
      watchPostMine(postKey, () => void loadMarks()),
      controller.model.subscribe(() => {
        if (controller.model.get().order.length !== idsRead) void loadMarks();
        else markReplies();
      }),
    );

    const toggleMine = (id: string) => {
      const entry = controller.model.get().comments.get(id);
      if (!entry) return;
      if (mineMark.has(id)) {
        mineMark.set(id, false);
        markReplies();
        status.set(t('mine_status_unmarked'));
        removeMine(postKey, id).catch((error: unknown) => {
          mineMark.set(id, true);
          markReplies();
          status.set(t('mine_status_failed'));
          warnOnce('could not unmark your comment.', error);
        });
        return;
      }
      const { record, text } = entry;
      const mine: Mine = {
        v: MINE_VERSION,
        postKey,
        commentId: id,
        at: Date.now(),
        parentId: record.parentId,
        author: record.author,
        displayTime: record.displayTime,
        publishedMs: record.publishedMs,
        text: text.slice(0, MINE_TEXT_CHARS),
      };
      mineMark.set(id, true);
      markReplies();
      status.set(t('mine_status_marked'));
      // Marking a comment as yours follows its post (replies to it are what the check looks for).
      setFollowed(true, false);
      saveMine(mine).catch((error: unknown) => {
        mineMark.set(id, false);
        markReplies();
        status.set(t('mine_status_failed'));
        warnOnce('could not mark your comment.', error);
      });
    };

    // Saving a comment (the reading list's public buttons) follows the post, when the option is on.
    doc.addEventListener(
      'click',
      (event) => {
        const button = event
          .composedPath()
          .find((node): node is HTMLElement => SAVE_ACTIONS.has((node as Partial<HTMLElement>).dataset?.threadAction ?? ''));
        if (button && button.getAttribute('aria-pressed') !== 'true') followForComment();
      },
      { capture: true, signal },
    );
    // Writing in the blog's comment form (a Blogger frame: focus moving into it blurs this window) follows the post.
    win.addEventListener(
      'blur',
      () =>
        win.setTimeout(() => {
          const active = doc.activeElement;
          if (active?.tagName === 'IFRAME' && isBloggerCommentFormUrl((active as HTMLIFrameElement).src, win.location.origin)) followForComment();
        }, 0),
      { signal },
    );

    function FollowButton() {
      const on = useValue(followed);
      const said = useValue(status);
      return (
        <>
          <button
            type="button"
            className="tool-button icon-follow"
            data-thread-action="follow"
            aria-pressed={on ? 'true' : 'false'}
            onClick={() => setFollowed(!on)}
          >
            {on ? t('follow_button_following') : t('follow_button_follow')}
          </button>
          <span className="follow-status" role="status" aria-live="polite">
            {said}
          </span>
        </>
      );
    }

    function MineAction({ id }: CommentActionProps) {
      const mine = useMember(mineMark, id);
      return (
        <MenuItem data-thread-action="mine" checked={mine} onSelect={() => toggleMine(id)}>
          {t('mine_button')}
        </MenuItem>
      );
    }

    return {
      toolbar: <FollowButton />,
      commentActions: { place: 'menu', component: MineAction },
      commentMarks: [
        { mark: MINE_MARK, className: 'is-mine', attribute: 'data-thread-mine', label: t('mine_label') },
        { mark: REPLY_TO_ME_MARK, className: 'is-reply-to-me', attribute: 'data-thread-reply-to-me', label: t('mine_reply_label') },
      ],
    };
  },
});
