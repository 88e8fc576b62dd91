/** A tiny observable store for UI state, with per-key subscriptions so one comment can update without re-rendering 600. */
import { useEffect, useRef, useState } from 'preact/hooks';

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

/** Re-render when one id's membership changes. */
export function useMember(store: IdSetStore, id: string): boolean {
  const [member, setMember] = useState(() => store.has(id));
  useEffect(() => {
    setMember(store.has(id));
    return store.subscribe(id, () => setMember(store.has(id)));
  }, [store, id]);
  return member;
}

/** Re-render when a value store changes. */
export function useValue<T>(store: ValueStore<T>): T {
  const [value, setValue] = useState(() => store.get());
  useEffect(() => {
    setValue(store.get());
    return store.subscribe(() => setValue(store.get()));
  }, [store]);
  return value;
}

/** Re-render when any member of the set changes (for counts and toolbars). */
export function useSetVersion(store: IdSetStore): number {
  const [version, setVersion] = useState(0);
  useEffect(() => store.subscribeAll(() => setVersion((v) => v + 1)), [store]);
  return version;
}

/**
 * Re-render only when the selected part of a value store changes (by `equal`), not on every change of the store:
 * a comment watches "am I the current one?", not which comment is current. When `deps` change (new props), the
 * selection is recomputed during that same render.
 */
export function useSelected<T, S>(store: ValueStore<T>, select: (value: T) => S, equal: (a: S, b: S) => boolean = Object.is, deps: unknown[] = []): S {
  const [, forceRender] = useState(0);
  const latest = useRef<{ deps: unknown[]; value: S } | null>(null);
  const sameDeps = latest.current !== null && latest.current.deps.length === deps.length && latest.current.deps.every((dep, i) => Object.is(dep, deps[i]));
  if (!sameDeps) latest.current = { deps, value: select(store.get()) };
  const selectNow = useRef(select);
  selectNow.current = select;
  useEffect(() => {
    const update = () => {
      const holder = latest.current!;
      const next = selectNow.current(store.get());
      if (equal(holder.value, next)) return;
      latest.current = { deps: holder.deps, value: next };
      forceRender((n) => n + 1);
    };
    update();
    return store.subscribe(update);
  }, [store]);
  return latest.current!.value;
}
