/** Brings mark sets to new contents a chunk of changes per task, so hiding 600 comments never blocks the page for long. */
import type { IdSetStore } from '../store';

export interface MarkTarget {
  store: IdSetStore;
  next: ReadonlySet<string>;
}

/** Runs a task later (a new macrotask in the page; at once in tests). */
export type Scheduler = (task: () => void) => void;

const nextTask: Scheduler = (task) => {
  setTimeout(task, 0);
};

/** About how many comments re-render per task (each re-render of a comment costs well under 0.2 ms). */
export const DEFAULT_CHANGES_PER_TASK = 150;

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
