/**
 * The Latest view's data: pages of the blog-wide comment feed, loaded on first show, cached for a few minutes across
 * pages and tabs, refreshed on demand, paged back with "Load more", with the failure said and retried.
 */
import type { LatestComment, LatestPage } from '../../blogger/latest-feed';
import { readKey, writeKeys } from '../../shared/storage';
import { ValueStore } from '../../shared/store';

/** Comments per request (a first page shows several posts; "Load more" adds as many again). */
export const LATEST_PAGE_SIZE = 50;
/** How long a load is shown again without asking the blog. */
export const LATEST_CACHE_MS = 5 * 60_000;
export const LATEST_CACHE_KEY = 'latest-cache';
const CACHE_VERSION = 1;

/** Fetches one page of the blog-wide feed from a 1-based index. */
export type LatestSource = (startIndex: number, pageSize: number, signal: AbortSignal) => Promise<LatestPage>;

/** What was loaded, as it is cached. */
export interface LatestData {
  origin: string;
  comments: LatestComment[];
  /** Feed entries read so far (the next page starts after them). */
  read: number;
  total: number;
  fetchedAt: number;
}

export type LatestStatus =
  | { kind: 'idle' }
  | { kind: 'loading'; more: boolean }
  | { kind: 'failed'; reason: string; more: boolean }
  | { kind: 'ready' };

export interface LatestState {
  data: LatestData | null;
  status: LatestStatus;
}

/** Where the cache lives (browser.storage.local by default; tests pass a map). */
export interface LatestCache {
  read(): Promise<unknown>;
  write(value: unknown): Promise<void>;
}

export const storageCache: LatestCache = {
  read: () => readKey('local', LATEST_CACHE_KEY),
  write: (value) => writeKeys('local', { [LATEST_CACHE_KEY]: value }),
};

export interface LatestStoreOptions {
  origin: string;
  source: LatestSource;
  cache?: LatestCache;
  now?: () => number;
  pageSize?: number;
}

export class LatestStore extends ValueStore<LatestState> {
  private readonly options: Required<LatestStoreOptions>;
  private abort: AbortController | null = null;
  private started = false;

  constructor(options: LatestStoreOptions) {
    super({ data: null, status: { kind: 'idle' } });
    this.options = { cache: storageCache, now: Date.now, pageSize: LATEST_PAGE_SIZE, ...options };
  }

  /** The first show: the cached load when it is fresh, else the newest page. Later calls do nothing. */
  async ensureLoaded(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const cached = parseCache(await this.options.cache.read().catch(() => undefined), this.options.origin);
    if (cached && this.options.now() - cached.fetchedAt < LATEST_CACHE_MS && this.get().data === null) {
      this.set({ data: cached, status: { kind: 'ready' } });
      return;
    }
    await this.refresh();
  }

  /** Load the newest page again (older pages are dropped: "Load more" brings them back). */
  refresh(): Promise<void> {
    return this.load(false);
  }

  /** Load the next older page after what is shown. */
  loadMore(): Promise<void> {
    return this.load(true);
  }

  /** Repeat what failed. */
  retry(): Promise<void> {
    const status = this.get().status;
    return this.load(status.kind === 'failed' && status.more);
  }

  /** Whether the feed holds older comments than those loaded. */
  hasMore(): boolean {
    const data = this.get().data;
    return data !== null && data.read < data.total;
  }

  cancel(): void {
    this.abort?.abort();
  }

  private async load(more: boolean): Promise<void> {
    this.started = true;
    this.abort?.abort();
    const run = new AbortController();
    this.abort = run;
    const before = this.get().data;
    const startIndex = more && before ? before.read + 1 : 1;
    this.set({ data: before, status: { kind: 'loading', more } });
    try {
      const page = await this.options.source(startIndex, this.options.pageSize, run.signal);
      if (run.signal.aborted) return;
      const kept = more && before ? before.comments : [];
      const seen = new Set(kept.map((comment) => comment.id));
      const fresh = page.comments.filter((comment) => !seen.has(comment.id) && seen.add(comment.id));
      const data: LatestData = {
        origin: this.options.origin,
        comments: [...kept, ...fresh],
        read: startIndex - 1 + page.entryCount,
        total: Math.max(page.total, startIndex - 1 + page.entryCount),
        fetchedAt: more && before ? before.fetchedAt : this.options.now(),
      };
      this.set({ data, status: { kind: 'ready' } });
      await this.options.cache.write({ v: CACHE_VERSION, ...data }).catch(() => undefined);
    } catch (error) {
      if (run.signal.aborted) return;
      this.set({ data: before, status: { kind: 'failed', reason: error instanceof Error ? error.message : String(error), more } });
    }
  }
}

/** A cached load for this origin, or null when absent, of another blog or malformed. */
export function parseCache(value: unknown, origin: string): LatestData | null {
  if (!value || typeof value !== 'object') return null;
  const raw = value as Partial<LatestData> & { v?: unknown };
  if (raw.v !== CACHE_VERSION || raw.origin !== origin || !Array.isArray(raw.comments)) return null;
  if (typeof raw.read !== 'number' || typeof raw.total !== 'number' || typeof raw.fetchedAt !== 'number') return null;
  const comments = raw.comments.filter(isLatestComment);
  return { origin, comments, read: raw.read, total: raw.total, fetchedAt: raw.fetchedAt };
}

function isLatestComment(value: unknown): value is LatestComment {
  if (!value || typeof value !== 'object') return false;
  const c = value as Record<string, unknown>;
  return (
    typeof c.id === 'string' &&
    /^\d+$/.test(c.id) &&
    typeof c.postId === 'string' &&
    /^\d+$/.test(c.postId) &&
    typeof c.postUrl === 'string' &&
    /^https?:\/\//.test(c.postUrl) &&
    typeof c.permalink === 'string' &&
    c.permalink.startsWith(c.postUrl) &&
    typeof c.postTitle === 'string' &&
    (c.author === null || typeof c.author === 'string') &&
    typeof c.publishedMs === 'number' &&
    typeof c.displayTime === 'string' &&
    typeof c.excerpt === 'string' &&
    typeof c.removed === 'boolean'
  );
}
