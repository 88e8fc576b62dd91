/** Preact hook: re-render when the reading list changes in this or any other tab. */
import { useEffect, useState } from 'preact/hooks';
import type { ReadingState, ReadingStore } from '../reading-store';

export function useReading(store: ReadingStore): ReadingState {
  const [state, setState] = useState(() => store.get());
  useEffect(() => {
    setState(store.get());
    return store.subscribe(() => setState(store.get()));
  }, [store]);
  return state;
}
