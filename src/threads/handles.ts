/** The handle the conversation uses for an anonymous commenter: "Anonymous · 21:07", when others address it by time. */
import type { InferenceComment, ReplyLink } from './types';

const ANONYMOUS = /^(?:anonymous|anon|unknown)$/i;
const CLOCK_AT_END = /(\d{1,2}[:.]\d{2})(?:\s*([ap]\.?m\.?))?\s*$/i;

/**
 * For each anonymous comment that a later comment addresses by its time (a time reference inference took, or one
 * that agreed with the evidence taken), the handle readers use for it. Times read as prose do not count.
 */
export function conversationHandles(
  comments: ReadonlyArray<Pick<InferenceComment, 'id' | 'author' | 'displayTime'>>,
  links: ReadonlyMap<string, ReplyLink>,
): Map<string, string> {
  const addressed = new Set<string>();
  for (const link of links.values()) {
    for (const c of link.considered ?? []) {
      const prose = c.rejected?.startsWith('a time in what is said') ?? false;
      if (c.source === 'time' && c.parentId !== null && !prose) addressed.add(c.parentId);
    }
  }
  const handles = new Map<string, string>();
  for (const comment of comments) {
    if (!addressed.has(comment.id)) continue;
    const handle = timeHandle(comment.author, comment.displayTime);
    if (handle) handles.set(comment.id, handle);
  }
  return handles;
}

/** The time handle of an anonymous comment ("Anonymous · 21:07"), or null for a named one or a time without a clock. */
export function timeHandle(author: string, displayTime: string): string | null {
  if (!ANONYMOUS.test(author.trim())) return null;
  const clock = CLOCK_AT_END.exec(displayTime);
  return clock ? `${author.trim()} · ${clock[1]}${clock[2] ? ` ${clock[2]}` : ''}` : null;
}
