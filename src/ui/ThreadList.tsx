/** Renders the top-level threads of the current view, a chunk per frame so a 600-comment post never blocks the page. */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { memo } from './memo';
import type { ViewMode } from './model';
import { useThread } from './context';
import { CommentItem } from './CommentItem';
import { descendantsOf } from './model';
import { useValue } from './store';
import { THREAD_GROUP_CLASS } from './thread-group';

/** Comments in the first rendering chunk; later chunks are sized by how long the previous one took. */
const FIRST_CHUNK_COMMENTS = 20;
/** Script time one chunk aims for: style and layout of the new comments follow in the same frame, well under 50 ms in all. */
const CHUNK_TARGET_MS = 10;
const MIN_CHUNK_COMMENTS = 10;
const MAX_CHUNK_COMMENTS = 160;

/** Index just past the groups from `start` that fit in `budget` comments (at least one group). */
export function chunkEnd(sizes: number[], start: number, budget: number): number {
  let end = start;
  let used = 0;
  while (end < sizes.length && (end === start || used + (sizes[end] as number) <= budget)) used += sizes[end++] as number;
  return end;
}

/** The next chunk's size in comments, from how long the last one took: a fixed 20 meant 500 frames for 10,000 comments. */
export function nextChunkBudget(budget: number, tookMs: number): number {
  const scaled = Math.round((budget * CHUNK_TARGET_MS) / Math.max(tookMs, 0.5));
  return Math.min(MAX_CHUNK_COMMENTS, Math.max(MIN_CHUNK_COMMENTS, Math.min(scaled, budget * 2)));
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
    <div className={THREAD_GROUP_CLASS} style={{ '--tl-group-comments': comments }}>
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
  /** Comments in each group: to size the rendering chunks, and to estimate a skipped group's height. */
  const groupSizes = useMemo(() => groups.map((group) => group.reduce((sum, root) => sum + 1 + descendantsOf(tree, root).length, 0)), [groups, tree]);
  const [shown, setShown] = useState(0);
  const shownGroups = renderAll ? groups.length : Math.min(groups.length, Math.max(shown, chunkEnd(groupSizes, 0, FIRST_CHUNK_COMMENTS)));
  const pace = useRef({ budget: FIRST_CHUNK_COMMENTS, renderStartedAt: 0 });

  // Right after a chunk is in the document (before paint): how long its rendering took sets the next chunk's size.
  useLayoutEffect(() => {
    const { renderStartedAt } = pace.current;
    if (renderStartedAt === 0) return;
    pace.current = { budget: nextChunkBudget(pace.current.budget, performance.now() - renderStartedAt), renderStartedAt: 0 };
  }, [shownGroups]);

  useEffect(() => {
    if (shownGroups >= groups.length) {
      onComplete();
      return;
    }
    const timer = setTimeout(() => {
      pace.current.renderStartedAt = performance.now();
      setShown(chunkEnd(groupSizes, shownGroups, pace.current.budget));
    }, 0);
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
