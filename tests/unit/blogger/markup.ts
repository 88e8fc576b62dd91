/** Hand-written Blogger markup for the reader tests, following the [V] skeletons of the shared blogger-markup.md reference. */
import { JSDOM } from 'jsdom';

export const BLOG = '1234567890123456789';
export const POST = '5555444433332222111';
export const POST_URL = 'https://probationmatters.blogspot.com/2024/02/probation-must-be-free.html';

export interface SnippetComment {
  id: string;
  author?: string;
  /** A profile or homepage link around the author's name. */
  authorUrl?: string;
  owner?: boolean;
  ms?: number;
  time?: string;
  body?: string;
  removed?: 'author' | 'admin';
  replies?: SnippetComment[];
}

const REMOVED_TEXT = {
  author: 'This comment has been removed by the author.',
  admin: 'This comment has been removed by a blog administrator.',
};

function permalink(comment: SnippetComment, mobile = false): string {
  const ms = comment.ms ?? 1708377000000;
  return `${POST_URL}?showComment=${ms}${mobile ? '&amp;m=1' : ''}#c${comment.id}`;
}

function cite(comment: SnippetComment): string {
  const name = comment.author ?? 'Anonymous';
  return comment.authorUrl
    ? `<cite class="user"><a href="${comment.authorUrl}" rel="nofollow">${name}</a></cite>`
    : `<cite class="user">${name}</cite>`;
}

function threadedBody(comment: SnippetComment): string {
  if (comment.removed) return `<span class="deleted-comment">${REMOVED_TEXT[comment.removed]}</span>`;
  return comment.body ?? 'A comment.';
}

function threadedItem(comment: SnippetComment, isReply: boolean, mobile: boolean): string {
  const replies = comment.replies ?? [];
  const hidden = replies.length === 0 ? ' hidden' : '';
  return `<li class="comment" id="c${comment.id}">
<div class="avatar-image-container"><img src="//resources.blogblog.com/img/blank.gif" alt=""></div>
<div class="comment-block">
<div class="comment-header">
${cite(comment)}
<span class="icon user${comment.owner ? ' blog-author' : ''}"></span>
<span class="datetime secondary-text"><a rel="nofollow" href="${permalink(comment, mobile)}">${comment.time ?? '19 February 2024 at 21:10'}</a></span>
</div>
<p class="comment-content">${threadedBody(comment)}</p>
<span class="comment-actions secondary-text">${isReply ? '' : `<a class="comment-reply" target="_self" data-comment-id="${comment.id}">Reply</a>`}<span class="item-control blog-admin blog-admin pid-1"><a target="_self" href="https://www.blogger.com/comment/delete/${BLOG}/${comment.id}">Delete</a></span></span>
</div>
<div class="comment-replies">
<div id="c${comment.id}-rt" class="comment-thread inline-thread${hidden}">
<span class="thread-toggle thread-expanded"><span class="thread-arrow"></span><span class="thread-count"><a target="_self">Replies</a></span></span>
<ol id="c${comment.id}-ra" class="thread-chrome thread-expanded">
<div>${replies.map((reply) => threadedItem(reply, true, mobile)).join('\n')}</div>
<div id="c${comment.id}-continue" class="continue"><a class="comment-reply" target="_self" data-comment-id="${comment.id}">Reply</a></div>
</ol>
</div>
</div>
<div class="comment-replybox-single" id="c${comment.id}-ce"></div>
</li>`;
}

function countOf(comments: SnippetComment[]): number {
  return comments.reduce((sum, comment) => sum + 1 + (comment.replies?.length ?? 0), 0);
}

function commentForm(): string {
  return `<div class="comment-form">
<a name="comment-form"></a>
<a href="https://www.blogger.com/comment/frame/${BLOG}?po=${POST}&amp;hl=en-GB" id="comment-editor-src"></a>
<iframe allowtransparency="true" class="blogger-iframe-colorize blogger-comment-from-post" frameborder="0" height="410px" id="comment-editor" name="comment-editor" src="" width="100%"></iframe>
</div>`;
}

export interface PageOptions {
  /** Announced count; defaults to the number of comments given. */
  count?: number;
  publishedMin?: number;
  head?: string;
  /** Extra markup inside the post, before the body. */
  postExtra?: string;
  mobile?: boolean;
  postBody?: string;
}

function page(commentsSection: string, options: PageOptions): string {
  return `<!DOCTYPE html>
<html class="v2"><head>
<meta charset="utf-8">
<title>On Probation: Probation Must Be Free</title>
${options.head ?? `<meta itemprop="blogId" content="${BLOG}"><meta itemprop="postId" content="${POST}">`}
<style>.comments { color: red }</style>
</head>
<body class="${options.mobile ? 'mobile variant-simple' : 'variant-simple'}">
<div class="main-inner"><div class="post hentry">
<h3 class="post-title entry-title">Probation Must Be Free</h3>
${options.postExtra ?? ''}
<div class="post-body entry-content" id="${options.head === undefined ? `post-body-${POST}` : 'post-body'}">${options.postBody ?? 'The post says <b>something</b>.<br>Second line.'}</div>
</div>
${commentsSection}
</div>
<div class="sidebar"><h3 class="post-title">Popular post</h3></div>
</body></html>`;
}

