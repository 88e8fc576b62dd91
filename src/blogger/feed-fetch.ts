/** The one credential-less GET of a blog feed as parsed JSON (DOM-free, no sanitizer: shared by the content script, feed chunk and background). */
import { FeedError } from './errors';

/** Fetches a URL and resolves with its parsed JSON (injected, so paging and checks stay testable). */
export type FetchJson = (url: string, signal?: AbortSignal) => Promise<unknown>;

/**
 * GET `url` without credentials and parse its JSON; HTTP errors and bad JSON reject as FeedErrors. `signal` aborts
 * the request, and so does `timeoutMs` when given.
 */
export async function fetchFeedJson(url: string, signal?: AbortSignal, timeoutMs?: number): Promise<unknown> {
  const limit = timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs);
  const stop = signal && limit ? AbortSignal.any([signal, limit]) : (signal ?? limit ?? null);
  const response = await fetch(url, { credentials: 'omit', signal: stop });
  if (!response.ok) throw new FeedError(`the feed answered HTTP ${response.status}`);
  try {
    return await response.json();
  } catch {
    throw new FeedError('the feed answered with malformed JSON');
  }
}
