/** Reads what the badges need (visits, first use, counts; the posts feed only when a count is missing) and places them. */
import { warnOnce } from '../../shared/log';
import type { ListPageContext } from '../../ui/feature';
import { firstUseOf, loadVisits, type Visit } from '../new-comments/api';
import { createBadge, placeBadge, removeBadges } from './badge-dom';
import { badgeFor } from './counting';
import type { FetchJson } from '../../blogger/feed-fetch';
import { postTotals, totalFor } from './post-totals';

/** What tests replace: the feed request and the clock. */
export interface BadgeDeps {
  fetchJson?: FetchJson;
  now?: () => number;
}

/**
 * Show the badges of the page's posts, replacing any shown before (`placed` holds them; the caller removes them when
 * the run stops). Nothing is placed once `signal` has aborted.
 */
export async function showBadges(ctx: ListPageContext, signal: AbortSignal, placed: HTMLElement[], deps: BadgeDeps = {}): Promise<void> {
  const posts = ctx.list.posts;
  if (posts.length === 0) return;
  const now = deps.now ?? Date.now;
  const keys = posts.flatMap((post) => (post.postId ? [post.postId, post.url] : [post.url]));
  const [visits, firstUse] = await Promise.all([loadVisits(keys), firstUseOf(ctx.host, now())]);
  const counts = posts.map((post) => post.count);
  const published = posts.map((post) => post.publishedMs);
  if (counts.some((count) => count === null)) {
    const totals = await postTotals({ pageUrl: ctx.url, kind: ctx.list.kind, postCount: posts.length, fetchJson: deps.fetchJson, signal, now }).catch(
      (error: unknown) => {
        if (!signal.aborted) warnOnce('could not read the comment counts from the blog’s posts feed; posts without a count get no badge.', error);
        return null;
      },
    );
    posts.forEach((post, i) => {
      const total = totals ? totalFor(totals, post) : null;
      if (!total) return;
      counts[i] ??= total.total;
      if (!Number.isFinite(published[i])) published[i] = total.publishedMs;
    });
  }
  if (signal.aborted) return;
  removeBadges(placed.splice(0));
  posts.forEach((post, i) => {
    const visit: Visit | null = (post.postId ? visits.get(post.postId) : undefined) ?? visits.get(post.url) ?? null;
    const badge = badgeFor({ url: post.url, publishedMs: published[i] ?? Number.NaN, count: counts[i] ?? null }, visit, firstUse);
    if (!badge || !post.commentLink.isConnected) return;
    const element = createBadge(ctx.doc, badge);
    placeBadge(post.commentLink, element);
    placed.push(element);
  });
}
