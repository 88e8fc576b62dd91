/** Reads the post's facts (ids, canonical URL, title, body text, announced comment count) from a Blogger post page. */
import type { PostInfo } from './types';
import { blockText, childWithTag, squish } from './comment-fields';

const DIGITS = /^\d+$/;

/** Everything PostInfo needs, from the page document and the section that holds the comments (if any). */
export function readPostInfo(doc: Document, pageUrl: string, section: Element | null): PostInfo {
  const body = doc.querySelector('.post-body');
  return {
    postId: findPostId(doc),
    blogId: findBlogId(doc),
    url: canonicalUrl(pageUrl),
    title: readTitle(doc, body),
    totalCount: section ? readAnnouncedCount(section) : null,
    bodyText: body ? blockText(body) : '',
  };
}

/** The page URL without query or hash (so `?m=1`, `?showComment=` and `#c<id>` all map to the same post). */
export function canonicalUrl(pageUrl: string): string {
  const url = new URL(pageUrl);
  url.search = '';
  url.hash = '';
  return url.href;
}

/**
 * The post id from the first source that has one: meta itemprop=postId, `post-body-<id>`, `.loadmore[data-post-id]`,
 * the comment form's `a#comment-editor-src` (po= / postID=), the comment feed link, the `_WidgetManager` data.
 * Never from other links: in `delete-comment.g?...&postID=` the "postID" is a comment id.
 */
export function findPostId(doc: Document): string | null {
  return (
    digitsOrNull(metaContent(doc, 'meta[itemprop="postId"]')) ??
    digitsOrNull(/^post-body-(\d+)$/.exec(doc.querySelector('.post-body[id^="post-body-"]')?.id ?? '')?.[1]) ??
    digitsOrNull(doc.querySelector('.loadmore[data-post-id]')?.getAttribute('data-post-id')) ??
    digitsOrNull(/[?&](?:po|postID)=(\d+)/.exec(commentEditorSrc(doc))?.[1]) ??
    digitsOrNull(/\/feeds\/(\d+)\/comments\//.exec(commentFeedHref(doc))?.[1]) ??
    digitsOrNull(widgetManagerValue(doc, 'postId'))
  );
}

/** The blog id from meta itemprop=blogId, the comment form's source URL, or the `_WidgetManager` data. */
export function findBlogId(doc: Document): string | null {
  const editor = commentEditorSrc(doc);
  return (
    digitsOrNull(metaContent(doc, 'meta[itemprop="blogId"]')) ??
    digitsOrNull(/\/comment\/frame\/(\d+)/.exec(editor)?.[1]) ??
    digitsOrNull(/[?&]blogID=(\d+)/.exec(editor)?.[1]) ??
    digitsOrNull(widgetManagerValue(doc, 'blogId'))
  );
}

/**
 * The count the section announces: `data-num-comments`, else the number the v2 heading starts with in any language
 * ("40 comments:", "1 Meinungen:", "1 Kommentar:"), else 0 for the English "No comments:". A heading without a number
 * ("Kommentare:") announces nothing: the caller counts what it read instead.
 */
export function readAnnouncedCount(section: Element): number | null {
  const attribute = section.getAttribute('data-num-comments');
  if (attribute !== null && /^\s*\d+\s*$/.test(attribute)) return Number(attribute);
  const heading = childWithTag(section, 'h4') ?? section.querySelector('h4');
  const text = squish(heading?.textContent);
  const counted = /^(\d{1,3}(?:[.,\s\u00a0\u202f]\d{3})+|\d+)\s*[^\d\s.,]/u.exec(text);
  if (counted?.[1]) return Number(counted[1].replace(/\D/g, ''));
  if (/^no comments\b/i.test(text)) return 0;
  return null;
}

/** The post's title: its own `.post-title` (not a sidebar widget's), else og:title, else the document title. */
function readTitle(doc: Document, body: Element | null): string {
  const post = body?.closest('.post, .post-outer, article');
  const heading = post?.querySelector('.post-title') ?? doc.querySelector('.post-title');
  return squish(heading?.textContent) || metaContent(doc, 'meta[property="og:title"]') || squish(doc.title);
}

function metaContent(doc: Document, selector: string): string {
  return (doc.querySelector(selector)?.getAttribute('content') ?? '').trim();
}

function commentEditorSrc(doc: Document): string {
  return doc.getElementById('comment-editor-src')?.getAttribute('href') ?? '';
}

function commentFeedHref(doc: Document): string {
  for (const link of doc.querySelectorAll('link[rel="alternate"][href*="/comments/"], a.feed-link[href*="/comments/"]')) {
    const href = link.getAttribute('href') ?? '';
    if (/\/feeds\/\d+\/comments\//.test(href)) return href;
  }
  return '';
}

/** A value like `'postId':'123'` from the inline `_WidgetManager._SetDataContext(...)` script. */
function widgetManagerValue(doc: Document, key: string): string | null {
  const pattern = new RegExp(`['"]${key}['"]\\s*:\\s*['"](\\d+)['"]`);
  for (const script of doc.scripts) {
    const text = script.textContent ?? '';
    if (!text.includes('_WidgetManager')) continue;
    const match = pattern.exec(text);
    if (match?.[1]) return match[1];
  }
  return null;
}

/** The value trimmed when it is all digits (a Blogger id), else null. */
export function digitsOrNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed && DIGITS.test(trimmed) ? trimmed : null;
}
