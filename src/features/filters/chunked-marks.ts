/** Brings mark sets to new contents a chunk of changes per task, so hiding 600 comments never blocks the page for long. */
import type { IdSetStore } from '../../ui/store';

export interface MarkTarget {
  store: IdSetStore;
  next: ReadonlySet<string>;
}

/** Runs a task later (a new macrotask in the page; at once in tests). */
export type Scheduler = (task: () => void) => void;

const nextTask: Scheduler = (task) => {
  setTimeout(task, 0);
};

/**
 * Runs a task after the next frame has been drawn, so the layout each chunk causes (showing a hidden comment means
 * laying it out again) lands in its own frame; falls back to a timer where frames are paused (background tabs).
 */
export const afterNextFrame: Scheduler = (task) => {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    task();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 100);
};

/**
 * How many comments change per chunk: showing a hidden comment again costs about 0.4 ms of layout on a
 * 640-comment page (measured in Chromium), so 80 keep each frame's work well under 50 ms.
 */
export const DEFAULT_CHANGES_PER_TASK = 80;

export class ChunkedMarkWriter {
  private generation = 0;

  constructor(
    private readonly schedule: Scheduler = nextTask,
    private readonly changesPerTask = DEFAULT_CHANGES_PER_TASK,
  ) {}

  /**
   * Bring every store to its `next` set, at most `changesPerTask` membership changes per task, in target order.
   * A later write supersedes one still in progress (it continues from wherever the stores got to).
   */
  write(targets: MarkTarget[], done?: () => void): void {
    const generation = ++this.generation;
    const step = () => {
      if (generation !== this.generation) return;
      let budget = this.changesPerTask;
      let remaining = false;
      for (const { store, next } of targets) {
        const changes: Array<[string, boolean]> = [];
        for (const id of store.values()) if (!next.has(id)) changes.push([id, false]);
        for (const id of next) if (!store.has(id)) changes.push([id, true]);
        if (changes.length === 0) continue;
        if (budget <= 0) {
          remaining = true;
          break;
        }
        const taken = changes.slice(0, budget);
        budget -= taken.length;
        if (taken.length < changes.length) remaining = true;
        const members = new Set(store.values());
        for (const [id, member] of taken) {
          if (member) members.add(id);
          else members.delete(id);
        }
        store.replace(members);
      }
      if (remaining) this.schedule(step);
      else done?.();
    };
    step();
  }

  /** Stop any write in progress. */
  cancel(): void {
    this.generation += 1;
  }
}
