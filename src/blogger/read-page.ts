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
  /** `empty-v3`: a v3 section with no comments, whose `list` is the empty wrapper. */
  kind: 'threaded' | 'flat-v2' | 'flat-v3' | 'empty-v3';
}

/**
 * Reads a Blogger post page. Returns null when the page has no comment section (index, label, archive pages);
 * throws ReaderError when it has one whose markup it does not understand.
 */
export function readPage(doc: Document, pageUrl: string): PageComments | null {
  const parts = findSection(doc, pageUrl);
  if (!parts) return null;
  if (parts.kind === 'empty-v3') return emptyV3Post(doc, pageUrl, parts);
  const collector = new CommentCollector();
  if (parts.kind === 'threaded') readThreadedComments(parts.list, pageUrl, collector);
  else if (parts.kind === 'flat-v2') readFlatV2Comments(parts.list, pageUrl, collector);
  else readFlatV3Comments(parts.list, pageUrl, collector);

  const comments = collector.finish();
  const warnings = [...collector.warnings];
  if (collector.withoutTime.length > 0) warnings.push(missingTimesWarning(collector.withoutTime, comments.length));
  const post = readPostInfo(doc, pageUrl, parts.section);
  if (post.totalCount !== null && post.totalCount > 0 && comments.length === 0) {
    throw new ReaderError(`${parts.layout}: the page announces ${post.totalCount} comments but none could be read`);
  }
  // A heading without a number ("Kommentare:") announces nothing: then the comments read are the count.
  post.totalCount = Math.max(post.totalCount ?? 0, comments.length);
  return {
    layout: parts.layout,
    post,
    comments,
    container: containerOf(parts),
    loadMore: readLoadMore(parts.list, post.totalCount, comments.length),
    warnings,
  };
}

/**
 * The one warning for comments whose permalink has no `showComment=<ms>` (static `/p/<slug>.html` pages link
 * `#c<id>` only): they are read all the same, keep their page order and display text, and take no part in
 * time-based reply finding unless the feed gives their time.
 */
function missingTimesWarning(ids: readonly string[], total: number): string {
  const shown = ids.slice(0, 5).map((id) => `c${id}`);
  const more = ids.length > shown.length ? ` and ${ids.length - shown.length} more` : '';
  return (
    `${ids.length} of ${total} comments have no showComment time in their permalink (${shown.join(', ')}${more}): ` +
    'read in page order with the time they display'
  );
}

/** A v3 post with no comments: an empty wrapper (no `#comments-block`) on a section classed `no-comments`. */
function emptyV3Post(doc: Document, pageUrl: string, parts: SectionParts): PageComments {
  const post = readPostInfo(doc, pageUrl, parts.section);
  post.totalCount = 0;
  return { layout: parts.layout, post, comments: [], container: parts.list, loadMore: null, warnings: [] };
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
  if (section && isEmptyV3Section(section)) {
    const wrapper = section.querySelector('#Blog1_comments-block-wrapper, .comments-content') ?? section;
    const layout = mobile ? 'mobile' : hasClass(section, 'threaded') ? 'threaded-v3' : 'flat-v3';
    return { layout, section, list: wrapper, kind: 'empty-v3' };
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

/** v3 themes render a post without comments as `section.comments.no-comments` (often `.has-message`) and no list. */
function isEmptyV3Section(section: Element): boolean {
  return hasClass(section, 'no-comments') || section.getAttribute('data-num-comments')?.trim() === '0';
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
