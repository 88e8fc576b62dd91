/** Reads Blogger's threaded comment markup (`#comment-holder` > `ol#top-ra` > `li.comment`, replies under `#c<id>-ra`). */
import type { CommentCollector } from './collector';
import {
  childWithClass,
  childWithTag,
  hasClass,
  commentIdFromElementId,
  httpUrlOrNull,
  isRemovedSentence,
  msFromPermalink,
  squish,
  verbatimText,
} from './comment-fields';
import { ReaderError } from './errors';

/** Reads every comment under a `#comment-holder` into the collector, top-level comments each followed by their replies. */
export function readThreadedComments(holder: Element, pageUrl: string, collector: CommentCollector): void {
  const byId = holder.ownerDocument.getElementById('top-ra');
  const topList = byId && byId.tagName === 'OL' && holder.contains(byId) ? byId : holder.querySelector('ol#top-ra');
  if (!topList) {
    if (holder.querySelector('li')) {
      throw new ReaderError('threaded comments: #comment-holder holds list items but no ol#top-ra');
    }
    return;
  }
  for (const item of listItems(topList, 'ol#top-ra')) readCommentItem(item, null, pageUrl, collector);
}

/** The `li.comment` items of a thread list: direct `li` children, and those inside its bare `div` wrappers. */
function listItems(list: Element, where: string): Element[] {
  const items: Element[] = [];
  const take = (candidate: Element): void => {
    if (!hasClass(candidate, 'comment')) {
      throw new ReaderError(`threaded comments: unexpected <li class="${candidate.className}"> in ${where} (expected li.comment)`);
    }
    items.push(candidate);
  };
  for (let child = list.firstElementChild; child; child = child.nextElementSibling) {
    if (child.tagName === 'LI') take(child);
    else if (child.tagName === 'DIV' && !hasClass(child, 'continue')) {
      for (let inner = child.firstElementChild; inner; inner = inner.nextElementSibling) {
        if (inner.tagName === 'LI') take(inner);
      }
    }
  }
  return items;
}

function readCommentItem(item: Element, parentId: string | null, pageUrl: string, collector: CommentCollector): void {
  const id = commentIdFromElementId(item.id);
  if (!id) throw new ReaderError(`threaded comments: li.comment without a "c<digits>" id (id="${item.id}")`);
  const block = childWithClass(item, 'comment-block');
  if (!block) throw new ReaderError(`threaded comments: c${id} has no .comment-block`);
  const header = childWithClass(block, 'comment-header');
  if (!header) throw new ReaderError(`threaded comments: c${id} has no .comment-header`);
  const parts = headerParts(header);
  if (!parts.cite) throw new ReaderError(`threaded comments: c${id} has no cite.user author`);
  const content = childWithClass(block, 'comment-content');
  if (!content) throw new ReaderError(`threaded comments: c${id} has no .comment-content body`);

  const authorLink = childWithTag(parts.cite, 'a');
  if (!parts.timeLink) collector.warn(`c${id}: no .datetime permalink; its time is unknown`);
  const publishedMs = msFromPermalink(parts.timeLink?.getAttribute('href'));
  if (parts.timeLink && Number.isNaN(publishedMs)) collector.noteWithoutTime(id);
  collector.add({
    id,
    parentId,
    author: squish(parts.cite.textContent),
    authorUrl: httpUrlOrNull(authorLink?.getAttribute('href'), pageUrl),
    isBlogOwner: parts.isBlogOwner,
    publishedMs,
    displayTime: verbatimText(parts.timeLink?.textContent),
    bodyElement: content,
    removed: content.getElementsByClassName('deleted-comment').length > 0 || isRemovedSentence(content.textContent ?? ''),
  });

  const replies = childWithClass(item, 'comment-replies');
  const thread = replies ? childWithClass(replies, 'comment-thread') : null;
  const replyList = thread ? childWithTag(thread, 'ol') : null;
  if (!replyList) return;
  for (const reply of listItems(replyList, `#c${id}-ra`)) readCommentItem(reply, id, pageUrl, collector);
}

/** The header's author `cite.user`, permalink (`.datetime a`) and blog-owner icon, found by walking its children. */
function headerParts(header: Element): { cite: Element | null; timeLink: Element | null; isBlogOwner: boolean } {
  let cite: Element | null = null;
  let timeLink: Element | null = null;
  let isBlogOwner = false;
  for (let child = header.firstElementChild; child; child = child.nextElementSibling) {
    if (child.tagName === 'CITE' && hasClass(child, 'user')) cite ??= child;
    else if (hasClass(child, 'datetime')) timeLink ??= childWithTag(child, 'a') ?? child.querySelector('a');
    else if (hasClass(child, 'blog-author')) isBlogOwner = true;
  }
  return {
    cite: cite ?? header.querySelector('cite.user'),
    timeLink: timeLink ?? header.querySelector('.datetime a'),
    isBlogOwner: isBlogOwner || (cite === null && header.querySelector('.blog-author') !== null),
  };
}
