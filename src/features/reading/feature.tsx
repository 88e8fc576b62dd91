/**
 * The reading list on a post page: save controls (comment, thread, post) wired to storage, the in-page sidebar,
 * reading progress ("Read 120 of 212", "Continue where I left off") and landing on saved comments.
 */
import type { PostInfo } from '../../blogger/types';
import { warnOnce } from '../../shared/log';
import { t } from '../../shared/i18n';
import { untilAborted } from '../../shared/store';
import { useThread } from '../../ui/context';
import type { Controller } from '../../ui/controller';
import {
  defineFeature,
  type CommentActionContribution,
  type CommentActionProps,
  type FeatureContext,
  type ToolbarContribution,
} from '../../ui/feature';
import { MenuItem } from '../../ui/ToolbarMenu';
import { descendantsOf } from '../../ui/model';
import type { SidebarHost } from '../../ui/sidebar/sidebar-host';
import { useMember, useSetVersion, useValue } from '../../ui/store';
import { threadGroupOf } from '../../ui/thread-group';
import { currentCommentId } from '../../ui/navigation';
import { READ_MARK, SAVED_MARK, SAVED_THREAD_MARK } from './api';
import { captureItem, excerptOf } from './capture';
import { createReadTracker, firstUnread } from './read-tracker';
import { ReadingStore } from './reading-store';
import { ReadingList } from './sidebar/ReadingList';
import { useReading } from './sidebar/useReading';
import sidebarStyles from './sidebar/sidebar.css';
import { writeSavedItems } from './storage/saved-items';
import { addReadIds, loadProgress, onProgressChanged } from './storage/saved-progress';
import { permalinkOf, readingPostKey, savedKey, type SavedItem } from './types';

const READING_STYLES = `
.here-progress { display: inline-flex; flex-wrap: wrap; gap: var(--tl-space-1); align-items: center; font-size: var(--tl-font-size-s); color: var(--tl-color-muted); }
.toolbar .here-progress { margin: 0 0 0 auto; order: 99; }
.here-progress .link-button { font-size: 1em; }
.here-progress .continue-button { padding: 0; width: var(--tl-control); justify-content: center; }
.sidebar-count { font-variant-numeric: tabular-nums; }
${sidebarStyles}
`;

/** The reading list's panel in the in-page sidebar. */
export const READING_PANEL = 'reading';
const PROGRESS_WRITE_DELAY_MS = 1500;

export interface ReadingFeatureOptions {
  doc: Document;
  post: PostInfo;
  controller: Controller;
  /** The in-page sidebar the reading list is a panel of. */
  sidebar: SidebarHost;
  /** Resolves once every comment of the post is loaded. */
  completeComments: () => Promise<void>;
}

export interface ReadingFeature {
  store: ReadingStore;
  tools: ToolbarContribution[];
  commentActions: readonly CommentActionContribution[];
  toggleSaved(kind: 'comment' | 'thread', id: string): void;
  toggleSidebar(): void;
  open(item: SavedItem): void;
  destroy(): void;
}

