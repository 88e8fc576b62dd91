/** Reads Blogger's flat comment markup: v2 `dl#comments-block` dt/dd/dd triples and v3 `#comments-block > div.comment`. */
import type { CommentCollector } from './collector';
import {
  childWithClass,
  hasClass,
  commentIdFromElementId,
  httpUrlOrNull,
  isRemovedSentence,
  msFromPermalink,
  squish,
  stripSaid,
  verbatimText,
} from './comment-fields';
import { ReaderError } from './errors';

const BODY_ID = /^Blog\d*_cmt-(\d+)$/;

/** Reads the v2 flat list: each `dt.comment-author#c<id>` followed by `dd.comment-body` and `dd.comment-footer`. */
export function readFlatV2Comments(list: Element, pageUrl: string, collector: CommentCollector): void {
  let sawItem = false;
  for (let child = list.firstElementChild; child; child = child.nextElementSibling) {
    if (child.tagName !== 'DT') continue;
    sawItem = true;
    if (!hasClass(child, 'comment-author')) {
      throw new ReaderError(`flat comments: unexpected <dt class="${child.className}"> (expected dt.comment-author)`);
    }
    let body: Element | null = null;
    let footer: Element | null = null;
    for (let next = child.nextElementSibling; next && next.tagName !== 'DT'; next = next.nextElementSibling) {
      if (hasClass(next, 'comment-body')) body ??= next;
      else if (hasClass(next, 'comment-footer')) footer ??= next;
    }
    const id = commentIdFromElementId(child.id) ?? idFromBody(body) ?? idFromAnchor(child);
    if (!id) throw new ReaderError(`flat comments: dt.comment-author without a "c<digits>" id (id="${child.id}")`);
    if (!body) throw new ReaderError(`flat comments: c${id} has no dd.comment-body`);
    const author = readAuthorNodes(child, pageUrl);
    const timeLink = permalinkIn(footer);
    if (!timeLink) collector.warn(`c${id}: no comment permalink; its time is unknown`);
    const publishedMs = msFromPermalink(timeLink?.getAttribute('href'));
    if (timeLink && Number.isNaN(publishedMs)) collector.noteWithoutTime(id);
    collector.add({
      id,
      parentId: null,
      author: author.name,
      authorUrl: author.url,
      isBlogOwner: hasClass(child, 'blog-author'),
      publishedMs,
      displayTime: verbatimText(timeLink?.textContent),
      bodyElement: bodySource(body),
      removed: body.getElementsByClassName('deleted-comment').length > 0 || isRemovedSentence(body.textContent ?? ''),
    });
  }
  if (!sawItem && list.firstElementChild) {
    throw new ReaderError('flat comments: dl#comments-block holds no dt.comment-author entries');
  }
}

/** Reads the v3 flat list: `div.comment#c<id>` holding `.comment-author`, `.comment-body` and `.comment-footer`. */
export function readFlatV3Comments(list: Element, pageUrl: string, collector: CommentCollector): void {
  let sawItem = false;
  for (let child = list.firstElementChild; child; child = child.nextElementSibling) {
    if (!hasClass(child, 'comment')) continue;
    sawItem = true;
    const id = commentIdFromElementId(child.id);
    if (!id) throw new ReaderError(`flat comments: div.comment without a "c<digits>" id (id="${child.id}")`);
    const block = childWithClass(child, 'comment-block') ?? child;
    const authorLine = block.querySelector('.comment-author');
    if (!authorLine) throw new ReaderError(`flat comments: c${id} has no .comment-author`);
    const body = block.querySelector('.comment-body');
    if (!body) throw new ReaderError(`flat comments: c${id} has no .comment-body`);
    const author = readAuthorNodes(authorLine, pageUrl);
    const timeLink = permalinkIn(block.querySelector('.comment-footer') ?? block);
    if (!timeLink) collector.warn(`c${id}: no comment permalink; its time is unknown`);
    const publishedMs = msFromPermalink(timeLink?.getAttribute('href'));
    if (timeLink && Number.isNaN(publishedMs)) collector.noteWithoutTime(id);
    collector.add({
      id,
      parentId: null,
      author: author.name,
      authorUrl: author.url,
      isBlogOwner: hasClass(child, 'blog-author') || hasClass(authorLine, 'blog-author'),
      publishedMs,
      displayTime: verbatimText(timeLink?.textContent),
      bodyElement: bodySource(body),
      removed: hasClass(body, 'deleted') || body.getElementsByClassName('deleted-comment').length > 0 || isRemovedSentence(body.textContent ?? ''),
    });
  }
  if (!sawItem && list.firstElementChild) {
    throw new ReaderError('flat comments: #comments-block holds no div.comment entries');
  }
}

/**
 * The name (without "said...") and http(s) link of a flat author line, skipping the avatar and the `a[name]` anchor.
 * Avatars come in several shapes (a 35px `blank.gif` / `blogger_logo_round_35.png` in `.avatar-stock` with a hovercard
 * link, `.vcard` with a delay-loaded `img` and a `<noscript>` copy): anything that shows no text is an avatar.
 */
function readAuthorNodes(line: Element, pageUrl: string): { name: string; url: string | null } {
  let text = '';
  let url: string | null = null;
  for (let node = line.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) {
      text += node.nodeValue ?? '';
    } else if (node.nodeType === 1) {
      const element = node as Element;
      if (hasClass(element, 'avatar-image-container') || element.tagName === 'NOSCRIPT' || element.tagName === 'IMG') continue;
      if (squish(element.textContent) === '') continue;
      if (element.tagName === 'A' && !element.hasAttribute('href')) continue;
      if (element.tagName === 'A' && url === null) url = httpUrlOrNull(element.getAttribute('href'), pageUrl);
      text += ` ${element.textContent ?? ''} `;
    }
  }
  return { name: stripSaid(text), url };
}

function permalinkIn(scope: Element | null): Element | null {
  if (!scope) return null;
  return scope.querySelector('a[title="comment permalink"]') ?? scope.querySelector('a[href*="showComment="]');
}

function idFromBody(body: Element | null): string | null {
  return body ? (BODY_ID.exec(body.id)?.[1] ?? null) : null;
}

function idFromAnchor(dt: Element): string | null {
  const anchor = dt.querySelector('a[name]');
  return anchor ? commentIdFromElementId(anchor.getAttribute('name') ?? '') : null;
}

/** The element holding a flat body's content: its single `<p>` (or deleted span) when that is all it holds, else itself. */
function bodySource(body: Element): Element {
  const only = body.firstElementChild;
  const single =
    only !== null &&
    only === body.lastElementChild &&
    (only.tagName === 'P' || only.tagName === 'SPAN') &&
    squish(body.textContent) === squish(only.textContent);
  return single ? only : body;
}
