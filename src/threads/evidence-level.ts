/** How much inference the reader wants: strong links move comments, weaker ones become suggestions, "off" keeps Blogger's threads. */
import type { ConsideredLink, ReplyLink } from './types';

/** The reader's choice: move on strong evidence only (the default), on all evidence, or never. */
export type EvidenceLevel = 'strong' | 'all' | 'off';

export const EVIDENCE_LEVELS: readonly EvidenceLevel[] = ['strong', 'all', 'off'];

/**
 * The least confidence that moves a comment under "only strong evidence": an unambiguous marked or bare time, or an
 * unambiguous quote. A name (0.75), an echoed opening sentence (0.7) and any evidence several comments fit (−0.1) are
 * weaker and only suggested.
 */
export const STRONG_EVIDENCE = 0.85;

/** A link inference found but did not act on: shown as "possibly answering…", the comment stays where it is. */
export interface Suggestion {
  /** The comment it may answer (null: the post). */
  parentId: string | null;
  source: ConsideredLink['source'];
  evidence: string;
  confidence: number;
}

/** Whether a link was placed by evidence in the text (not Blogger's structure, not the reader). */
export function isInferredLink(link: ReplyLink): link is ReplyLink & { source: ConsideredLink['source'] } {
  return link.source === 'time' || link.source === 'quote' || link.source === 'name';
}

/** Whether a link inference found may move its comment at this level. */
export function movesAt(level: EvidenceLevel, link: ReplyLink): boolean {
  if (!isInferredLink(link)) return true;
  if (level === 'off') return false;
  return level === 'all' || link.confidence >= STRONG_EVIDENCE;
}

/**
 * The links the view uses at a level, and the suggestions: an inferred link too weak for the level goes back to
 * Blogger's parent (`bloggerParentOf`) and, unless the level is "off", is offered as a suggestion instead. The
 * evidence weighed stays on the link, so "Why here?" can still explain it. Returns `inferred` itself when nothing
 * changes.
 */
export function linksAtLevel(
  inferred: ReadonlyMap<string, ReplyLink>,
  level: EvidenceLevel,
  bloggerParentOf: (id: string) => string | null,
): { links: Map<string, ReplyLink>; suggestions: Map<string, Suggestion> } {
  const suggestions = new Map<string, Suggestion>();
  let links: Map<string, ReplyLink> | null = null;
  for (const [id, link] of inferred) {
    if (movesAt(level, link)) continue;
    const parentId = bloggerParentOf(id);
    links ??= new Map(inferred);
    links.set(id, { parentId, source: 'blogger', evidence: '', confidence: 1, ...(link.considered ? { considered: link.considered } : {}) });
    if (level !== 'off' && link.parentId !== parentId && isInferredLink(link))
      suggestions.set(id, { parentId: link.parentId, source: link.source, evidence: link.evidence, confidence: link.confidence });
  }
  return { links: links ?? new Map(inferred), suggestions };
}
