/**
 * Mounts the real Threadline view in jsdom, the way src/content/start.ts does: a model built from a few `Comment`
 * records, `mountThreadline` with the given features started by `runFeatures`, and the live settings store they read.
 * Resolves once the view says `data-state="ready"`. Use in a `// @vitest-environment jsdom` test file.
 *
 * A test that registers a feature touching `browser.*` (reading, glossary, new-comments...) mocks
 * src/shared/browser with ./fake-browser itself (vi.mock is per test file).
 */
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import type { Comment, PageComments, PostInfo } from '../../../src/blogger/types';
import { sanitizeHtml } from '../../../src/shared/sanitize';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';
import { ValueStore } from '../../../src/shared/store';
import type { LoadChunk } from '../../../src/ui/chunk-loader';
import type { Controller } from '../../../src/ui/controller';
import type { Feature } from '../../../src/ui/feature';
import { buildModel, type ViewMode } from '../../../src/ui/model';
import { mountThreadline, type Mounted } from '../../../src/ui/mount';
import { runFeatures } from '../../../src/ui/run-features';

// jsdom has no CSS.escape (the controller finds comment elements with it); the ids used here need no escaping.
globalThis.CSS ??= { escape: (value: string) => value } as unknown as typeof CSS;

export const HOST = 'probationmatters.blogspot.com';

export const POST: PostInfo = {
  postId: '7001',
  blogId: '2',
  url: `https://${HOST}/2024/02/a-post.html`,
  title: 'A post',
  totalCount: null,
  bodyText: '',
};

const BASE_MS = Date.UTC(2024, 1, 19, 12);

/** One Blogger comment record; the id is also its minute offset, so comments are in page order. */
export function comment(id: string, text: string, extra: Partial<Comment> = {}): Comment {
  return {
    id,
    parentId: null,
    author: `Author ${id}`,
    authorUrl: null,
    isBlogOwner: false,
    publishedMs: BASE_MS + Number(id) * 60_000,
    displayTime: `19 February 2024 at 12:${String(Number(id)).padStart(2, '0')}`,
    html: sanitizeHtml(`<p>${text}</p>`),
    removed: false,
    ...extra,
  };
}

/**
 * The default post: 1 has two Blogger replies (2, 3), 4 stands alone, 5 has one reply (6).
 *
 *   1 ─ 2
 *     └ 3
 *   4
 *   5 ─ 6
 */
export function defaultComments(): Comment[] {
  return [
    comment('1', 'Who runs the early release scheme?'),
    comment('2', 'Nobody knows.', { parentId: '1' }),
    comment('3', 'The regional office, allegedly.', { parentId: '1' }),
    comment('4', 'A standalone remark about caseloads.'),
    comment('5', 'Another thread starts here.'),
    comment('6', 'And a reply to it.', { parentId: '5' }),
  ];
}

export interface MountViewOptions {
  features?: readonly Feature[];
  comments?: Comment[];
  view?: ViewMode;
  collapsed?: string[];
  settings?: Settings;
}

export interface MountedView {
  mounted: Mounted;
  shadow: ShadowRoot;
  controller: Controller;
  /** The live settings every feature reads: `settings.set(...)` is a change from the options page. */
  settings: ValueStore<Settings>;
  /** The blog's own comment container (hidden while the view shows). */
  original: HTMLElement;
  /** Errors the view's error boundary caught (it then gave the page back); empty in a healthy run. */
  errors: unknown[];
  /** The loadChunk stub the features were given (rejects: no chunk is built in unit tests). */
  loadChunk: ReturnType<typeof vi.fn>;
  /** Remove the view (idempotent) and the page's test markup. */
  destroy(): void;
}

/** Mount the view over a fresh page; resolves once every thread has rendered (`data-state="ready"`). */
export async function mountView(options: MountViewOptions = {}): Promise<MountedView> {
  const features = options.features ?? [];
  const comments = options.comments ?? defaultComments();
  const settings = new ValueStore<Settings>(options.settings ?? DEFAULT_SETTINGS);

  const original = document.createElement('div');
  original.id = 'comments';
  original.className = 'comments';
  original.textContent = 'The blog’s own comments';
  document.body.append(original);

  const page: PageComments = { layout: 'threaded-v3', post: POST, comments, container: original, loadMore: null };
  const loadChunk = vi.fn(async (chunk: string) => {
    throw new Error(`no ${chunk} chunk in unit tests`);
  });
  const errors: unknown[] = [];
  const mounted = await mountThreadline({
    doc: document,
    original,
    model: buildModel(POST, comments),
    view: options.view ?? 'threaded',
    collapsed: options.collapsed ?? [],
    featureStyles: features.flatMap((feature) => (feature.styles ? [feature.styles] : [])),
    startFeatures: (controller, signal) =>
      runFeatures(
        features,
        controller,
        { settings, page, postKey: POST.postId!, host: HOST, doc: document, win: window, loadChunk: loadChunk as unknown as LoadChunk },
        signal,
      ),
    onReady: () => {},
    onError: (error) => errors.push(error),
  });
  await vi.waitFor(() => {
    if (!document.querySelector('[data-thread-root][data-state="ready"]')) throw new Error('the view is not ready yet');
  });
  await settle();
  return {
    mounted,
    shadow: mounted.shadow,
    controller: mounted.controller,
    settings,
    original,
    errors,
    loadChunk,
    destroy() {
      mounted.destroy();
      original.remove();
    },
  };
}

/** Let Preact render what the last change asked for (its renders and effects are debounced). */
export async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/** Press a key the way a reader does: a keydown from `target` (default: the page's body) that crosses shadow roots. */
export async function press(key: string, target: EventTarget = document.body, init: KeyboardEventInit = {}): Promise<KeyboardEvent> {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init });
  await act(() => {
    target.dispatchEvent(event);
  });
  await settle();
  return event;
}

/** Click an element and let the view re-render. */
export async function click(element: Element | null | undefined): Promise<void> {
  if (!element) throw new Error('nothing to click');
  await act(() => {
    (element as HTMLElement).click();
  });
  await settle();
}

/**
 * A comment's action: in its row, else in its "More actions" menu (opened for it, closed again when the action is
 * not there either); null when the comment has no such action.
 */
export async function commentAction(comment: Element, name: string): Promise<HTMLElement | null> {
  const actions = [...comment.querySelectorAll('.comment-actions')].find((row) => row.closest('[data-thread-comment]') === comment);
  const found = () => actions?.querySelector<HTMLElement>(`[data-thread-action="${name}"]`) ?? null;
  if (found()) return found();
  const button = [...(actions?.children ?? [])].find((child) => child.getAttribute('data-thread-action') === 'menu') as HTMLElement | undefined;
  if (!button) return null;
  if (button.getAttribute('aria-expanded') !== 'true') await click(button);
  const item = found();
  if (!item) await click(button);
  return item;
}
