/** Renders the top-level threads of the current view, a chunk per frame so a 600-comment post never blocks the page. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useThread } from './context';
import { CommentItem } from './CommentItem';
import { descendantsOf } from './model';
import { useValue } from './store';

/** About how many comments one rendering chunk may hold (keeps each task well under 50 ms). */
const CHUNK_COMMENTS = 20;

/** Indexes into `roots` where each chunk ends, so that each chunk holds about CHUNK_COMMENTS comments. */
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

export function ThreadList({ onComplete, renderAll }: { onComplete: () => void; renderAll: boolean }) {
  const { model: modelStore, view: viewStore } = useThread();
  const model = useValue(modelStore);
  const view = useValue(viewStore);
  const tree = model.trees[view];
  const [chunk, setChunk] = useState(0);
  const ends = useMemo(() => chunkEnds(tree.roots.map((root) => 1 + descendantsOf(tree, root).length)), [tree]);
  const shown = renderAll ? tree.roots.length : (ends[Math.min(chunk, ends.length - 1)] ?? tree.roots.length);

  useEffect(() => {
    if (shown >= tree.roots.length) {
      onComplete();
      return;
    }
    const timer = setTimeout(() => setChunk((c) => c + 1), 0);
    return () => clearTimeout(timer);
  }, [shown, tree.roots.length]);

  return (
    <div className="thread-list" data-thread-view-current={view}>
      {tree.roots.slice(0, shown).map((root) => (
        <CommentItem key={root} id={root} depth={0} view={view} />
      ))}
    </div>
  );
}
