/** The parents "Reply to…" offers: the comments this one mentions, the nearest earlier ones, and a search. */
import type { ThreadModel } from '../../ui/model';

const NEAREST = 6;
const SEARCH_LIMIT = 8;

/** Earlier comments (by posting time, then page order) a comment may reply to. */
function earlierIds(model: ThreadModel, id: string): string[] {
  const self = model.comments.get(id);
  if (!self) return [];
  const ms = self.record.publishedMs;
  return model.order.filter((other) => {
    if (other === id) return false;
    const entry = model.comments.get(other)!;
    const otherMs = entry.record.publishedMs;
    return Number.isFinite(ms) && Number.isFinite(otherMs) ? otherMs < ms || (otherMs === ms && entry.index < self.index) : entry.index < self.index;
  });
}

/**
 * Likely parents, best first and each once: the comments inference weighed for it (what it mentions), then the
 * nearest earlier comments. With a query, the earlier comments whose author, time or text contain it.
 */
export function parentCandidates(model: ThreadModel, id: string, query = ''): string[] {
  const earlier = earlierIds(model, id);
  const allowed = new Set(earlier);
  const q = query.trim().toLowerCase();
  if (q !== '') {
    return earlier
      .filter((other) => {
        const entry = model.comments.get(other)!;
        return `${entry.record.author} ${entry.record.displayTime} ${entry.text}`.toLowerCase().includes(q);
      })
      .slice(-SEARCH_LIMIT)
      .reverse();
  }
  const mentioned = (model.inferred.get(id)?.considered ?? []).flatMap((c) => (c.parentId && allowed.has(c.parentId) ? [c.parentId] : []));
  const byTime = [...earlier].sort((a, b) => model.comments.get(b)!.record.publishedMs - model.comments.get(a)!.record.publishedMs);
  return [...new Set([...mentioned, ...byTime.slice(0, NEAREST)])];
}
