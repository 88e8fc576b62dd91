/** Builds alt=json comment-feed pages shaped like the shared markup reference §4.3, for the feed tests. */
import { BLOG, POST, POST_URL } from './markup';

export interface FeedEntrySpec {
  id: string;
  parentId?: string;
  author?: string;
  uri?: string;
  /** ISO published time with the blog's offset. */
  published: string;
  ms: number;
  body?: string;
  removed?: boolean;
  displayTime?: string;
  /** Add ?v=2 to self/related links, as feeds requested with v=2 do. */
  v2?: boolean;
}

export function feedEntry(spec: FeedEntrySpec): Record<string, unknown> {
  const suffix = spec.v2 ? '?v=2' : '';
  const link: Record<string, string>[] = [
    { rel: 'edit', type: 'application/atom+xml', href: `https://www.blogger.com/feeds/${BLOG}/${POST}/comments/default/${spec.id}${suffix}` },
    { rel: 'self', type: 'application/atom+xml', href: `https://www.blogger.com/feeds/${BLOG}/${POST}/comments/default/${spec.id}${suffix}` },
  ];
  if (!spec.removed) link.push({ rel: 'alternate', type: 'text/html', href: `${POST_URL}?showComment=${spec.ms}#c${spec.id}` });
  if (spec.parentId) {
    link.push({
      rel: 'related',
      type: 'application/atom+xml',
      href: `https://www.blogger.com/feeds/${BLOG}/${POST}/comments/default/${spec.parentId}${suffix}`,
    });
  }
  const author: Record<string, unknown> = {
    name: { $t: spec.author ?? 'Anonymous' },
    email: { $t: 'noreply@blogger.com' },
    gd$image: { rel: 'http://schemas.google.com/g/2005#thumbnail', width: '16', height: '16', src: 'https://img1.blogblog.com/img/blank.gif' },
  };
  if (spec.uri !== undefined) author.uri = { $t: spec.uri };
  const properties = [{ name: 'blogger.itemClass', value: 'pid-1' }];
  if (spec.displayTime) properties.push({ name: 'blogger.displayTime', value: spec.displayTime });
  if (spec.removed) properties.push({ name: 'blogger.contentRemoved', value: 'true' });
  return {
    id: { $t: `tag:blogger.com,1999:blog-${BLOG}.post-${spec.id}` },
    published: { $t: spec.published },
    updated: { $t: spec.published },
    title: { type: 'text', $t: 'excerpt' },
    content: { type: 'html', $t: spec.removed ? 'This comment has been removed by the author.' : (spec.body ?? 'A comment.') },
    link,
    author: [author],
    'thr$in-reply-to': {
      xmlns$thr: 'http://purl.org/syndication/thread/1.0',
      href: POST_URL,
      ref: `tag:blogger.com,1999:blog-${BLOG}.post-${POST}`,
      type: 'text/html',
    },
    gd$extendedProperty: properties,
  };
}

export function feedJson(entries: Record<string, unknown>[], total: number, startIndex = 1): Record<string, unknown> {
  return {
    version: '1.0',
    encoding: 'UTF-8',
    feed: {
      id: { $t: `tag:blogger.com,1999:blog-${BLOG}.post${POST}..comments` },
      openSearch$totalResults: { $t: String(total) },
      openSearch$startIndex: { $t: String(startIndex) },
      openSearch$itemsPerPage: { $t: String(entries.length) },
      link: [{ rel: 'self', type: 'application/atom+xml', href: 'x' }],
      entry: entries,
    },
  };
}

/** n top-level entries, oldest first, one minute apart, with ids 7000000000000000000 + index. */
export function manyEntries(count: number, firstMs = Date.UTC(2024, 1, 19, 20, 0)): FeedEntrySpec[] {
  const specs: FeedEntrySpec[] = [];
  for (let index = 0; index < count; index++) {
    const ms = firstMs + index * 60_000;
    specs.push({
      id: String(7000000000000000000n + BigInt(index)),
      ms,
      published: new Date(ms).toISOString(),
      body: `comment ${index}`,
    });
  }
  return specs;
}
