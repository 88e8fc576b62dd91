/** Creates the view's stores and the actions on them: collapse, view switch, jump and back, reply through the blog's form. */
import { IdSetStore, ValueStore } from '../shared/store';
import type { CommentContributions, ThreadActions, ThreadContextValue } from './context';
import { landOn, type Landing } from './land-on';
import { MarkRegistry } from './marks';
import type { EvidenceLevel } from '../threads';
import { ancestorsOf, type LinkOverrides, type ThreadModel, type ViewMode, withEvidenceLevel, withLinkOverrides } from './model';

export interface ControllerOptions {
  model: ThreadModel;
  view: ViewMode;
  collapsed: Iterable<string>;
  /** The shadow root the comments render into (to find their elements). */
  uiRoot: ShadowRoot;
  /** The page's document (for the blog's comment form). */
  doc: Document;
}

export interface Controller extends ThreadContextValue {
  /** The shadow root the view renders into (feature modules put their overlays' behaviour here). */
  uiRoot: ShadowRoot;
  /** The page's document. */
  doc: Document;
  /** Build every thread group in one go (before printing), near the screen or not. */
  renderAll: ValueStore<boolean>;
  /** Listen to each comment body as it is rendered; returns the stop function. */
  onBody(listener: BodyListener): () => void;
  /** The element of a comment in the current view, once rendered. */
  elementOf(id: string): HTMLElement | null;
  /**
   * Scroll a comment to the centre of the view (and focus it): the one way every feature brings a comment into view,
   * so that it lands exactly even with skipped, estimated-height threads above it. A newer call supersedes this one.
   */
  reveal(id: string, options?: { focus?: boolean }): void;
  /**
   * Put these parents (set by the reader) over the inferred links and rebuild the threaded tree at once; they stay
   * applied when the model is rebuilt (more comments from the feed).
   */
  setLinkOverrides(overrides: LinkOverrides): void;
  /** Move comments on strong evidence only, on all evidence, or never; the threaded tree is rebuilt at once, without inference. */
  setEvidenceLevel(level: EvidenceLevel): void;
}

export type BodyListener = (id: string, body: HTMLElement) => void;

const NO_CONTRIBUTIONS: CommentContributions = { actions: { row: [], menu: [] }, marks: [] };

/**
 * An id as a quoted attribute value in a selector. Not CSS.escape: a retry timer can outlive a test's page, whose
 * CSS global is then gone (a unit run failed on 'CSS is not defined'); Blogger ids are digits anyway.
 */
function quoteAttribute(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}

/** How many threads one frame of "Collapse all" / "Expand all" changes. */
const COLLAPSE_BATCH = 25;

