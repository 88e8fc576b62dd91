/** The content script's whole start-up: read the page, build the model, mount the view, land on a linked comment. */
import { readPage, ReaderError } from '../blogger';
import type { PageComments } from '../blogger/types';
import { loadPostViewState } from '../storage/collapse-state';
import { warnOnce } from '../ui/log';
import { buildModel } from '../ui/model';
import { mountThreadline, type Mounted } from '../ui/mount';
import { createFeedFeature, feedStatusTool, type FeedFeature } from './feed-feature';
import { targetCommentId } from './landing';
import { persistViewState } from './persist';
import { createReadingFeature, READING_STYLES, type ReadingFeature } from './reading-feature';

/** A stable key for per-post state: the Blogger post id, else the post URL. */
export function postKeyOf(page: PageComments): string {
  return page.post.postId ?? page.post.url;
}

/** Restructure the page's comment section, or leave the page exactly as it is and say why in one warning. */
export async function start(doc: Document, url: string): Promise<Mounted | null> {
  let page: PageComments | null;
  try {
    page = readPage(doc, url);
  } catch (error) {
    const reason = error instanceof ReaderError ? error.message : String(error);
    warnOnce(`left this page's comments as they are: ${reason}`, error instanceof ReaderError ? undefined : error);
    return null;
  }
  if (!page || page.comments.length === 0) return null;
  const original = page.container as HTMLElement;
  const postKey = postKeyOf(page);
  let mounted: Mounted | null = null;
  try {
    const remembered = await loadPostViewState(postKey).catch(() => null);
    const model = buildModel(page.post, page.comments);
    const target = targetCommentId(url, page.comments);
    let feed: FeedFeature | null = null;
    let reading: ReadingFeature | null = null;
    mounted = mountThreadline({
      doc,
      original,
      model,
      view: remembered?.view ?? 'threaded',
      collapsed: remembered?.collapsed ?? [],
      tools: (controller) => {
        feed = createFeedFeature(page!, controller, undefined, (all) => {
          const id = targetCommentId(doc.location.href, all);
          if (id && id !== target) controller.actions.jumpTo(id, { focus: true });
        });
        reading = createReadingFeature({ doc, post: page!.post, controller, loadAll: feed ? () => feed!.complete() : undefined });
        return [feedStatusTool(feed), reading.tools];
      },
      overlays: () => (reading as ReadingFeature | null)?.overlays,
      extraStyles: [READING_STYLES],
      onReady: (controller) => {
        if (target) controller.actions.jumpTo(target, { focus: true });
      },
      onError: (error) => warnOnce('stopped showing threads after an error; the blog’s own comments are back.', error),
    });
    const stopPersisting = persistViewState(mounted.controller, postKey);
    void (feed as FeedFeature | null)?.load();
    const controller = mounted.controller;
    const onHashChange = () => {
      const id = targetCommentId(doc.location.href, [...controller.model.get().comments.values()].map((entry) => entry.record));
      if (id) controller.actions.jumpTo(id, { focus: true });
    };
    doc.defaultView?.addEventListener('hashchange', onHashChange);
    const destroy = mounted.destroy;
    mounted.destroy = () => {
      (reading as ReadingFeature | null)?.destroy();
      stopPersisting();
      doc.defaultView?.removeEventListener('hashchange', onHashChange);
      destroy();
    };
    return mounted;
  } catch (error) {
    mounted?.destroy();
    warnOnce('could not arrange the comments; the blog’s own comments are shown unchanged.', error);
    return null;
  }
}
