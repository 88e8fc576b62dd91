/** Reads a Blogger list page (home, label, archive, search, "Older posts") into its posts, each with its comment link and count. */
import { httpUrlOrNull, squish } from './comment-fields';
import { canonicalUrl, digitsOrNull } from './post-info';

/** Which of the blog's list pages a URL is. */
export type ListKind = 'home' | 'label' | 'archive' | 'search';

/** One post as a list page shows it. */
export interface ListedPost {
  /** The post's canonical URL (no query, no hash). */
  url: string;
  /** Blogger's post id, when the page carries it. */
  postId: string | null;
  title: string;
  /** When the post was published (epoch ms), NaN when the page does not say. */
  publishedMs: number;
  /** The blog's own link to the post's comments ("23 comments"). */
  commentLink: HTMLAnchorElement;
  /** The count the link's text gives; null when the theme shows none (an icon, "Comments"). */
  count: number | null;
}

/** A list page: its kind and the posts that have a comment link, in page order. */
export interface PostList {
  kind: ListKind;
  posts: ListedPost[];
}

/** The words themes use for a post without comments (classic "No comments:", v3 "Post a Comment"). */
const ZERO_WORDS = /^(?:no comments?|post a comment|add (?:a )?comment|leave a comment|be the first)/i;

/** The list page a URL shows, or null for a post, static page or anything else. Mobile (`?m=1`) and paging queries keep the kind. */
export function listKindOf(url: string): ListKind | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const path = parsed.pathname;
  if (path === '/' || path === '/index.html') return 'home';
  if (/^\/search\/label\/[^/]+\/?$/.test(path)) return 'label';
  if (path === '/search' || path === '/search/') return 'search';
  if (/^\/\d{4}\/(?:\d{2}\/(?:\d{2}\/)?)?$/.test(path) || /^\/\d{4}(?:_\d{2}){1,2}_\d{2}_archive\.html$/.test(path)) return 'archive';
  return null;
}

/**
 * The count a comment link's text gives: "23 comments", "23 comments:", "1 comment", a bare "5" (v3 themes print the
 * number beside an icon), "12 Kommentare"; 0 for "No comments" / "Post a Comment"; null when it says no number.
 */
export function countFromLinkText(text: string): number | null {
  const words = squish(text);
  const number = /(\d[\d,.\u00a0\u202f ]*)/.exec(words)?.[1];
  if (number) {
    const digits = number.replace(/[^\d]/g, '');
    const value = Number(digits);
    return digits.length > 0 && digits.length < 10 ? value : null;
  }
  return ZERO_WORDS.test(words) ? 0 : null;
}

/** The post's element around a comment link: the nearest of the shapes v2 and v3 themes use. */
function postElementOf(link: Element): Element | null {
  return link.closest('.post-outer-container, .post-outer, .mobile-post-outer, .post, article, .hentry, .date-posts > *');
}

/** The post id inside one post's element: meta itemprop=postId, `a[name]`, `post-body-<id>`, v3's data-id. */
function postIdIn(post: Element): string | null {
  return (
    digitsOrNull(post.querySelector('meta[itemprop="postId"]')?.getAttribute('content')) ??
    digitsOrNull(post.querySelector('a[name]')?.getAttribute('name')) ??
    digitsOrNull(/^post-body-(\d+)$/.exec(post.querySelector('[id^="post-body-"]')?.id ?? '')?.[1]) ??
    digitsOrNull(post.querySelector('[data-id]')?.getAttribute('data-id')) ??
    digitsOrNull(/[?&]postID=(\d+)/.exec(post.querySelector('a[href*="share-post.g"], a[href*="post-edit.g"]')?.getAttribute('href') ?? '')?.[1])
  );
}

/** Published time: v2 `abbr.published[title]`, v3 `time.published[datetime]`, or a `datePublished` meta. */
function publishedIn(post: Element): number {
  const element = post.querySelector(
    'time.published[datetime], time[datetime], abbr.published[title], .published[title], [itemprop="datePublished"]',
  );
  const value = element?.getAttribute('datetime') ?? element?.getAttribute('title') ?? element?.getAttribute('content') ?? '';
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : Number.NaN;
}

function readListedPost(link: HTMLAnchorElement, pageUrl: string): ListedPost | null {
  const post = postElementOf(link);
  // The mobile index (?m=1) wraps the title in the link: `a[href] > h3.mobile-index-title`.
  const titleLink =
    post?.querySelector<HTMLAnchorElement>('.post-title a[href], .entry-title a[href], h3 a[href], h2 a[href]') ??
    post?.querySelector('.mobile-index-title, .entry-title')?.closest<HTMLAnchorElement>('a[href]') ??
    null;
  const targetHref = httpUrlOrNull(titleLink?.getAttribute('href'), pageUrl) ?? httpUrlOrNull(link.getAttribute('href'), pageUrl);
  const target = targetHref ? new URL(targetHref) : null;
  if (!target || !/\.html$/.test(target.pathname)) return null;
  const countElement = link.querySelector('.num_comments, .comment-count') ?? link;
  return {
    url: canonicalUrl(target.href),
    postId: post ? postIdIn(post) : null,
    title: squish(post?.querySelector('.post-title, .entry-title')?.textContent ?? titleLink?.textContent ?? ''),
    publishedMs: post ? publishedIn(post) : Number.NaN,
    commentLink: link,
    count: countFromLinkText(countElement.textContent ?? ''),
  };
}

/**
 * The posts of a list page that have a comment link, in page order (one entry per post). Null when the URL is not a
 * list page; no posts when the page shows no comment links.
 */
export function readPostList(doc: Document, pageUrl: string): PostList | null {
  const kind = listKindOf(pageUrl);
  if (!kind) return null;
  const seen = new Set<string>();
  const posts: ListedPost[] = [];
  const links = doc.querySelectorAll<HTMLAnchorElement>('a.comment-link, .post-comment-link a[href]');
  for (const link of links) {
    if (link.closest('[data-thread-root], .sidebar, aside, #sidebar-wrapper')) continue;
    const post = readListedPost(link, pageUrl);
    if (!post || seen.has(post.url)) continue;
    seen.add(post.url);
    posts.push(post);
  }
  return { kind, posts };
}
