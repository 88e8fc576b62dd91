/** Preact hooks over the shared stores (src/shared/store.ts): a component re-renders only for the part it watches. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { IdSetStore, ValueStore } from '../shared/store';

export { IdSetStore, ValueStore };

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
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const stop = store.subscribeAll(bump);
    bump(); // a change between this render and the subscription would otherwise go unseen
    return stop;
  }, [store]);
  return version;
}

/**
 * Re-render only when the selected part of a value store changes (by `equal`), not on every change of the store:
 * a comment watches "am I the current one?", not which comment is current. When `deps` change (new props), the
 * selection is recomputed during that same render.
 */
export function useSelected<T, S>(
  store: ValueStore<T>,
  select: (value: T) => S,
  equal: (a: S, b: S) => boolean = Object.is,
  deps: unknown[] = [],
): S {
  const [, forceRender] = useState(0);
  const latest = useRef<{ deps: unknown[]; value: S } | null>(null);
  const sameDeps =
    latest.current !== null && latest.current.deps.length === deps.length && latest.current.deps.every((dep, i) => Object.is(dep, deps[i]));
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
