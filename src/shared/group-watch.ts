/** Watches many elements for nearness to the screen through the containers that hold them: one IntersectionObserver target per container. */

export interface GroupWatch {
  /** Watch an element; `onNear` gets it as soon as its container is near the screen (at once if it already is). */
  watch(element: Element): void;
  /** Stop watching an element (it was handled, or re-rendered away). */
  unwatch(element: Element): void;
  /** Every element still watched, near or not. */
  watched(): Element[];
  destroy(): void;
}

export interface GroupWatchOptions {
  view: Window & typeof globalThis;
  /** The container to observe for an element (a thread group of ~8 threads); the element itself when it has none. */
  groupOf(element: Element): Element;
  /** How far beyond the viewport counts as near (IntersectionObserver rootMargin). */
  rootMargin?: string;
  /** Elements whose container came near (or that were watched while it was near). */
  onNear(elements: Element[]): void;
  /** Elements whose container left; not called for elements never reported near. */
  onFar?(elements: Element[]): void;
}

/**
 * Observing each of 10,000 comment bodies made the browser test every one of them on every frame (4.3 s of a
 * 10,000-comment load); observing the ~1,250 thread groups that hold them costs an eighth of that and the same
 * answers, since a comment is only near the screen when its group is.
 */
export function createGroupWatch({ view, groupOf, rootMargin = '0px', onNear, onFar }: GroupWatchOptions): GroupWatch {
  const members = new Map<Element, Set<Element>>();
  const groupOfMember = new Map<Element, Element>();
  const near = new Set<Element>();

  const live = (group: Element): Element[] => {
    const set = members.get(group);
    if (!set) return [];
    for (const element of set) if (!element.isConnected) forget(element);
    return [...set];
  };
  const forget = (element: Element) => {
    const group = groupOfMember.get(element);
    if (!group) return;
    groupOfMember.delete(element);
    const set = members.get(group);
    set?.delete(element);
    if (set && set.size === 0) {
      members.delete(group);
      near.delete(group);
      observer?.unobserve(group);
    }
  };

  const observer =
    typeof view.IntersectionObserver === 'function'
      ? new view.IntersectionObserver(
          (entries) => {
            for (const { target, isIntersecting } of entries) {
              if (isIntersecting === near.has(target)) continue;
              if (isIntersecting) near.add(target);
              else near.delete(target);
              const elements = live(target);
              if (elements.length === 0) continue;
              if (isIntersecting) onNear(elements);
              else onFar?.(elements);
            }
          },
          { rootMargin },
        )
      : null;

  return {
    watch(element) {
      if (!observer) return onNear([element]);
      if (groupOfMember.has(element)) return;
      const group = groupOf(element);
      groupOfMember.set(element, group);
      let set = members.get(group);
      if (!set) {
        members.set(group, (set = new Set()));
        observer.observe(group);
      }
      set.add(element);
      if (near.has(group)) onNear([element]);
    },
    unwatch: forget,
    watched: () => [...groupOfMember.keys()],
    destroy() {
      observer?.disconnect();
      members.clear();
      groupOfMember.clear();
      near.clear();
    },
  };
}
