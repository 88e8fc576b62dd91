/**
 * The reading list on a post page: save controls (comment, thread, post) wired to storage, the in-page sidebar (its
 * frame and list are the reading-list chunk, loaded when it first opens), reading progress ("Read 120 of 212",
 * "Continue where I left off") and landing on saved comments.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PostInfo } from '../../blogger/types';
import { captureItem, excerptOf } from './capture';
import { createReadTracker, firstUnread } from './read-tracker';
import { threadGroupOf } from '../../ui/thread-group';
import { ReadingStore } from './reading-store';
import { permalinkOf, readingPostKey, savedKey, type SavedItem } from './types';
import { writeSavedItems } from './storage/saved-items';
import { addReadIds, loadProgress, onProgressChanged } from './storage/saved-progress';
import { DEFAULT_SIDEBAR_WIDTH, loadSidebarState, saveSidebarState, type SidebarState } from './storage/saved-sidebar-state';
import { loadSettings, onSettingsChanged, type Settings } from '../../shared/settings';
import { useThread } from '../../ui/context';
import type { Controller } from '../../ui/controller';
import { descendantsOf } from '../../ui/model';
import { clampWidth } from './sidebar/sidebar-width';
import { useSetVersion, useValue, ValueStore } from '../../ui/store';
import { warnOnce } from '../../shared/log';
import { ChunkFailure, lazyChunk, type LazyChunk } from '../../ui/lazy-chunk';

/** What the toolbar shows before the chunk arrives (the chunk brings the sidebar's and the list's own styles). */
export const READING_STYLES = `
.here-progress { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; margin: 0 0 0.3rem; font-size: 0.9em; color: var(--tl-muted); }
.tl-sidebar[hidden] { display: none; }
`;

/** Below this much page width beside the sidebar, the sidebar lies over the page instead of pushing it. */
export const MIN_PAGE_WIDTH_BESIDE = 720;
const PROGRESS_WRITE_DELAY_MS = 1500;

export interface ReadingFeatureOptions {
  doc: Document;
  post: PostInfo;
  controller: Controller;
  /** Resolves once every comment of the post is loaded (the feed loader), or null when nothing is missing. */
  loadAll?: () => Promise<void>;
  /** The sidebar's chunk (a stand-in in tests). */
  sidebarChunk?: LazyChunk<'reading-list'>;
}

export interface ReadingFeature {
  store: ReadingStore;
  tools: preact.ComponentChildren;
  overlays: preact.ComponentChildren;
  open(item: SavedItem): void;
  destroy(): void;
}

interface SidebarView extends SidebarState {
  placement: 'right' | 'left';
  overlay: boolean;
}

function isTyping(event: KeyboardEvent, doc: Document): boolean {
  if (doc.activeElement?.tagName === 'IFRAME') return true;
  return event.composedPath().some((node) => {
    const element = node as HTMLElement;
    return element.tagName === 'INPUT' || element.tagName === 'TEXTAREA' || element.tagName === 'SELECT' || element.isContentEditable === true;
  });
}

