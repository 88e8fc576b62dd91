/** Reads Blogger's threaded comment markup (`#comment-holder` > `ol#top-ra` > `li.comment`, replies under `#c<id>-ra`). */
import { sanitizeHtml } from '../shared/sanitize';
import type { CommentCollector } from './collector';
import {
  childWithClass,
  commentIdFromElementId,
  httpUrlOrNull,
  isRemovedSentence,
  msFromPermalink,
  squish,
} from './comment-fields';
import { ReaderError } from './errors';

/** Reads every comment under a `#comment-holder` into the collector, top-level comments each followed by their replies. */
export function readThreadedComments(holder: Element, pageUrl: string, collector: CommentCollector): void {
  const topList = holder.querySelector('ol#top-ra');
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
    if (!candidate.classList.contains('comment')) {
      throw new ReaderError(
        `threaded comments: unexpected <li class="${candidate.className}"> in ${where} (expected li.comment)`,
      );
    }
    items.push(candidate);
  };
  for (let child = list.firstElementChild; child; child = child.nextElementSibling) {
    if (child.tagName === 'LI') take(child);
    else if (child.tagName === 'DIV' && !child.classList.contains('continue')) {
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
  const cite = header.querySelector('cite.user');
  if (!cite) throw new ReaderError(`threaded comments: c${id} has no cite.user author`);
  const content = childWithClass(block, 'comment-content');
  if (!content) throw new ReaderError(`threaded comments: c${id} has no .comment-content body`);

  const authorLink = cite.querySelector('a[href]');
  const timeLink = header.querySelector('.datetime a');
  if (!timeLink) collector.warn(`c${id}: no .datetime permalink; its time is unknown`);
  collector.add({
    id,
    parentId,
    author: squish(cite.textContent),
    authorUrl: httpUrlOrNull(authorLink?.getAttribute('href'), pageUrl),
    isBlogOwner: header.querySelector('.blog-author') !== null,
    publishedMs: msFromPermalink(timeLink?.getAttribute('href')),
    displayTime: squish(timeLink?.textContent),
    html: sanitizeHtml(content.innerHTML),
    removed: content.querySelector('.deleted-comment') !== null || isRemovedSentence(content.textContent ?? ''),
  });

  const replyList = childWithClass(item, 'comment-replies')?.querySelector(':scope > .comment-thread > ol');
  if (!replyList) return;
  for (const reply of listItems(replyList, `#c${id}-ra`)) readCommentItem(reply, id, pageUrl, collector);
}
