/** Plain records the reader produces from Blogger's markup or comment feed; everything downstream works on these. */
import type { SafeHtml } from '../shared/safe-html';

export type { SafeHtml };

/** Which of Blogger's comment layouts a page uses. */
export type Layout = 'threaded-v2' | 'threaded-v3' | 'flat-v2' | 'flat-v3' | 'mobile';

/** One Blogger comment, as the blog shows it. */
export interface Comment {
  /** Blogger's comment id: 18-19 digits, kept as a string (it exceeds 2^53). */
  id: string;
  /** Blogger's own parent (threaded layouts only, one level deep); null for top-level comments. */
  parentId: string | null;
  /** Display name: "Anonymous", "Unknown", a typed name or a profile name. */
  author: string;
  /** Profile or homepage URL of the author, if any (http/https only). */
  authorUrl: string | null;
  /** True when Blogger marks the comment as the blog owner's. */
  isBlogOwner: boolean;
  /** Creation time in epoch milliseconds, from the `?showComment=<ms>` permalink. NaN when unknown. */
  publishedMs: number;
  /** The timestamp text exactly as the blog displays it (the blog's own timezone and format). */
  displayTime: string;
  /** Body HTML, already through the sanitizer. */
  html: SafeHtml;
  /** True for "This comment has been removed by the author / a blog administrator." */
  removed: boolean;
}

/** Facts about the post page the comments belong to. */
export interface PostInfo {
  /** Blogger post id (digits) when found on the page. */
  postId: string | null;
  /** Blogger blog id (digits) when found on the page. */
  blogId: string | null;
  /** Canonical post URL (no query, no hash). */
  url: string;
  /** Post title text. */
  title: string;
  /** The total comment count the page announces ("N comments:" or data-num-comments), if any. */
  totalCount: number | null;
  /** The plain text of the post body (used to tell quotes of the post from quotes of comments). */
  bodyText: string;
}

/** What the reader returns for a page. */
export interface PageComments {
  layout: Layout;
  post: PostInfo;
  /** Comments in page order (top-level comment, then its replies, then the next top-level comment). */
  comments: Comment[];
  /** The element that holds the blog's own rendering of the comments (hidden, never removed, while Threadline shows its view). */
  container: Element;
  /** Present when the page holds fewer comments than it announces (Blogger renders about 200). */
  loadMore: { publishedMinMs: number | null } | null;
  /** Things the reader skipped or could not fully read (e.g. a duplicated comment id); empty when all went well. */
  warnings?: string[];
}
