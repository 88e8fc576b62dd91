/**
 * Renders the top-level threads of the current view in groups, a chunk per task so no post blocks the page; on a big
 * post only the groups near the screen (or asked for) are built, the others stand in as findable text.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { memo } from './memo';
import type { ViewMode } from './model';
import { useThread } from './context';
import { CommentItem } from './CommentItem';
import { descendantsOf } from './model';
import { useNearBuilds } from './near-builds';
import { PendingGroup } from './PendingGroup';
import { useSetVersion, useValue } from './store';
import { THREAD_GROUP_CLASS } from './thread-group';
import { eagerGroupCount, groupIndexOf, shownByGroup } from './windowing';
import { useCommentEstimate } from './comment-estimate';

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
/** A pending group costs about this fraction of building it (one stand-in paragraph per comment). */
const PENDING_COST_DIVISOR = 8;

/**
 * One built group of top-level threads; re-renders only when its own roots, the view or its shown count change. Its
 * box is what the browser skips while off screen (`content-visibility: auto` on `.thread-group`, see styles.css).
 */
const ThreadGroup = memo(function ThreadGroup({ roots, view, shown }: { roots: string[]; view: ViewMode; shown: number }) {
  // The size a skipped group is assumed to have scales with how many comments it shows (see styles.css).
  return (
    <div className={THREAD_GROUP_CLASS} style={{ '--tl-group-shown': shown }}>
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

type PageWindow = Window & typeof globalThis;

/** The id of the stand-in in `box` nearest to `middle` (px from the viewport's top), or null when it holds none shown. */
function foundStandin(box: Element, middle: number): string | null {
  let best: { id: string; distance: number } | null = null;
  for (const standin of box.querySelectorAll<HTMLElement>('[data-thread-standin]:not([hidden])')) {
    const rect = standin.getBoundingClientRect();
    const distance = rect.top > middle ? rect.top - middle : rect.bottom < middle ? middle - rect.bottom : 0;
    if (!best || distance < best.distance) best = { id: standin.dataset.threadStandin!, distance };
  }
  return best?.id ?? null;
}

/** Windowing needs IntersectionObserver (to see what nears the screen) and `hidden="until-found"` (to keep find in page). */
function canWindow(win: PageWindow | null): win is PageWindow {
  return !!win && typeof win.IntersectionObserver === 'function' && 'onbeforematch' in win.document.documentElement;
}

export function ThreadList({ onComplete, renderAll }: { onComplete: () => void; renderAll: boolean }) {
  const { model: modelStore, view: viewStore, hidden, collapsed, buildRequests, buildEverything, actions } = useThread();
  const everything = useValue(buildEverything);
  const model = useValue(modelStore);
  const view = useValue(viewStore);
  const hiddenVersion = useSetVersion(hidden);
  const collapsedVersion = useSetVersion(collapsed);
  const requestVersion = useSetVersion(buildRequests);
  const tree = model.trees[view];
  const list = useRef<HTMLDivElement>(null);
  const [win] = useState<PageWindow | null>(() => (typeof window === 'undefined' ? null : window));
  const [windowing] = useState(() => canWindow(win));
  const windowed = !renderAll && windowing;

  const previousGroups = useRef<string[][]>([]);
  const groups = useMemo(() => (previousGroups.current = groupRoots(tree.roots, previousGroups.current)), [tree]);
  /** Comments in each group: to size the rendering chunks and to decide what is built at once. */
  const groupSizes = useMemo(() => groups.map((group) => group.reduce((sum, root) => sum + 1 + descendantsOf(tree, root).length, 0)), [groups, tree]);
  const previousShown = useRef<string[][]>([]);
  const shown = useMemo(
    () =>
      (previousShown.current = shownByGroup(
        tree,
        groups,
        (id) => hidden.has(id),
        (id) => collapsed.has(id),
        previousShown.current,
      )),
    [groups, tree, hiddenVersion, collapsedVersion],
  );
  const groupOfRoot = useMemo(() => new Map(groups.flatMap((roots, index) => roots.map((root) => [root, index] as const))), [groups]);
  const eager = useMemo(() => eagerGroupCount(groupSizes), [groupSizes]);

  /** Top-level comments whose groups were built as they neared the screen: a group stays built when regrouped. */
  const builtRoots = useRef(new Set<string>());
  const [, setBuildVersion] = useState(0);
  /** Groups holding a comment something went to (a jump, a key, a link, find in page): built in this very render. */
  const requested = useMemo(() => {
    const indices = new Set<number>();
    for (const id of buildRequests.values()) {
      const index = groupIndexOf(tree, groupOfRoot, id);
      if (index !== undefined) indices.add(index);
    }
    return indices;
  }, [requestVersion, groupOfRoot, tree]);
  const builtFlags = groups.map(
    (roots, index) => !windowed || index < eager || requested.has(index) || roots.some((root) => builtRoots.current.has(root)),
  );
  const isBuilt = (index: number) => builtFlags[index] === true;

  const costs = groups.map((_, index) => (isBuilt(index) ? (groupSizes[index] ?? 1) : Math.ceil((groupSizes[index] ?? 1) / PENDING_COST_DIVISOR)));
  const [rendered, setRendered] = useState(0);
  const renderedGroups = Math.min(groups.length, Math.max(rendered, chunkEnd(costs, 0, FIRST_CHUNK_COMMENTS)));
  const pace = useRef({ budget: FIRST_CHUNK_COMMENTS, renderStartedAt: 0 });

  // Right after a chunk is in the document (before paint): how long its rendering took sets the next chunk's size.
  useLayoutEffect(() => {
    const { renderStartedAt } = pace.current;
    if (renderStartedAt === 0) return;
    pace.current = { budget: nextChunkBudget(pace.current.budget, performance.now() - renderStartedAt), renderStartedAt: 0 };
  });

  useEffect(() => {
    if (renderedGroups >= groups.length) {
      onComplete();
      return;
    }
    const timer = setTimeout(() => {
      pace.current.renderStartedAt = performance.now();
      setRendered(chunkEnd(costs, renderedGroups, pace.current.budget));
    }, 0);
    return () => clearTimeout(timer);
  }, [renderedGroups, groups.length]);

  const watcher = useNearBuilds({
    win: windowed ? win : null,
    everything,
    sizes: groupSizes,
    isBuilt,
    budget: () => pace.current.budget,
    build(indices) {
      for (const index of indices) for (const root of groups[index] ?? []) builtRoots.current.add(root);
      pace.current.renderStartedAt = performance.now();
      setBuildVersion((version) => version + 1);
    },
  });

  // Find in page reached a group's stand-ins: once the browser has shown them and scrolled to its match, the stand-in
  // nearest the viewport's middle is the found comment; build its group and bring it into view, leaving focus in the
  // find bar.
  useEffect(() => {
    const element = list.current;
    if (!element || !win) return;
    const onBeforeMatch = (event: Event) => {
      const box = (event.target as HTMLElement).closest('.standins') ?? (event.target as HTMLElement);
      win.requestAnimationFrame(() => {
        const found = foundStandin(box, win.innerHeight / 2);
        if (found) actions.jumpTo(found, { focus: false });
      });
    };
    element.addEventListener('beforematch', onBeforeMatch);
    return () => element.removeEventListener('beforematch', onBeforeMatch);
  }, [actions, win]);
  // Only pending groups use the measured estimate: a post built whole measures nothing.
  useCommentEstimate(list, windowed && eager < groups.length ? win : null, builtFlags.slice(0, renderedGroups).filter(Boolean).length);

  return (
    <div ref={list} className="thread-list" data-thread-view-current={view}>
      {groups
        .slice(0, renderedGroups)
        .map((roots, index) =>
          isBuilt(index) ? (
            <ThreadGroup key={index} roots={roots} view={view} shown={shown[index]?.length ?? 0} />
          ) : (
            <PendingGroup key={index} index={index} roots={roots} view={view} shown={shown[index] ?? []} watcher={watcher} />
          ),
        )}
    </div>
  );
}
