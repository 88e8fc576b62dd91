/** Tiny observable stores (a value, a set of ids) with per-id subscriptions, so one comment can update without re-rendering 600. */

type Listener = () => void;

/** A set of ids whose membership components can watch one id at a time. */
export class IdSetStore {
  private readonly members: Set<string>;
  private readonly byId = new Map<string, Set<Listener>>();
  private readonly all = new Set<Listener>();

  constructor(initial: Iterable<string> = []) {
    this.members = new Set(initial);
  }

  has(id: string): boolean {
    return this.members.has(id);
  }

  values(): string[] {
    return [...this.members];
  }

  get size(): number {
    return this.members.size;
  }

  /** Replace the whole set, notifying only the ids whose membership changed. */
  replace(ids: Iterable<string>): void {
    const next = new Set(ids);
    const changed: string[] = [];
    for (const id of this.members) if (!next.has(id)) changed.push(id);
    for (const id of next) if (!this.members.has(id)) changed.push(id);
    if (changed.length === 0) return;
    this.members.clear();
    for (const id of next) this.members.add(id);
    this.notify(changed);
  }

  set(id: string, member: boolean): void {
    if (this.members.has(id) === member) return;
    if (member) this.members.add(id);
    else this.members.delete(id);
    this.notify([id]);
  }

  toggle(id: string): void {
    this.set(id, !this.members.has(id));
  }

  subscribe(id: string, listener: Listener): () => void {
    let listeners = this.byId.get(id);
    if (!listeners) this.byId.set(id, (listeners = new Set()));
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  subscribeAll(listener: Listener): () => void {
    this.all.add(listener);
    return () => this.all.delete(listener);
  }

  private notify(ids: string[]): void {
    for (const id of ids) for (const listener of this.byId.get(id) ?? []) listener();
    for (const listener of this.all) listener();
  }
}

/** A single observable value. */
export class ValueStore<T> {
  private readonly listeners = new Set<Listener>();
  constructor(private value: T) {}

  get(): T {
    return this.value;
  }

  set(value: T): void {
    if (Object.is(value, this.value)) return;
    this.value = value;
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Call every `stop` once `signal` aborts (at once if it already has): how a feature ties its subscriptions to its run. */
export function untilAborted(signal: AbortSignal, ...stops: Array<() => void>): void {
  const stopAll = () => {
    for (const stop of stops) stop();
  };
  if (signal.aborted) stopAll();
  else signal.addEventListener('abort', stopAll, { once: true });
}
