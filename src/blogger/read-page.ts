/** Entry point of the reader: detects the comment layout of a Blogger post page and reads it into PageComments. */
import type { Layout, PageComments } from './types';
import { CommentCollector } from './collector';
import { childWithClass, hasClass } from './comment-fields';
import { ReaderError } from './errors';
import { readFlatV2Comments, readFlatV3Comments } from './layout-flat';
import { readThreadedComments } from './layout-threaded';
import { readPostInfo } from './post-info';

export { ReaderError } from './errors';

/** The comment section's parts as found on the page. */
interface SectionParts {
  layout: Layout;
  section: Element | null;
  /** `#comment-holder` (threaded) or `#comments-block` (flat). */
  list: Element;
  kind: 'threaded' | 'flat-v2' | 'flat-v3';
}

/**
 * Reads a Blogger post page. Returns null when the page has no comment section (index, label, archive pages);
 * throws ReaderError when it has one whose markup it does not understand.
 */
export function readPage(doc: Document, pageUrl: string): PageComments | null {
  const parts = findSection(doc, pageUrl);
  if (!parts) return null;
  const collector = new CommentCollector();
  if (parts.kind === 'threaded') readThreadedComments(parts.list, pageUrl, collector);
  else if (parts.kind === 'flat-v2') readFlatV2Comments(parts.list, pageUrl, collector);
  else readFlatV3Comments(parts.list, pageUrl, collector);

  const comments = collector.finish();
  const { warnings } = collector;
  if (comments.length > 0 && comments.every((comment) => Number.isNaN(comment.publishedMs))) {
    throw new ReaderError(`${parts.layout}: none of the ${comments.length} comments has a readable permalink time`);
  }
  const post = readPostInfo(doc, pageUrl, parts.section);
  if (post.totalCount !== null && post.totalCount > 0 && comments.length === 0) {
    throw new ReaderError(`${parts.layout}: the page announces ${post.totalCount} comments but none could be read`);
  }
  return {
    layout: parts.layout,
    post,
    comments,
    container: containerOf(parts),
    loadMore: readLoadMore(parts.list, post.totalCount, comments.length),
    warnings,
  };
}

function findSection(doc: Document, pageUrl: string): SectionParts | null {
  const section = doc.getElementById('comments');
  const holder = doc.getElementById('comment-holder');
  const block = doc.getElementById('comments-block');
  const mobile = isMobile(doc, pageUrl);
  if (holder) {
    const v3 = section !== null && (section.tagName === 'SECTION' || section.classList.contains('threaded'));
    return { layout: mobile ? 'mobile' : v3 ? 'threaded-v3' : 'threaded-v2', section, list: holder, kind: 'threaded' };
  }
  if (block) {
    const kind = block.tagName === 'DL' ? 'flat-v2' : 'flat-v3';
    return { layout: mobile ? 'mobile' : kind, section, list: block, kind };
  }
  if (section && looksLikeComments(section)) {
    throw new ReaderError('#comments holds comments but neither #comment-holder (threaded) nor #comments-block (flat) was found');
  }
  return null;
}

function isMobile(doc: Document, pageUrl: string): boolean {
  if (doc.body?.classList.contains('mobile')) return true;
  try {
    return new URL(pageUrl).searchParams.get('m') === '1';
  } catch {
    return false;
  }
}

/** True when a section without a known list still shows comments (elements with comment ids or permalinks). */
function looksLikeComments(section: Element): boolean {
  if (section.querySelector('a[href*="showComment="], li.comment, dt.comment-author, .comment-content')) return true;
  for (const element of section.querySelectorAll('[id^="c"]')) {
    if (/^c\d{5,}$/.test(element.id)) return true;
  }
  return false;
}

/** The element the UI hides: `#comment-holder` for threaded, the wrapper of `#comments-block` for flat (never the form). */
function containerOf(parts: SectionParts): Element {
  if (parts.kind === 'threaded') return parts.list;
  const wrapper = parts.list.parentElement;
  const wrapsOnlyTheList =
    wrapper !== null && wrapper !== parts.section && wrapper.tagName !== 'BODY' && wrapper.querySelector('form, iframe, .comment-form') === null;
  return wrapsOnlyTheList ? wrapper : parts.list;
}

/** More comments exist than the page holds: fewer comments than announced, or a `.loadmore` with a published-min. */
function readLoadMore(list: Element, totalCount: number | null, onPage: number): PageComments['loadMore'] {
  const loadMore = findLoadMore(list);
  const minText = loadMore?.getAttribute('data-published-min')?.trim() ?? '';
  const publishedMinMs = /^\d+$/.test(minText) ? Number(minText) : null;
  if (publishedMinMs !== null || (totalCount !== null && onPage < totalCount)) return { publishedMinMs };
  return null;
}

/** Threaded pages keep `.loadmore` in `.toplevel-thread` just under the holder: look there before searching. */
function findLoadMore(list: Element): Element | null {
  for (let thread = list.firstElementChild; thread; thread = thread.nextElementSibling) {
    if (hasClass(thread, 'loadmore')) return thread;
    const inThread = childWithClass(thread, 'loadmore');
    if (inThread) return inThread;
  }
  return null;
}