export function createReadingFeature({ doc, post, controller, loadAll, sidebarChunk = lazyChunk('reading-list') }: ReadingFeatureOptions): ReadingFeature {
  const view = doc.defaultView!;
  const postKey = readingPostKey(post);
  const store = new ReadingStore();
  const sidebar = new ValueStore<SidebarView>({ open: false, width: DEFAULT_SIDEBAR_WIDTH, placement: 'right', overlay: false });
  const stops: (() => void)[] = [];
  let settings: Settings | null = null;

  // Saved marks follow storage (this tab's saves and every other tab's).
  const syncMarks = () => {
    const comments: string[] = [];
    const threads: string[] = [];
    for (const item of store.get().items.values()) {
      if (item.postKey !== postKey || !item.commentId) continue;
      (item.kind === 'thread' ? threads : comments).push(item.commentId);
    }
    controller.marks.saved.replace(comments);
    controller.marks.savedThread.replace(threads);
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

  // A reader who saves will want the list: fetch the sidebar's chunk now, while the extension is surely there (after an
  // update mid-session it cannot be fetched, and the sidebar is where a failed save is explained).
  const prepareSidebar = () => {
    if (sidebarChunk.state.get().kind === 'idle') void sidebarChunk.load();
  };
  const toggleSaved = (kind: 'comment' | 'thread', id: string) => {
    prepareSidebar();
    const model = controller.model.get();
    const entry = model.comments.get(id);
    if (!entry) return;
    const key = savedKey({ postKey, kind, commentId: id });
    const existing = store.get().items.get(key);
    if (existing) {
      void store.remove([key], kind === 'thread' ? 'Thread removed from the reading list.' : 'Comment removed from the reading list.');
      return;
    }
    const replyCount = kind === 'thread' ? descendantsOf(model.trees[controller.view.get()], id).length : 0;
    void store.save([captureItem({ kind, post, comment: entry, replyCount })]);
  };
  controller.hooks.save = (id) => toggleSaved('comment', id);
  controller.hooks.saveThread = (id) => toggleSaved('thread', id);
  const postItemKey = savedKey({ postKey, kind: 'post', commentId: null });
  const togglePostSaved = () => {
    prepareSidebar();
    if (store.get().items.has(postItemKey)) void store.remove([postItemKey], 'Post removed from the reading list.');
    else void store.save([captureItem({ kind: 'post', post })]);
  };

  // The sidebar: open state and width remembered; pushes the page aside when there is room, else lies over it.
  let originalMargin: { side: 'right' | 'left'; value: string } | null = null;
  const applyLayout = () => {
    const state = sidebar.get();
    const overlay = view.innerWidth - state.width < MIN_PAGE_WIDTH_BESIDE;
    if (overlay !== state.overlay) sidebar.set({ ...state, overlay });
    const html = doc.documentElement;
    if (originalMargin) {
      html.style.setProperty(`margin-${originalMargin.side}`, originalMargin.value);
      originalMargin = null;
    }
    if (state.open && !overlay) {
      const side = state.placement;
      originalMargin = { side, value: html.style.getPropertyValue(`margin-${side}`) };
      html.style.setProperty(`margin-${side}`, `${state.width}px`);
    }
  };
  let persistTimer: ReturnType<typeof setTimeout> | undefined;
  /** Set once the reader opens, closes or resizes the sidebar: the remembered state must not undo that. */
  let changedByReader = false;
  const persist = (delayMs: number) => {
    clearTimeout(persistTimer);
    const write = () => {
      const { open, width } = sidebar.get();
      saveSidebarState({ open, width }).catch(() => undefined);
    };
    if (delayMs === 0) write();
    else persistTimer = setTimeout(write, delayMs);
  };
  const setSidebar = (change: Partial<SidebarView>, from: 'reader' | 'storage' = 'reader') => {
    sidebar.set({ ...sidebar.get(), ...change });
    applyLayout();
    if (from !== 'reader') return;
    if ('open' in change) {
      changedByReader = true;
      persist(0); // open/close is written at once: a reload right after must find it
    } else if ('width' in change) {
      changedByReader = true;
      persist(300); // a drag writes once it settles
    }
  };
  const toggleSidebar = () => setSidebar({ open: !sidebar.get().open });
  // Opening (by the reader, or remembered from the last visit) loads the sidebar's chunk; if it cannot, it stays closed.
  const loadSidebarChunk = () => {
    if (!sidebar.get().open || sidebarChunk.state.get().kind === 'ready') return;
    void sidebarChunk.load().then((api) => {
      if (api || !sidebar.get().open) return;
      sidebar.set({ ...sidebar.get(), open: false });
      applyLayout();
    });
  };
  stops.push(sidebar.subscribe(loadSidebarChunk));
  controller.hooks.toggleSidebar = toggleSidebar;
  view.addEventListener('resize', applyLayout);
  stops.push(() => view.removeEventListener('resize', applyLayout));
  void loadSidebarState().then((state) => {
    if (!changedByReader) setSidebar({ ...state, width: clampWidth(state.width, view.innerWidth) }, 'storage');
  });
  const applySettings = (next: Settings) => {
    settings = next;
    if (next.sidebar.placement !== sidebar.get().placement) setSidebar({ placement: next.sidebar.placement });
  };
  void loadSettings().then(applySettings);
  stops.push(onSettingsChanged(applySettings));

  // The keyboard shortcut (settings.keyBindings.sidebar). Listens on window, after the document's own handlers:
  // a keyboard module that already handled the key calls preventDefault and this one stands back.
  const onKey = (event: KeyboardEvent) => {
    const binding = settings?.keyBindings.sidebar;
    if (!binding || binding.includes(' ') || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key !== binding || isTyping(event, doc)) return;
    event.preventDefault();
    toggleSidebar();
  };
  view.addEventListener('keydown', onKey);
  stops.push(() => view.removeEventListener('keydown', onKey));

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
    isRead: (id) => controller.marks.read.has(id),
    onRead: (id) => {
      controller.marks.read.set(id, true);
      pending.add(id);
      clearTimeout(progressTimer);
      progressTimer = setTimeout(flushProgress, PROGRESS_WRITE_DELAY_MS);
    },
  });
  const observeBody = (id: string, body: HTMLElement) => tracker.observe(id, body);
  controller.bodyListeners.add(observeBody);
  const unionRead = (ids: Iterable<string>) => controller.marks.read.replace([...controller.marks.read.values(), ...ids]);
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
    const id = firstUnread(model.trees[controller.view.get()], (candidate) => controller.marks.read.has(candidate), (candidate) => controller.marks.filterHidden.has(candidate));
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
      if (sidebar.get().overlay) setSidebar({ open: false });
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
    if (!loadAll) {
      fallback();
      return;
    }
    void loadAll().then(
      () => (controller.model.get().comments.has(item.commentId!) ? land() : fallback()),
      fallback,
    );
  };

  function HereProgress() {
    const { model: modelStore, marks } = useThread();
    const model = useValue(modelStore);
    useSetVersion(marks.read);
    const total = model.order.length;
    const read = model.order.reduce((sum, id) => sum + (marks.read.has(id) ? 1 : 0), 0);
    return (
      <span className="here-progress">
        <span data-reading-progress={`${read}/${total}`}>
          Read {read} of {total}
        </span>
        {read < total && (
          <button type="button" data-thread-action="continue-reading" onClick={continueReading}>
            Continue where I left off
          </button>
        )}
      </span>
    );
  }

  function ReadingTools() {
    const state = useValue(sidebar);
    const [reading, setReading] = useState(store.get());
    useEffect(() => store.subscribe(() => setReading(store.get())), []);
    const postSaved = reading.items.has(postItemKey);
    const chunk = useValue(sidebarChunk.state);
    return (
      <>
        <button type="button" data-thread-action="save-post" aria-pressed={postSaved ? 'true' : 'false'} onClick={togglePostSaved}>
          {postSaved ? 'Post saved' : 'Save post'}
        </button>
        <button type="button" data-thread-action="sidebar" aria-expanded={state.open ? 'true' : 'false'} aria-controls="tl-sidebar"
          aria-busy={chunk.kind === 'loading' ? 'true' : undefined} onClick={toggleSidebar}>
          Reading list ({reading.items.size})
        </button>
        <ChunkFailure chunk={sidebarChunk} />
        <HereProgress />
      </>
    );
  }

  function ReadingOverlay() {
    const state = useValue(sidebar);
    const chunk = useValue(sidebarChunk.state);
    // Until the chunk arrives, the closed frame the toolbar button controls.
    if (chunk.kind !== 'ready') return <aside id="tl-sidebar" className="tl-sidebar" aria-label="Reading list" hidden data-thread-sidebar="closed" />;
    const { ReadingSidebar } = chunk.api;
    return (
      <ReadingSidebar
        open={state.open}
        width={state.width}
        placement={state.placement}
        overlay={state.overlay}
        onClose={() => {
          setSidebar({ open: false });
          (controller.elementOf(controller.current.get() ?? '') ?? null)?.focus({ preventScroll: true });
        }}
        onResize={(width) => setSidebar({ width })}
        store={store}
        onOpen={open}
        groupExtra={(key) => (key === postKey ? <HereProgress /> : undefined)}
      />
    );
  }

  return {
    store,
    tools: <ReadingTools />,
    overlays: <ReadingOverlay />,
    open,
    destroy() {
      flushProgress();
      tracker.destroy();
      controller.bodyListeners.delete(observeBody);
      clearTimeout(persistTimer);
      for (const stop of stops) stop();
      store.destroy();
      if (originalMargin) doc.documentElement.style.setProperty(`margin-${originalMargin.side}`, originalMargin.value);
      originalMargin = null;
      delete controller.hooks.save;
      delete controller.hooks.saveThread;
      delete controller.hooks.toggleSidebar;
    },
  };
}
