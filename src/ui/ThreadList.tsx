/** Renders the top-level threads of the current view, a chunk per frame so a 600-comment post never blocks the page. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { memo } from './memo';
import type { ViewMode } from './model';
import { useThread } from './context';
import { CommentItem } from './CommentItem';
import { descendantsOf } from './model';
import { useValue } from './store';

/** About how many comments one rendering chunk may hold (keeps each task well under 50 ms). */
const CHUNK_COMMENTS = 20;

/** Indexes (into a list of sizes) where each chunk ends, so that each chunk holds about CHUNK_COMMENTS comments. */
export function chunkEnds(sizes: number[], budget = CHUNK_COMMENTS): number[] {
  const ends: number[] = [];
  let used = 0;
  sizes.forEach((size, index) => {
    if (used > 0 && used + size > budget) {
      ends.push(index);
      used = 0;
    }
    used += size;
  });
  ends.push(sizes.length);
  return ends;
}

/** Top-level threads are rendered in fixed groups, so a root always stays in the same group component. */
const ROOTS_PER_GROUP = 8;

/**
 * One group of top-level threads; re-renders only when its own roots or the view change. Its box is what the
 * browser skips while off screen (`content-visibility: auto` on `.thread-group`, see styles.css).
 */
const ThreadGroup = memo(function ThreadGroup({ roots, view, comments }: { roots: string[]; view: ViewMode; comments: number }) {
  // The size a never-rendered group is assumed to have scales with how many comments it holds (see styles.css).
  return (
    <div className="thread-group" style={{ '--tl-group-comments': comments }}>
      {roots.map((root) => (
        <CommentItem key={root} id={root} depth={0} view={view} />
      ))}
    </div>
  );
});

/** Split roots into fixed groups, reusing the previous group arrays whose roots did not change (so memo skips them). */
function groupRoots(roots: string[], previous: string[][]): string[][] {
  const groups: string[][] = [];
  for (let start = 0, index = 0; start < roots.length; start += ROOTS_PER_GROUP, index++) {
    const group = roots.slice(start, start + ROOTS_PER_GROUP);
    const old = previous[index];
    groups.push(old && old.length === group.length && old.every((id, i) => id === group[i]) ? old : group);
  }
  return groups;
}

export function ThreadList({ onComplete, renderAll }: { onComplete: () => void; renderAll: boolean }) {
  const { model: modelStore, view: viewStore } = useThread();
  const model = useValue(modelStore);
  const view = useValue(viewStore);
  const tree = model.trees[view];
  const previousGroups = useRef<string[][]>([]);
  const groups = useMemo(() => (previousGroups.current = groupRoots(tree.roots, previousGroups.current)), [tree]);
  /** Comments in each group: to reveal about CHUNK_COMMENTS comments per frame, and to estimate a skipped group's height. */
  const groupSizes = useMemo(() => groups.map((group) => group.reduce((sum, root) => sum + 1 + descendantsOf(tree, root).length, 0)), [groups, tree]);
  const ends = useMemo(() => chunkEnds(groupSizes), [groupSizes]);
  const [chunk, setChunk] = useState(0);
  const shownGroups = renderAll ? groups.length : (ends[Math.min(chunk, ends.length - 1)] ?? groups.length);

  useEffect(() => {
    if (shownGroups >= groups.length) {
      onComplete();
      return;
    }
    const timer = setTimeout(() => setChunk((c) => c + 1), 0);
    return () => clearTimeout(timer);
  }, [shownGroups, groups.length]);

  return (
    <div className="thread-list" data-thread-view-current={view}>
      {groups.slice(0, shownGroups).map((roots, index) => (
        <ThreadGroup key={index} roots={roots} view={view} comments={groupSizes[index] ?? roots.length} />
      ))}
    </div>
  );
}