/** A threaded v2 (classic Simple theme) page. */
export function threadedV2Page(comments: SnippetComment[], options: PageOptions = {}): string {
  const count = options.count ?? countOf(comments);
  const min = options.publishedMin === undefined ? '' : ` data-published-min="${options.publishedMin}"`;
  const section = `<div class="comments" id="comments">
<a name="comments"></a>
<h4>${count === 0 ? 'No comments' : `${count} comment${count === 1 ? '' : 's'}`}:</h4>
<div class="comments-content">
<div id="comment-holder"><div class="comment-thread toplevel-thread"><ol id="top-ra">
${comments.map((comment) => threadedItem(comment, false, options.mobile ?? false)).join('\n')}
</ol>
<div id="top-continue" class="continue"><a class="comment-reply" target="_self">Add comment</a></div>
<div class="comment-replybox-thread" id="top-ce"></div>
<div class="loadmore hidden" data-post-id="${POST}"${min}><a target="_self">Load more...</a></div>
</div></div>
</div>
<p class="comment-footer">${commentForm()}</p>
<div id="backlinks-container"></div>
</div>`;
  return page(section, options);
}

/** A threaded v3 (Contempo-style) page: `section.comments.threaded` with data-num-comments and an h3 title. */
export function threadedV3Page(comments: SnippetComment[], options: PageOptions = {}): string {
  const count = options.count ?? countOf(comments);
  const section = `<section class="comments threaded" data-embed="true" data-num-comments="${count}" id="comments">
<a name="comments"></a>
<h3 class="title">Comments</h3>
<div class="comments-content">
<div id="comment-holder"><div class="comment-thread toplevel-thread"><ol id="top-ra">
${comments.map((comment) => threadedItem(comment, false, false)).join('\n')}
</ol>
<div class="loadmore hidden" data-post-id="${POST}"><a target="_self">Load more...</a></div>
</div></div>
</div>
<p class="comment-footer">${commentForm()}</p>
</section>`;
  return page(section, options);
}

function flatAuthor(comment: SnippetComment): string {
  const name = comment.author ?? 'Anonymous';
  return comment.authorUrl ? `<a href="${comment.authorUrl}" rel="nofollow">${name}</a>` : name;
}

/** A flat v2 page: `dl#comments-block` of dt/dd/dd triples with the "said..." text node. */
export function flatV2Page(comments: SnippetComment[], options: PageOptions = {}): string {
  const count = options.count ?? comments.length;
  const items = comments
    .map(
      (comment) => `<dt class="comment-author ${comment.owner ? 'blog-author' : ''}" id="c${comment.id}">
<a name="c${comment.id}"></a>
<div class="avatar-image-container avatar-stock"><span dir="ltr"><img src="//resources.blogblog.com/img/blank.gif" width="16" height="16" title="${comment.author ?? 'Anonymous'}"></span></div>
${flatAuthor(comment)}
said...
</dt>
<dd class="comment-body" id="Blog1_cmt-${comment.id}">
${comment.removed ? `<span class="deleted-comment">${REMOVED_TEXT[comment.removed]}</span>` : `<p>${comment.body ?? 'A comment.'}</p>`}
</dd>
<dd class="comment-footer">
<span class="comment-timestamp">
<a href="${permalink(comment)}" title="comment permalink">${comment.time ?? '19 February 2024 at 21:10'}</a>
<span class="item-control blog-admin pid-1"><a class="comment-delete" href="https://www.blogger.com/delete-comment.g?blogID=${BLOG}&amp;postID=${comment.id}" title="Delete Comment"><img src="//www.blogger.com/img/icon_delete13.gif"></a></span>
</span>
</dd>`,
    )
    .join('\n');
  const section = `<div class="comments" id="comments">
<a name="comments"></a>
<h4>${count} comments:</h4>
<div id="Blog1_comments-block-wrapper">
<dl class="avatar-comment-indent" id="comments-block">
${items}
</dl>
</div>
<p class="comment-footer"><a href="https://www.blogger.com/comment.g?blogID=${BLOG}&amp;postID=${POST}" onclick="">Post a Comment</a></p>
</div>`;
  return page(section, options);
}

/** A flat v3 page: `section.comments#comments > #comments-block > div.comment`. */
export function flatV3Page(comments: SnippetComment[], options: PageOptions = {}): string {
  const count = options.count ?? comments.length;
  const items = comments
    .map(
      (comment) => `<div class="comment" id="c${comment.id}">
<div class="avatar-image-container"><img class="author-avatar" height="35" width="35" src="//resources.blogblog.com/img/blank.gif"></div>
<div class="comment-block">
<div class="comment-author${comment.owner ? ' blog-author' : ''}">${flatAuthor(comment)} said...</div>
<div class="comment-body${comment.removed ? ' deleted' : ''}">${comment.removed ? REMOVED_TEXT[comment.removed] : (comment.body ?? 'A comment.')}</div>
<div class="comment-footer"><span class="comment-timestamp"><a href="${permalink(comment)}" title="comment permalink">${comment.time ?? '19 February 2024 at 21:10'}</a></span></div>
</div>
</div>`,
    )
    .join('\n');
  const section = `<section class="comments embed" data-num-comments="${count}" id="comments">
<a name="comments"></a>
<h3 class="title">Comments</h3>
<div id="Blog1_comments-block-wrapper"><div id="comments-block">
${items}
</div></div>
<div class="footer">${commentForm()}</div>
</section>`;
  return page(section, options);
}

/** A label page: several posts, no comment section. */
export function labelPage(): string {
  return `<!DOCTYPE html><html><head><title>On Probation: UPW</title></head><body>
<div class="status-msg-body">Showing posts with label <b>UPW</b>. Show all posts</div>
<div class="post"><h3 class="post-title"><a href="${POST_URL}">One</a></h3><div class="post-body">Text</div>
<div class="post-footer"><a class="comment-link" href="${POST_URL}#comment-form">12 comments:</a></div></div>
<div class="post"><h3 class="post-title">Two</h3><div class="post-body">Text</div></div>
</body></html>`;
}

/** Parses page HTML into a Document (no scripts run). */
export function parse(html: string, url = POST_URL): Document {
  return new JSDOM(html, { url }).window.document;
}
