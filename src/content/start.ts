/** The content script's whole start-up: read the page, build the model, mount the view, land on a linked comment. */
import { readPage, ReaderError } from '../blogger';
import type { PageComments } from '../blogger/types';
import { loadPostViewState } from '../storage/collapse-state';
import { warnOnce } from '../ui/log';
import { buildModelInSlices } from '../ui/model';
import { mountThreadline, type Mounted } from '../ui/mount';
import { createFeedFeature, feedStatusTool, type FeedFeature } from './feed-feature';
import { targetCommentId } from './landing';
import { persistViewState } from './persist';
import { openSiteGate } from './site-gate';
import { createReadingFeature, READING_STYLES, type ReadingFeature } from './reading-feature';
import { createFiltersFeature, filterStyles, type FiltersFeature } from './filters-feature';
import { createKeyboardFeature, keyboardStyles, type KeyboardFeature } from './keyboard-feature';
import { createGlossaryFeature, GLOSSARY_TOOL_STYLES, prepareGlossaryEntries, type GlossaryFeature } from './glossary-feature';

/** A stable key for per-post state: the Blogger post id, else the post URL. */
export function postKeyOf(page: PageComments): string {
  return page.post.postId ?? page.post.url;
}

/** Restructure the page's comment section, or leave the page exactly as it is and say why in one warning. */
export async function start(doc: Document, url: string): Promise<Mounted | null> {
  const site = await openSiteGate(url).catch((error: unknown) => {
    warnOnce('could not read the settings; the blog’s own comments are shown unchanged.', error);
    return null;
  });
  if (!site) return null;
  let page: PageComments | null;
  try {
    page = readPage(doc, url);
  } catch (error) {
    const reason = error instanceof ReaderError ? error.message : String(error);
    warnOnce(`left this page's comments as they are: ${reason}`, error instanceof ReaderError ? undefined : error);
    return null;
  }
  if (!page || page.comments.length === 0) return null;
  if (page.warnings?.length) warnOnce(`read ${page.comments.length} comments, but skipped or could not fully read: ${page.warnings.join("; ")}`);
  const original = page.container as HTMLElement;
  const postKey = postKeyOf(page);
  let mounted: Mounted | null = null;
  try {
    const [remembered, glossaryEntries] = await Promise.all([loadPostViewState(postKey).catch(() => null), prepareGlossaryEntries()]);
    const model = await buildModelInSlices(page.post, page.comments);
    const target = targetCommentId(url, page.comments);
    let feed: FeedFeature | null = null;
    let reading: ReadingFeature | null = null;
    let filters: FiltersFeature | null = null;
    let keyboard: KeyboardFeature | null = null;
    let glossary: GlossaryFeature | null = null;
    mounted = mountThreadline({
      doc,
      original,
      model,
      view: remembered?.view ?? site.settings.defaultView,
      collapsed: remembered?.collapsed ?? site.initialCollapsed(model, remembered?.view ?? site.settings.defaultView),
      tools: (controller) => {
        feed = createFeedFeature(page!, controller, undefined, (all) => {
          const id = targetCommentId(doc.location.href, all);
          if (id && id !== target) controller.actions.jumpTo(id, { focus: true });
        });
        reading = createReadingFeature({ doc, post: page!.post, controller, loadAll: feed ? () => feed!.complete() : undefined });
        const filtersFeature = createFiltersFeature(controller, { postKey, win: doc.defaultView ?? window });
        filters = filtersFeature;
        keyboard = createKeyboardFeature(controller, { doc, focusSearch: () => filtersFeature.focusSearch() });
        glossary = createGlossaryFeature(controller, { doc, host: site.host, entries: glossaryEntries, settings: site.settings });
        return [feedStatusTool(feed), reading.tools, filtersFeature.tool, glossary.tool];
      },
      panels: () => (filters as FiltersFeature | null)?.panel,
      overlays: () => [(reading as ReadingFeature | null)?.overlays, (keyboard as KeyboardFeature | null)?.overlay],
      extraStyles: [READING_STYLES, filterStyles, keyboardStyles, GLOSSARY_TOOL_STYLES],
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
      (filters as FiltersFeature | null)?.destroy();
      (keyboard as KeyboardFeature | null)?.destroy();
      (glossary as GlossaryFeature | null)?.destroy();
      stopPersisting();
      doc.defaultView?.removeEventListener('hashchange', onHashChange);
      destroy();
    };
    site.attach(mounted);
    return mounted;
  } catch (error) {
    mounted?.destroy();
    warnOnce('could not arrange the comments; the blog’s own comments are shown unchanged.', error);
    return null;
  }
}