function prefersReducedMotion(doc: Document): boolean {
  return doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

export function createController(options: ControllerOptions): Controller {
  const { uiRoot, doc } = options;
  const model = new ValueStore(options.model);
  const view = new ValueStore<ViewMode>(options.view);
  const collapsed = new IdSetStore(options.collapsed);
  const highlight = new ValueStore<string | null>(null);
  const jumpHistory = new ValueStore<string[]>([]);
  const renderAll = new ValueStore(false);
  const hidden = new IdSetStore();
  const buildRequests = new IdSetStore();
  const buildEverything = new ValueStore(false);
  const marks = new MarkRegistry();
  const current = new ValueStore<string | null>(null);
  const filterAreaOpen = new ValueStore(false);
  const contributions = new ValueStore<CommentContributions>(NO_CONTRIBUTIONS);
  const bodyListeners = new Set<BodyListener>();

  /**
   * Move the collapsed set to `target` a batch per frame, in display order, so "Collapse all" / "Expand all" on a
   * 600-comment post never block the page for one long layout; a newer call supersedes a pending one.
   */
  let pendingBatches: ReturnType<typeof setTimeout> | undefined;
  const collapseGradually = (target: string[]) => {
    clearTimeout(pendingBatches);
    const wanted = new Set(target);
    const changes = model.get().order.filter((id) => collapsed.has(id) !== wanted.has(id));
    const step = (from: number) => {
      for (const id of changes.slice(from, from + COLLAPSE_BATCH)) collapsed.set(id, wanted.has(id));
      if (from + COLLAPSE_BATCH < changes.length) pendingBatches = setTimeout(() => step(from + COLLAPSE_BATCH), 16);
    };
    step(0);
  };

  const elementOf = (id: string): HTMLElement | null => uiRoot.querySelector<HTMLElement>(`[data-thread-comment="${quoteAttribute(id)}"]`);

  let landing: Landing | undefined;
  let pendingReveal: number | undefined;
  // The page's own timers: they stop with the page (a Node timer outlived jsdom's window in unit tests).
  const pageTimers = doc.defaultView ?? window;
  const reveal = (id: string, { focus = true }: { focus?: boolean } = {}) => {
    landing?.cancel();
    pageTimers.clearTimeout(pendingReveal);
    const attempt = (tries: number) => {
      // Wait until it is laid out: expanding ancestors renders asynchronously, and a display:none element cannot scroll.
      const element = elementOf(id);
      if (!element || element.getClientRects().length === 0) {
        // Not built yet: have its group built now rather than wait for the chunks before it or for the reader to scroll.
        buildRequests.set(id, true);
        if (tries > 0) pendingReveal = pageTimers.setTimeout(() => attempt(tries - 1), 16);
        return;
      }
      if (focus) element.focus({ preventScroll: true });
      landing = landOn(element, { doc, smooth: !prefersReducedMotion(doc) });
    };
    attempt(120);
  };

  const actions: ThreadActions = {
    toggle(id) {
      collapsed.toggle(id);
    },
    collapseAll() {
      const tree = model.get().trees[view.get()];
      collapseGradually([...tree.children.entries()].filter(([, kids]) => kids.length > 0).map(([id]) => id));
    },
    expandAll() {
      collapseGradually([]);
    },
    setView(next) {
      view.set(next);
    },
    jumpTo(id, { from, focus = true } = {}) {
      const current = model.get();
      if (!current.comments.has(id)) return;
      for (const ancestor of ancestorsOf(current.trees[view.get()], id)) collapsed.set(ancestor, false);
      if (from) jumpHistory.set([...jumpHistory.get(), from]);
      highlight.set(id);
      buildRequests.set(id, true);
      reveal(id, { focus });
    },
    back() {
      const history = jumpHistory.get();
      const previous = history[history.length - 1];
      if (!previous) return;
      jumpHistory.set(history.slice(0, -1));
      highlight.set(previous);
      reveal(previous, { focus: true });
    },
    reply(id) {
      const entry = model.get().comments.get(id);
      if (!entry) return;
      openBlogReplyForm(doc, entry.record.parentId ?? entry.record.id);
    },
  };

  return {
    uiRoot,
    doc,
    model,
    view,
    collapsed,
    hidden,
    buildRequests,
    buildEverything,
    highlight,
    jumpHistory,
    renderAll,
    marks,
    current,
    filterAreaOpen,
    actions,
    contributions,
    onBody(listener) {
      bodyListeners.add(listener);
      return () => bodyListeners.delete(listener);
    },
    elementOf,
    reveal,
    setLinkOverrides(overrides) {
      model.set(withLinkOverrides(model.get(), overrides));
    },
    setEvidenceLevel(level) {
      model.set(withEvidenceLevel(model.get(), level));
    },
    onBodyRendered(id, body) {
      for (const listener of bodyListeners) listener(id, body);
    },
  };
}

/** Comment bodies: what commenters write, never where the blog's own comment form lives. */
const COMMENT_BODY = '.comment-content, .comment-body, dd.comment-body, .comment-text, [data-thread-root]';

/** True for an element of the blog's own page, not one inside a comment body (whose ids commenters can choose). */
function outsideCommentBodies(element: Element): boolean {
  return element.closest(COMMENT_BODY) === null;
}

/**
 * Whether a URL is Blogger's comment form: https://www.blogger.com/comment/… (or the older comment-iframe.g), or
 * /comment/… on the blog's own origin. Anything else (another host, javascript:) never becomes the iframe's address.
 */
export function isBloggerCommentFormUrl(url: string, blogOrigin: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && parsed.origin === blogOrigin)) return false;
  if (parsed.origin === 'https://www.blogger.com') return parsed.pathname.startsWith('/comment/') || parsed.pathname === '/comment-iframe.g';
  return parsed.origin === blogOrigin && parsed.pathname.startsWith('/comment/');
}

/**
 * Point the blog's own comment iframe at a reply to `threadId`, the way Blogger's script does
 * (it adds `&parentID=<id>` before the hash of the iframe URL), and bring the form into view.
 */
export function openBlogReplyForm(doc: Document, threadId: string): boolean {
  const iframe = [...doc.querySelectorAll<HTMLIFrameElement>('iframe#comment-editor')].find(outsideCommentBodies);
  const anchor = [...doc.querySelectorAll<HTMLAnchorElement>('a#comment-editor-src')].find(outsideCommentBodies);
  const source = [anchor?.href, iframe?.src].find((url) => url && isBloggerCommentFormUrl(url, doc.location?.origin ?? ''));
  if (!iframe || !source) {
    doc.querySelector<HTMLElement>('.comment-form, #comment-form, a[name="comment-form"]')?.scrollIntoView({ block: 'center' });
    return false;
  }
  const hashAt = source.indexOf('#');
  const base = (hashAt >= 0 ? source.slice(0, hashAt) : source).replace(/[?&]parentID=\d+/g, '');
  const hash = hashAt >= 0 ? source.slice(hashAt) : '';
  iframe.src = `${base}${base.includes('?') ? '&' : '?'}parentID=${threadId}${hash}`;
  if (iframe.style.display === 'none') {
    doc.querySelector<HTMLElement>('#Blog1_comment-editor-toggle-link')?.click();
    iframe.style.removeProperty('display');
  }
  iframe.scrollIntoView({ block: 'center' });
  iframe.focus();
  return true;
}
