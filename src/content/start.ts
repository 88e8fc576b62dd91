/** The content script's whole start-up: read the page, restore what features remember, mount the view with the registered features. */
import { readPage, ReaderError } from '../blogger';
import { listKindOf } from '../blogger/post-list';
import type { PageComments } from '../blogger/types';
import { FEATURES } from '../features';
import { warnOnce } from '../shared/log';
import { runsOn, type Feature, type RestoredView } from '../ui/feature';
import { loadChunk } from '../ui/chunk-loader';
import { buildModelInSlices } from '../ui/model';
import { mountThreadline, type Mounted } from '../ui/mount';
import { runFeatures } from '../ui/run-features';
import { analyseInBackground } from './background-analysis';
import { followLinkedComment, targetCommentId } from './landing';
import { openSiteGate, type PageRun, type SiteGate } from './site-gate';
import { startListPage } from './start-list';

/** A stable key for per-post state: the Blogger post id, else the post URL. */
export function postKeyOf(page: PageComments): string {
  return page.post.postId ?? page.post.url;
}

/** What the features remember for the post, merged in feature order (a feature that cannot say is skipped). */
async function restoreView(features: readonly Feature[], postKey: string): Promise<RestoredView> {
  const parts = await Promise.all(features.map((feature) => feature.restore?.(postKey).catch(() => null) ?? null));
  return Object.assign({}, ...parts.filter(Boolean)) as RestoredView;
}

/**
 * Restructure the page's comment section, or leave the page exactly as it is and say why in one warning. On the blog's
 * post lists (home, label, archive, search) only the features that run on list pages start.
 */
export async function start(doc: Document, url: string, features: readonly Feature[] = FEATURES): Promise<Mounted | PageRun | null> {
  const site = await openSiteGate(url).catch((error: unknown) => {
    warnOnce('could not read the settings; the blog’s own comments are shown unchanged.', error);
    return null;
  });
  if (!site) return null;
  if (listKindOf(url)) return startListPage(doc, url, site, features);
  return startPostPage(
    doc,
    url,
    site,
    features.filter((feature) => runsOn(feature, 'post')),
  );
}

/** The post-page path: read the comments, restore what features remember, mount the thread view. */
async function startPostPage(doc: Document, url: string, site: SiteGate, features: readonly Feature[]): Promise<Mounted | null> {
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
  const readPageComments = page;
  const postKey = postKeyOf(page);
  let mounted: Mounted | null = null;
  try {
    const remembered = await restoreView(features, postKey);
    // The text analysis runs in the background, off the blog's main thread; the feed's rebuild reuses the same way.
    const model = await buildModelInSlices(
      page.post,
      page.comments,
      undefined,
      remembered.linkOverrides,
      site.settings.get().threadEvidence,
      analyseInBackground,
    );
    const target = targetCommentId(url, page.comments);
    const view = remembered.view ?? site.settings.get().defaultView;
    const win = doc.defaultView ?? window;
    mounted = await mountThreadline({
      doc,
      original: page.container as HTMLElement,
      model,
      view,
      collapsed: remembered.collapsed ?? site.initialCollapsed(model, view),
      featureStyles: features.flatMap((feature) => (feature.styles ? [feature.styles] : [])),
      startFeatures: (controller, signal) =>
        runFeatures(features, controller, { settings: site.settings, page: readPageComments, postKey, host: site.host, doc, win, loadChunk }, signal),
      onReady: (controller) => {
        if (target) controller.actions.jumpTo(target, { focus: true });
      },
      onError: (error) => warnOnce('stopped showing threads after an error; the blog’s own comments are back.', error),
    });
    followLinkedComment(mounted, target);
    site.attach(mounted);
    return mounted;
  } catch (error) {
    mounted?.destroy();
    warnOnce('could not arrange the comments; the blog’s own comments are shown unchanged.', error);
    return null;
  }
}
