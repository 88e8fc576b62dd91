/** Counts a comment as read once its body has been on screen for about a second while the window has focus. */
import { createGroupWatch } from '../../shared/group-watch';

export const READ_DWELL_MS = 1000;

export interface ReadTrackerOptions {
  doc: Document;
  onRead(id: string): void;
  isRead(id: string): boolean;
  dwellMs?: number;
  /** The container that holds a body (its thread group): only bodies of containers on screen are observed one by one. */
  groupOf?: (element: Element) => Element;
}

export interface ReadTracker {
  /** Watch a rendered comment body (called again when the body is re-rendered). */
  observe(id: string, element: Element): void;
  destroy(): void;
}

/** On screen enough: half the body, or (for a long comment) half the viewport's height. */
function isOnScreen(entry: IntersectionObserverEntry, viewportHeight: number): boolean {
  if (!entry.isIntersecting) return false;
  return entry.intersectionRatio >= 0.5 || entry.intersectionRect.height >= viewportHeight * 0.5;
}

export function createReadTracker({ doc, onRead, isRead, dwellMs = READ_DWELL_MS, groupOf }: ReadTrackerOptions): ReadTracker {
  const view = doc.defaultView;
  const idOf = new WeakMap<Element, string>();
  const visible = new Map<Element, ReturnType<typeof setTimeout> | null>();
  if (!view || typeof view.IntersectionObserver !== 'function') return { observe() {}, destroy() {} };
  const attentive = () => doc.visibilityState === 'visible' && doc.hasFocus();

  const arm = (element: Element) => {
    if (visible.get(element) || !attentive()) return;
    visible.set(
      element,
      setTimeout(() => {
        visible.set(element, null);
        const id = idOf.get(element);
        if (!id || !element.isConnected || !attentive()) return;
        observer.unobserve(element);
        groups.unwatch(element);
        visible.delete(element);
        if (!isRead(id)) onRead(id);
      }, dwellMs),
    );
  };
  const disarmAll = () => {
    for (const [element, timer] of visible) {
      clearTimeout(timer ?? undefined);
      visible.set(element, null);
    }
  };
  const armAll = () => {
    for (const element of visible.keys()) arm(element);
  };

  const observer = new view.IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (isOnScreen(entry, view.innerHeight)) {
          if (!visible.has(entry.target)) visible.set(entry.target, null);
          arm(entry.target);
        } else {
          clearTimeout(visible.get(entry.target) ?? undefined);
          visible.delete(entry.target);
        }
      }
    },
    { threshold: [0, 0.25, 0.5, 0.75, 1] },
  );
  // Bodies are observed one by one (with thresholds) only while their group is on screen.
  const groups = createGroupWatch({
    view,
    groupOf: groupOf ?? ((element) => element),
    onNear: (elements) => elements.forEach((element) => observer.observe(element)),
    onFar: (elements) =>
      elements.forEach((element) => {
        observer.unobserve(element);
        clearTimeout(visible.get(element) ?? undefined);
        visible.delete(element);
      }),
  });
  const onAttention = () => (attentive() ? armAll() : disarmAll());
  view.addEventListener('focus', onAttention);
  view.addEventListener('blur', onAttention);
  doc.addEventListener('visibilitychange', onAttention);

  return {
    observe(id, element) {
      if (isRead(id) || idOf.get(element) === id) return;
      idOf.set(element, id);
      groups.watch(element);
    },
    destroy() {
      groups.destroy();
      observer.disconnect();
      disarmAll();
      visible.clear();
      view.removeEventListener('focus', onAttention);
      view.removeEventListener('blur', onAttention);
      doc.removeEventListener('visibilitychange', onAttention);
    },
  };
}

/** The first comment, in display order, that is not read and not hidden; null when all are read. */
export function firstUnread(
  tree: { roots: string[]; children: Map<string, string[]> },
  isRead: (id: string) => boolean,
  isHidden: (id: string) => boolean = () => false,
): string | null {
  const stack = [...tree.roots].reverse();
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (!isRead(id) && !isHidden(id)) return id;
    const children = tree.children.get(id);
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return null;
}