export function createReadingFeature({ doc, post, controller, sidebar, completeComments }: ReadingFeatureOptions): ReadingFeature {
  const view = doc.defaultView!;
  const postKey = readingPostKey(post);
  const store = new ReadingStore();
  const stops: (() => void)[] = [];
  const saved = controller.marks.of(SAVED_MARK);
  const savedThreads = controller.marks.of(SAVED_THREAD_MARK);
  const read = controller.marks.of(READ_MARK);

  // Saved marks follow storage (this tab's saves and every other tab's).
  const syncMarks = () => {
    const comments: string[] = [];
    const threads: string[] = [];
    for (const item of store.get().items.values()) {
      if (item.postKey !== postKey || !item.commentId) continue;
      (item.kind === 'thread' ? threads : comments).push(item.commentId);
    }
    saved.replace(comments);
    savedThreads.replace(threads);
  };
  stops.push(store.subscribe(syncMarks));

  // Items that arrived through sync have no excerpt yet: re-read it from this page.
  const filled = new Set<string>();
  const fillExcerpts = () => {
    const model = controller.model.get();
    const updates: SavedItem[] = [];
    for (const [key, item] of store.get().items) {
      if (item.postKey !== postKey || item.excerptHtml || !item.commentId || filled.has(key)) continue;
      const entry = model.comments.get(item.commentId);
      if (!entry) continue;
      filled.add(key);
      updates.push({ ...item, excerptHtml: excerptOf(entry.record, entry.text), postTitle: item.postTitle || post.title });
    }
    if (updates.length > 0) void writeSavedItems(updates).catch((error) => warnOnce('could not fill in saved excerpts.', error));
  };
  stops.push(store.subscribe(fillExcerpts), controller.model.subscribe(fillExcerpts));

  const toggleSaved = (kind: 'comment' | 'thread', id: string) => {
    const model = controller.model.get();
    const entry = model.comments.get(id);
    if (!entry) return;
    const key = savedKey({ postKey, kind, commentId: id });
    const existing = store.get().items.get(key);
    if (existing) {
      void store.remove([key], kind === 'thread' ? t('view_thread_removed') : t('view_comment_removed'));
      return;
    }
    const replyCount = kind === 'thread' ? descendantsOf(model.trees[controller.view.get()], id).length : 0;
    void store.save([captureItem({ kind, post, comment: entry, replyCount })]);
  };
  const postItemKey = savedKey({ postKey, kind: 'post', commentId: null });
  const togglePostSaved = () => {
    if (store.get().items.has(postItemKey)) void store.remove([postItemKey], t('view_post_removed'));
    else void store.save([captureItem({ kind: 'post', post })]);
  };

  const toggleSidebar = () => sidebar.toggle(READING_PANEL);

  // Reading progress.
  const pending = new Set<string>();
  let progressTimer: ReturnType<typeof setTimeout> | undefined;
  const flushProgress = () => {
    clearTimeout(progressTimer);
    if (pending.size === 0) return;
    const ids = [...pending];
    pending.clear();
    addReadIds(postKey, ids, controller.model.get().order.length).catch((error) => warnOnce('could not remember reading progress.', error));
  };
  const tracker = createReadTracker({
    doc,
    groupOf: threadGroupOf,
    isRead: (id) => read.has(id),
    onRead: (id) => {
      read.set(id, true);
      pending.add(id);
      clearTimeout(progressTimer);
      progressTimer = setTimeout(flushProgress, PROGRESS_WRITE_DELAY_MS);
    },
  });
  stops.push(controller.onBody((id, body) => tracker.observe(id, body)));
  const unionRead = (ids: Iterable<string>) => read.replace([...read.values(), ...ids]);
  void loadProgress(postKey).then((progress) => progress && unionRead(progress.ids));
  stops.push(
    onProgressChanged((changedKey, progress) => {
      if (changedKey === postKey && progress) unionRead(progress.ids);
    }),
  );
  view.addEventListener('pagehide', flushProgress);
  stops.push(() => view.removeEventListener('pagehide', flushProgress));

  const continueReading = () => {
    const model = controller.model.get();
    const id = firstUnread(
      model.trees[controller.view.get()],
      (candidate) => read.has(candidate),
      (candidate) => controller.hidden.has(candidate),
    );
    if (id) controller.actions.jumpTo(id, { focus: true });
  };

  const open = (item: SavedItem) => {
    if (!item.read) void store.update(savedKey(item), { read: true });
    const here = item.postKey === postKey;
    if (!here) {
      view.location.assign(permalinkOf(item));
      return;
    }
    const land = () => {
      if (sidebar.state.get().overlay) sidebar.close();
      if (!item.commentId) {
        controller.elementOf(controller.model.get().order[0] ?? '')?.scrollIntoView({ block: 'start' });
        return;
      }
      controller.actions.jumpTo(item.commentId, { focus: true });
    };
    if (!item.commentId || controller.model.get().comments.has(item.commentId)) {
      land();
      return;
    }
    const fallback = () => view.location.assign(permalinkOf(item));
    void completeComments().then(() => (controller.model.get().comments.has(item.commentId!) ? land() : fallback()), fallback);
  };

  /**
   * "14 of 52 read" and, once something is read, Continue. In the toolbar (`compact`) Continue is an icon button at
   * the row's end: it takes no room before it is needed, and little after, so the row fits the blog's column.
   */
  function HereProgress({ compact = false }: { compact?: boolean }) {
    const { model: modelStore } = useThread();
    const model = useValue(modelStore);
    useSetVersion(read);
    const total = model.order.length;
    const readCount = model.order.reduce((sum, id) => sum + (read.has(id) ? 1 : 0), 0);
    return (
      <span className="here-progress">
        <span data-reading-progress={`${readCount}/${total}`}>{t('view_read_of', readCount, total)}</span>
        {readCount > 0 && readCount < total && (
          <button
            type="button"
            className={compact ? 'tool-button continue-button icon-continue' : 'link-button'}
            data-thread-action="continue-reading"
            aria-label={compact ? t('look_continue_reading') : undefined}
            title={compact ? t('look_continue_reading') : undefined}
            onClick={continueReading}
          >
            {compact ? null : t('view_continue')}
          </button>
        )}
      </span>
    );
  }

  /** In the toolbar row: the reading list's button, then the quiet progress line. */
  function ReadingTools() {
    const state = useValue(sidebar.state);
    const reading = useReading(store);
    return (
      <>
        <button
          type="button"
          className="tool-button icon-list"
          data-thread-action="sidebar"
          aria-expanded={state.open && state.active === READING_PANEL ? 'true' : 'false'}
          aria-controls="tl-sidebar"
          onClick={toggleSidebar}
        >
          {t('view_reading_list')} <span className="sidebar-count">{reading.items.size}</span>
        </button>
        <HereProgress compact />
      </>
    );
  }

  /** In the toolbar menu: save the post (checked once saved). */
  function SavePostItem() {
    const postSaved = useReading(store).items.has(postItemKey);
    return (
      <MenuItem data-thread-action="save-post" icon="icon-save" checked={postSaved} onSelect={togglePostSaved}>
        {postSaved ? t('view_post_saved') : t('view_save_post')}
      </MenuItem>
    );
  }

  function ReadingPanel() {
    return <ReadingList store={store} onOpen={open} groupExtra={(key) => (key === postKey ? <HereProgress /> : undefined)} />;
  }
  stops.push(sidebar.addPanel({ id: READING_PANEL, label: () => t('sidebar_reading_tab'), content: ReadingPanel, focus: '[data-reading-search]' }));

  /** Save and Save thread in each comment's action row. */
  function SaveAction({ id }: CommentActionProps) {
    const isSaved = useMember(saved, id);
    return (
      <button
        type="button"
        className="action icon-save"
        data-thread-action="save"
        aria-pressed={isSaved ? 'true' : 'false'}
        onClick={() => toggleSaved('comment', id)}
      >
        {isSaved ? t('view_saved') : t('view_save')}
      </button>
    );
  }

  /** In the comment's "More actions" menu, for a comment with replies. */
  function SaveThreadItem({ id, hasReplies }: CommentActionProps) {
    const isThreadSaved = useMember(savedThreads, id);
    if (!hasReplies) return null;
    return (
      <MenuItem icon="icon-save-thread" data-thread-action="save-thread" checked={isThreadSaved} onSelect={() => toggleSaved('thread', id)}>
        {isThreadSaved ? t('view_thread_saved') : t('view_save_thread')}
      </MenuItem>
    );
  }

  return {
    store,
    tools: [
      { place: 'bar', content: <ReadingTools /> },
      { place: 'menu', content: <SavePostItem /> },
    ],
    commentActions: [
      { place: 'row', component: SaveAction },
      { place: 'menu', component: SaveThreadItem },
    ],
    toggleSaved,
    toggleSidebar,
    open,
    destroy() {
      flushProgress();
      tracker.destroy();
      for (const stop of stops) stop();
      store.destroy();
    },
  };
}

export default defineFeature({
  id: 'reading',
  styles: READING_STYLES,
  shortcuts: [
    { id: 'save', key: 's', label: 'Save comment', group: 'Reading' },
    { id: 'sidebar', key: 'b', label: 'Open reading list', group: 'Reading' },
  ],
  init(ctx: FeatureContext, signal) {
    const { controller } = ctx;
    const reading = createReadingFeature({
      doc: ctx.doc,
      post: ctx.page.post,
      controller,
      sidebar: ctx.sidebar,
      completeComments: ctx.completeComments,
    });
    untilAborted(signal, () => reading.destroy());
    return {
      toolbar: reading.tools,
      commentActions: reading.commentActions,
      shortcuts: {
        save() {
          const id = currentCommentId(controller);
          if (id === null) return false;
          reading.toggleSaved('comment', id);
          return true;
        },
        sidebar() {
          reading.toggleSidebar();
          return true;
        },
      },
    };
  },
});
