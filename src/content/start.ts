/** The content script's whole start-up: read the page, build the model, mount the view, land on a linked comment. */
import { readPage, ReaderError } from '../blogger';
import type { PageComments } from '../blogger/types';
import { loadPostViewState } from '../features/view-state/collapse-state';
import { warnOnce } from '../shared/log';
import { buildModelInSlices } from '../ui/model';
import { mountThreadline, type Mounted } from '../ui/mount';
import { createViewFeatures, FEATURE_STYLES, type ViewFeatures } from './features';
import { prepareGlossaryEntries } from '../features/glossary/glossary-view';
import { targetCommentId } from './landing';
import { persistViewState } from '../features/view-state/persist';
import { openSiteGate } from './site-gate';

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
  if (page.warnings?.length) warnOnce(`read ${page.comments.length} comments, but skipped or could not fully read: ${page.warnings.join('; ')}`);
  const original = page.container as HTMLElement;
  const postKey = postKeyOf(page);
  let mounted: Mounted | null = null;
  const holder: { features?: ViewFeatures } = {};
  try {
    const [remembered, glossaryEntries] = await Promise.all([loadPostViewState(postKey).catch(() => null), prepareGlossaryEntries()]);
    const model = await buildModelInSlices(page.post, page.comments);
    const target = targetCommentId(url, page.comments);
    const view = remembered?.view ?? site.settings.defaultView;
    mounted = await mountThreadline({
      doc,
      original,
      model,
      view,
      collapsed: remembered?.collapsed ?? site.initialCollapsed(model, view),
      tools: (controller) => {
        holder.features = createViewFeatures(controller, { doc, page: page!, postKey, site, glossaryEntries, initialTarget: target });
        return holder.features.list.map((feature) => feature.tool);
      },
      panels: () => holder.features?.list.map((feature) => feature.panel),
      overlays: () => holder.features?.list.map((feature) => feature.overlay),
      extraStyles: FEATURE_STYLES,
      onReady: (controller) => {
        if (target) controller.actions.jumpTo(target, { focus: true });
        for (const feature of holder.features?.list ?? []) feature.afterFirstRender?.();
      },
      onError: (error) => warnOnce('stopped showing threads after an error; the blog’s own comments are back.', error),
    });
    const stopPersisting = persistViewState(mounted.controller, postKey);
    void holder.features?.feed?.load();
    const controller = mounted.controller;
    const onHashChange = () => {
      const id = targetCommentId(doc.location.href, [...controller.model.get().comments.values()].map((entry) => entry.record));
      if (id) controller.actions.jumpTo(id, { focus: true });
    };
    doc.defaultView?.addEventListener('hashchange', onHashChange);
    const destroy = mounted.destroy;
    mounted.destroy = () => {
      for (const feature of holder.features?.list ?? []) feature.destroy?.();
      stopPersisting();
      doc.defaultView?.removeEventListener('hashchange', onHashChange);
      destroy();
    };
    site.attach(mounted);
    return mounted;
  } catch (error) {
    if (mounted) mounted.destroy();
    else for (const feature of holder.features?.list ?? []) feature.destroy?.();
    warnOnce('could not arrange the comments; the blog’s own comments are shown unchanged.', error);
    return null;
  }
}
