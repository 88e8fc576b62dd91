/** Builds comment forests (Blogger's "as posted" one and the inferred one) and counts a thread's replies. */
import type { Comment } from '../blogger/types';
import type { ReplyLink, ThreadTree } from './types';

/**
 * Builds a forest from ids in page order and a parent lookup. Cycle-safe and total: a parent that is unknown,
 * the comment itself, or part of a cycle is dropped (the comment becomes a root); in a cycle the member that
 * comes first in page order is the one cut loose. Siblings keep page order.
 */
export function buildTree(commentIdsInPageOrder: string[], parentOf: (id: string) => string | null): ThreadTree {
  const pageIndex = new Map<string, number>();
  const ids: string[] = [];
  for (const id of commentIdsInPageOrder) {
    if (pageIndex.has(id)) continue; // a duplicated id is kept once, at its first position
    pageIndex.set(id, ids.length);
    ids.push(id);
  }
  const resolved = new Map<string, string | null>();
  for (const id of ids) {
    const parent = parentOf(id);
    resolved.set(id, parent !== null && parent !== id && pageIndex.has(parent) ? parent : null);
  }
  cutCycles(ids, resolved, pageIndex);

  const roots: string[] = [];
  const children = new Map<string, string[]>();
  for (const id of ids) {
    const parent = resolved.get(id) ?? null;
    if (parent === null) {
      roots.push(id);
      continue;
    }
    const list = children.get(parent);
    if (list) list.push(id);
    else children.set(parent, [id]);
  }
  const depthOf = new Map<string, number>();
  const stack: Array<[string, number]> = roots.map((id) => [id, 0]);
  while (stack.length > 0) {
    const [id, depth] = stack.pop()!;
    depthOf.set(id, depth);
    for (const child of children.get(id) ?? []) stack.push([child, depth + 1]);
  }
  return { roots, children, parentOf: resolved, depthOf };
}

/** Walks every parent chain once; each cycle found loses the parent of its earliest member in page order. */
function cutCycles(ids: string[], parentOf: Map<string, string | null>, pageIndex: Map<string, number>): void {
  const DONE = 2;
  const ON_PATH = 1;
  const state = new Map<string, number>();
  for (const start of ids) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let current: string | null = start;
    while (current !== null && !state.has(current)) {
      state.set(current, ON_PATH);
      path.push(current);
      current = parentOf.get(current) ?? null;
    }
    if (current !== null && state.get(current) === ON_PATH) {
      const cycle = path.slice(path.indexOf(current));
      let earliest = cycle[0]!;
      for (const id of cycle) if (pageIndex.get(id)! < pageIndex.get(earliest)!) earliest = id;
      parentOf.set(earliest, null);
    }
    for (const id of path) state.set(id, DONE);
  }
}

/** Blogger's own structure ("As posted"): top-level comments and their one level of replies. */
export function postedTree(comments: Pick<Comment, 'id' | 'parentId'>[]): ThreadTree {
  const bloggerParent = new Map(comments.map((c) => [c.id, c.parentId]));
  return buildTree(
    comments.map((c) => c.id),
    (id) => bloggerParent.get(id) ?? null,
  );
}

/** The threaded view: each comment under the parent its link names (Blogger's parent when it has no link). */
export function threadedTree(comments: Pick<Comment, 'id' | 'parentId'>[], links: Map<string, ReplyLink>): ThreadTree {
  const bloggerParent = new Map(comments.map((c) => [c.id, c.parentId]));
  return buildTree(
    comments.map((c) => c.id),
    (id) => {
      const link = links.get(id);
      return link ? link.parentId : (bloggerParent.get(id) ?? null);
    },
  );
}

/**
 * Counts every descendant of a comment (not only its children) and how many of them sit where they are
 * because of inference (a link whose source is not 'blogger'): "12 replies (3 inferred)".
 */
export function countDescendants(tree: ThreadTree, id: string, links?: Map<string, ReplyLink>): { total: number; inferred: number } {
  let total = 0;
  let inferred = 0;
  const stack = [...(tree.children.get(id) ?? [])];
  while (stack.length > 0) {
    const current = stack.pop()!;
    total += 1;
    const source = links?.get(current)?.source;
    if (source !== undefined && source !== 'blogger') inferred += 1;
    for (const child of tree.children.get(current) ?? []) stack.push(child);
  }
  return { total, inferred };
}
