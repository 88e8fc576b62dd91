/** Which thread groups are built at once and what the others hold until they are: pure functions over a thread tree. */
import type { ThreadTree } from '../threads/types';
import { visibleComments } from './navigation';

/** A post up to this many comments is built whole: windowing would save too little to measure. */
export const SMALL_POST_COMMENTS = 80;
/**
 * A bigger post is built at once from the top down to here (several screens, more than a reader reaches before the
 * next groups are built), and the rest as it nears the screen or is asked for.
 */
export const EAGER_COMMENTS = 30;

/** How many groups from the start are built at once: all on a small post, else those starting before the first `eager` comments. */
export function eagerGroupCount(sizes: readonly number[], eager = EAGER_COMMENTS, small = SMALL_POST_COMMENTS): number {
  if (sizes.reduce((sum, size) => sum + size, 0) <= small) return sizes.length;
  let count = 0;
  for (let start = 0; count < sizes.length && start < eager; count += 1) start += sizes[count] as number;
  return count;
}

/** Each group's comments the reader would see (not filtered out, not under a collapsed comment), in display order. */
export function shownByGroup(
  tree: ThreadTree,
  groups: readonly (readonly string[])[],
  isHidden: (id: string) => boolean,
  isCollapsed: (id: string) => boolean,
  previous: readonly string[][] = [],
): string[][] {
  return groups.map((roots, index) => {
    const shown = visibleComments({ ...tree, roots: [...roots] }, isHidden, isCollapsed);
    const old = previous[index];
    // The same array when nothing changed, so a memoised group skips its render.
    return old && old.length === shown.length && old.every((id, i) => id === shown[i]) ? old : shown;
  });
}

/** The index of the group holding a comment: its top-level comment's group (undefined when not in the tree). */
export function groupIndexOf(tree: ThreadTree, groupOfRoot: ReadonlyMap<string, number>, id: string): number | undefined {
  let root = id;
  const seen = new Set<string>();
  for (let parent = tree.parentOf.get(root) ?? null; parent !== null && !seen.has(parent); parent = tree.parentOf.get(root) ?? null) {
    seen.add(root);
    root = parent;
  }
  return groupOfRoot.get(root);
}

/** Every comment of a group in display order: the roots and everything under them. */
export function commentsOfGroup(tree: ThreadTree, roots: readonly string[]): string[] {
  return visibleComments(
    { ...tree, roots: [...roots] },
    () => false,
    () => false,
  );
}
