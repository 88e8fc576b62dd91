/** Builds pending thread groups as they near the screen (or every one, when asked), a chunk per task, nearest first. */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { PendingWatch } from './PendingGroup';

/** How far beyond the viewport a pending group counts as near enough to build (IntersectionObserver rootMargin). */
const NEAR_MARGIN = '100% 0px';
/** Where a group asked for by "build everything" queues: after every group near the screen, in page order. */
const AFTER_NEAR = Number.MAX_SAFE_INTEGER / 2;

export interface NearBuildOptions {
  /** The page's window when windowing is on; null builds nothing (everything is built anyway). */
  win: (Window & typeof globalThis) | null;
  /** Build every pending group, near or not (page-wide features). */
  everything: boolean;
  /** Comments in each group, to fill a chunk. */
  sizes: readonly number[];
  isBuilt(index: number): boolean;
  /** Comments one chunk may build (the list's rendering pace). */
  budget(): number;
  /** Build these groups now (the caller re-renders). */
  build(indices: number[]): void;
}

/** Watches the pending groups (the returned watch is what PendingGroup registers with) and builds them as they near. */
export function useNearBuilds(options: NearBuildOptions): PendingWatch {
  /** Pending groups waiting to be built, by distance from the viewport. */
  const near = useRef(new Map<number, number>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(options);
  latest.current = options;

  const buildChunk = () => {
    timer.current = undefined;
    const { sizes, budget, build } = latest.current;
    const chosen: number[] = [];
    let used = 0;
    for (const [index] of [...near.current.entries()].sort((a, b) => a[1] - b[1])) {
      const size = sizes[index] ?? 1;
      if (chosen.length > 0 && used + size > budget()) break;
      chosen.push(index);
      used += size;
    }
    for (const index of chosen) near.current.delete(index);
    if (chosen.length > 0) build(chosen);
  };
  const schedule = () => {
    if (near.current.size > 0 && timer.current === undefined) timer.current = setTimeout(buildChunk, 0);
  };

  const { win, everything, sizes, isBuilt } = options;
  // Asked for every group: the pending ones join the queue after whatever is near the screen.
  useEffect(() => {
    if (!everything || !win) return;
    sizes.forEach((_, index) => {
      if (!isBuilt(index) && !near.current.has(index)) near.current.set(index, AFTER_NEAR + index);
    });
  });
  // After each render (a chunk built, or groups newly near): the next chunk gets the next task.
  useEffect(schedule);
  useEffect(() => () => clearTimeout(timer.current), []);

  return useMemo<PendingWatch>(() => {
    if (!win) return { watch() {}, unwatch() {} };
    const indexOf = (element: Element) => Number((element as HTMLElement).dataset.threadGroupIndex);
    const observer = new win.IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) near.current.set(indexOf(entry.target), Math.abs(entry.boundingClientRect?.top ?? 0));
          else if (!latest.current.everything) near.current.delete(indexOf(entry.target));
        }
        schedule();
      },
      { rootMargin: NEAR_MARGIN },
    );
    return {
      watch: (element) => observer.observe(element),
      unwatch: (element) => {
        observer.unobserve(element);
        near.current.delete(indexOf(element));
      },
    };
  }, [win]);
}
