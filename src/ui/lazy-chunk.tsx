/** A chunk as the view waits for it: idle, loading (the asking control shows busy), ready, or failed with one warning and a visible message. */
import { CHUNKS, type ChunkName } from '../shared/chunks';
import { warnOnce } from '../shared/log';
import { useValue, ValueStore } from './store';
import type { ChunkApis } from './chunk-apis';
import { loadChunk, type LoadChunk } from './chunk-loader';

export type ChunkState<Api> = { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; api: Api } | { kind: 'failed'; message: string };

export interface LazyChunk<N extends ChunkName> {
  name: N;
  state: ValueStore<ChunkState<ChunkApis[N]>>;
  /** Load the chunk (once; again after a failure); null when it could not be loaded, which has been said. */
  load(): Promise<ChunkApis[N] | null>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function lazyChunk<N extends ChunkName>(name: N, load: LoadChunk = loadChunk): LazyChunk<N> {
  const state = new ValueStore<ChunkState<ChunkApis[N]>>({ kind: 'idle' });
  let pending: Promise<ChunkApis[N] | null> | null = null;
  const attempt = async (): Promise<ChunkApis[N] | null> => {
    state.set({ kind: 'loading' });
    try {
      const api = await load(name);
      state.set({ kind: 'ready', api });
      return api;
    } catch (error) {
      const reason = messageOf(error).replace(/\.+$/, '');
      warnOnce(`could not load the ${CHUNKS[name].label} (${reason}); the threads keep working.`, error);
      state.set({ kind: 'failed', message: `Threadline could not load the ${CHUNKS[name].label}: ${reason}.` });
      return null;
    } finally {
      pending = null;
    }
  };
  return {
    name,
    state,
    load() {
      const current = state.get();
      if (current.kind === 'ready') return Promise.resolve(current.api);
      pending ??= attempt();
      return pending;
    },
  };
}

/** The visible message of a chunk that could not be loaded (nothing otherwise). */
export function ChunkFailure({ chunk, floating = false }: { chunk: LazyChunk<ChunkName>; floating?: boolean }) {
  const state = useValue(chunk.state);
  if (state.kind !== 'failed') return null;
  return (
    <span role="alert" className={`chunk-failure${floating ? ' is-floating' : ''}`} data-thread-chunk-failed={chunk.name}>
      {state.message}
    </span>
  );
}

/** Styles of the busy and failed states (in the content script: they show before any chunk arrives). */
export const LAZY_CHUNK_STYLES = `
[aria-busy='true'] { cursor: progress; opacity: 0.7; }
.chunk-failure { color: #b42318; font-size: 0.9em; }
.chunk-failure.is-floating { position: fixed; z-index: 2147483001; bottom: 1rem; right: 1rem; max-width: 26rem; padding: 0.5rem 0.75rem;
  background: var(--tl-bg); border: 1px solid #b42318; border-radius: 6px; }
`;
