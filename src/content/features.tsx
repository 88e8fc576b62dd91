/** The view's features in toolbar order, each reduced to one shape: its tool, panel, overlay, styles and teardown. */
import type { ComponentChildren } from 'preact';
import type { Comment, PageComments } from '../blogger/types';
import type { GlossaryEntry } from '../features/glossary';
import type { Controller } from '../ui/controller';
import { createFeedFeature, feedStatusTool, type FeedFeature } from '../features/feed/feature';
import { createFiltersFeature, filterStyles } from '../features/filters/feature';
import { GLOSSARY_TOOL_STYLES } from '../features/glossary/glossary-view';
import { createKeyboardFeature, keyboardStyles } from '../features/keyboard/feature';
import { LAZY_CHUNK_STYLES } from '../ui/lazy-chunk';
import { createLazyGlossaryFeature } from '../features/glossary/lazy-glossary';
import { createReadingFeature, READING_STYLES } from '../features/reading/feature';
import { targetCommentId } from './landing';
import type { SiteGate } from './site-gate';

/** One feature as the view mounts it. */
export interface ViewFeature {
  tool?: ComponentChildren;
  panel?: ComponentChildren;
  overlay?: ComponentChildren;
  /** Called once the threads have first shown (e.g. to load a chunk at idle). */
  afterFirstRender?(): void;
  destroy?(): void;
}

/** Styles every feature adds to the shadow root. */
export const FEATURE_STYLES = [LAZY_CHUNK_STYLES, READING_STYLES, filterStyles, keyboardStyles, GLOSSARY_TOOL_STYLES];

export interface FeatureContext {
  doc: Document;
  page: PageComments;
  postKey: string;
  site: SiteGate;
  glossaryEntries: readonly GlossaryEntry[];
  /** The comment the page's URL pointed at when it opened. */
  initialTarget: string | null;
}

export interface ViewFeatures {
  list: ViewFeature[];
  /** Loading of the comments past the first ~200, when the page is cut short. */
  feed: FeedFeature | null;
}

/** Create every feature for a mounted view. */
export function createViewFeatures(controller: Controller, context: FeatureContext): ViewFeatures {
  const { doc, page, postKey, site } = context;
  const landOnLinkedComment = (all: Comment[]) => {
    const id = targetCommentId(doc.location.href, all);
    if (id && id !== context.initialTarget) controller.actions.jumpTo(id, { focus: true });
  };
  const feed = createFeedFeature(page, controller, undefined, landOnLinkedComment);
  const reading = createReadingFeature({ doc, post: page.post, controller, loadAll: feed ? () => feed.complete() : undefined });
  const filters = createFiltersFeature(controller, { postKey, win: doc.defaultView ?? window });
  const keyboard = createKeyboardFeature(controller, { doc, focusSearch: () => filters.focusSearch() });
  const glossary = createLazyGlossaryFeature(controller, { doc, host: site.host, entries: context.glossaryEntries, settings: site.settings });
  return {
    feed,
    list: [
      { tool: feedStatusTool(feed) },
      { tool: reading.tools, overlay: reading.overlays, destroy: () => reading.destroy() },
      { tool: filters.tool, panel: filters.panel, destroy: () => filters.destroy() },
      { tool: glossary.tool, afterFirstRender: () => glossary.loadWhenIdle(), destroy: () => glossary.destroy() },
      { overlay: keyboard.overlay, destroy: () => keyboard.destroy() },
    ],
  };
}
