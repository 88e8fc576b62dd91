/** Where keyboard navigation goes next: the visible comments of the current view in display order, threads, parents, new ones. */
import type { Controller } from './controller';
import { ancestorsOf } from './model';
import type { ThreadTree } from '../threads/types';
import { displayOrder } from '../threads/filters';

/** The comments a reader can see, in display order: not hidden by a filter, not under a collapsed comment. */
export function visibleComments(tree: ThreadTree, isHidden: (id: string) => boolean, isCollapsed: (id: string) => boolean): string[] {
  const out: string[] = [];
  const stack = [...tree.roots].reverse();
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (isHidden(id)) continue;
    out.push(id);
    if (isCollapsed(id)) continue;
    const children = tree.children.get(id);
    if (children) for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]!);
  }
  return out;
}

/** A navigator over one snapshot of the view. */
export class Navigator {
  private readonly position: Map<string, number>;
  private readonly visibleSet: Set<string>;

  constructor(
    private readonly tree: ThreadTree,
    private readonly visible: string[],
  ) {
    this.position = new Map(displayOrder(tree).map((id, index) => [id, index]));
    this.visibleSet = new Set(visible);
  }

  first(): string | null {
    return this.visible[0] ?? null;
  }

  last(): string | null {
    return this.visible[this.visible.length - 1] ?? null;
  }

  /** The next (delta 1) or previous (-1) visible comment; from nowhere, the first or last. Stays put at the ends. */
  step(current: string | null, delta: 1 | -1): string | null {
    if (current === null || !this.position.has(current)) return delta === 1 ? this.first() : this.last();
    const index = this.visibleIndexNear(current, delta);
    if (index === null) return this.visibleSet.has(current) ? current : delta === 1 ? this.last() : this.first();
    return this.visible[index] ?? null;
  }

  /** The top-level comment of the next or previous visible thread. */
  stepThread(current: string | null, delta: 1 | -1): string | null {
    const roots = this.tree.roots.filter((root) => this.visibleSet.has(root));
    if (roots.length === 0) return null;
    if (current === null || !this.position.has(current)) return delta === 1 ? roots[0]! : roots[roots.length - 1]!;
    const root = this.rootOf(current);
    const rootIndex = this.tree.roots.indexOf(root);
    const candidates = delta === 1 ? this.tree.roots.slice(rootIndex + 1) : this.tree.roots.slice(0, rootIndex).reverse();
    // K inside a thread goes to the top of that thread first, as "previous thread" does in mail readers.
    if (delta === -1 && current !== root && this.visibleSet.has(root)) return root;
    return candidates.find((id) => this.visibleSet.has(id)) ?? current;
  }

  /** The parent of the current comment in this view, or null at the top. */
  parent(current: string | null): string | null {
    if (current === null) return null;
    return this.tree.parentOf.get(current) ?? null;
  }

  /** The next visible comment after the current one that satisfies `accept`, wrapping round to the top. */
  nextWhere(current: string | null, accept: (id: string) => boolean): string | null {
    if (this.visible.length === 0) return null;
    const start = current === null ? -1 : (this.visibleIndexNear(current, 1) ?? this.visible.length) - 1;
    for (let offset = 1; offset <= this.visible.length; offset += 1) {
      const id = this.visible[(start + offset + this.visible.length) % this.visible.length]!;
      if (id !== current && accept(id)) return id;
    }
    return null;
  }

  /** The top-level comment of a comment's thread. */
  rootOf(id: string): string {
    let root = id;
    const seen = new Set<string>([id]);
    let parent = this.tree.parentOf.get(root) ?? null;
    while (parent !== null && !seen.has(parent)) {
      seen.add(parent);
      root = parent;
      parent = this.tree.parentOf.get(root) ?? null;
    }
    return root;
  }

  /** Index in `visible` of the first visible comment after (delta 1) or before (-1) `id` in display order. */
  private visibleIndexNear(id: string, delta: 1 | -1): number | null {
    const at = this.position.get(id)!;
    if (delta === 1) {
      for (let i = 0; i < this.visible.length; i += 1) if (this.position.get(this.visible[i]!)! > at) return i;
    } else {
      for (let i = this.visible.length - 1; i >= 0; i -= 1) if (this.position.get(this.visible[i]!)! < at) return i;
    }
    return null;
  }
}

/** A navigator over what the reader sees now (or, with `ignoreCollapse`, over everything not hidden by a filter). */
export function navigatorOf(controller: Pick<Controller, 'model' | 'view' | 'hidden' | 'collapsed'>, ignoreCollapse = false): Navigator {
  const tree = controller.model.get().trees[controller.view.get()];
  const visible = visibleComments(
    tree,
    (id) => controller.hidden.has(id),
    (id) => !ignoreCollapse && controller.collapsed.has(id),
  );
  return new Navigator(tree, visible);
}

/** The comment keys act on: the focused one, else the highlighted one, if it is still in the model. */
export function currentCommentId(controller: Pick<Controller, 'model' | 'current' | 'highlight'>): string | null {
  const id = controller.current.get() ?? controller.highlight.get();
  return id !== null && controller.model.get().comments.has(id) ? id : null;
}

/** Make `id` the current comment and bring it into view (expanding what hides it first, if asked); false for none. */
export function moveToComment(controller: Controller, id: string | null, expandAncestors = false): boolean {
  if (id === null) return false;
  if (expandAncestors)
    for (const ancestor of ancestorsOf(controller.model.get().trees[controller.view.get()], id)) controller.collapsed.set(ancestor, false);
  controller.current.set(id);
  controller.reveal(id, { focus: true });
  return true;
}
