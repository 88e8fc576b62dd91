/** Builders of follow-store records and alt=json comment feed pages for the follow tests. */
import type { CheckResult, Follow, FollowState, Seen } from '../../../../src/features/follow/store';
import type { Mine } from '../../../../src/features/follow/mine-store';

/** The stores' record versions (written out here so these builders load no browser module). */
const FOLLOW_VERSION = 1 as const;
const MINE_VERSION = 1 as const;

export const BLOG = 'https://probationmatters.blogspot.com';

export function aFollow(postId: string, at = 1_000, extra: Partial<Follow> = {}): Follow {
  return { v: FOLLOW_VERSION, postKey: postId, postId, url: `${BLOG}/2026/11/post-${postId}.html`, title: `Post ${postId}`, at, ...extra };
}

export function aSeen(total: number, at = 1_000): Seen {
  return { v: FOLLOW_VERSION, total, at };
}

export function aCheck(total: number, extra: Partial<CheckResult> = {}): CheckResult {
  return {
    v: FOLLOW_VERSION,
    total,
    baseline: total,
    checkedAt: 1_000,
    grewAt: 1_000,
    firstNewId: null,
    firstNewAfter: total,
    replies: [],
    ...extra,
  };
}

export function aState(postId: string, seen: Seen | null, check: CheckResult | null, at = 1_000): FollowState {
  return { follow: aFollow(postId, at), seen, check };
}

export function aMine(postKey: string, commentId: string, extra: Partial<Mine> = {}): Mine {
  return {
    v: MINE_VERSION,
    postKey,
    commentId,
    at: 1_000,
    parentId: null,
    author: 'Anonymous',
    displayTime: '21:07',
    publishedMs: Date.UTC(2026, 10, 20, 21, 7),
    text: 'Caseloads in our PDU are over 60 and nobody in HMPPS is listening.',
    ...extra,
  };
}

/** One feed entry as Blogger's alt=json writes it. */
export interface EntrySpec {
  id: string;
  postId: string;
  author?: string;
  html: string;
  publishedMs: number;
  displayTime: string;
  parentId?: string;
}

export function feedEntry(spec: EntrySpec): Record<string, unknown> {
  const link: Record<string, unknown>[] = [
    { rel: 'alternate', type: 'text/html', href: `${BLOG}/2026/11/post.html?showComment=${spec.publishedMs}#c${spec.id}` },
  ];
  if (spec.parentId) link.push({ rel: 'related', href: `http://www.blogger.com/feeds/1/${spec.postId}/comments/default/${spec.parentId}` });
  return {
    id: { $t: `tag:blogger.com,1999:blog-1.post-${spec.id}` },
    published: { $t: new Date(spec.publishedMs).toISOString() },
    content: { type: 'html', $t: spec.html },
    link,
    author: [{ name: { $t: spec.author ?? 'Anonymous' } }],
    gd$extendedProperty: [{ name: 'blogger.displayTime', value: spec.displayTime }],
  };
}

export function feedPage(total: number | null, entries: Record<string, unknown>[]): unknown {
  return { feed: { ...(total === null ? {} : { openSearch$totalResults: { $t: String(total) } }), entry: entries } };
}
