/**
 * The one contract every feature folder implements (src/features/<name>/feature.ts): what it declares up front and
 * what its run contributes to the view. The core view renders contributions and names no feature.
 */
import type { ComponentChildren, ComponentType } from 'preact';
import type { PostList } from '../blogger/post-list';
import type { PageComments } from '../blogger/types';
import type { ReplyLink } from '../threads';
import type { Settings } from '../shared/settings';
import type { ValueStore } from '../shared/store';
import type { Controller } from './controller';
import type { ShortcutSpec } from './keyboard/shortcuts';
import type { ResolvedShortcut } from './keyboard/shortcuts';
import type { LoadChunk } from './chunk-loader';
import type { LinkOverrides, ViewMode } from './model';
import type { SidebarHost } from './sidebar/sidebar-host';

/** What a feature's run is handed: the view, the live settings, the page, and the ways to reach code and comments. */
export interface FeatureContext {
  controller: Controller;
  /** The reader's settings, kept live for the page's life: the only settings a feature reads. */
  settings: ValueStore<Settings>;
  /** The page as the reader found it (its post and the comments read from the markup). */
  page: PageComments;
  /** The key of per-post state: the Blogger post id, else the post URL. */
  postKey: string;
  /** The blog's host (the probation blog, or another Blogger blog the reader enabled). */
  host: string;
  doc: Document;
  win: Window;
  /** Load one of the on-demand chunks (src/shared/chunks.ts) into this page. */
  loadChunk: LoadChunk;
  /** Resolves once every comment of the post is in the view (at once when none is missing). */
  completeComments(): Promise<void>;
  /** The shortcut table with the reader's keys and only the shortcuts some feature handles (for the help dialog). */
  shortcuts(): ResolvedShortcut[];
  /** Run a shortcut as if its key had been pressed; false when nothing handled it. */
  runShortcut(id: string): boolean;
  /** The in-page sidebar: a feature adds its panel (`sidebar.addPanel`) and opens or closes it (`sidebar.toggle`). */
  sidebar: SidebarHost;
}

/** A comment's part in a feature's comment actions (Save, Save thread...). */
export interface CommentActionProps {
  id: string;
  /** Whether the comment has replies in the current view. */
  hasReplies: boolean;
  /** What placed the comment where it is (`data-thread-source`): Blogger, an inference, or the reader. */
  source: ReplyLink['source'];
}

/**
 * Where a comment action goes: `row` is the comment's visible action row (keep it to what most readers use), `menu`
 * the comment's "More actions" menu (render `MenuItem`s from src/ui/ToolbarMenu; rendered only while it is open).
 */
export type CommentActionPlace = 'row' | 'menu';

/** One placed comment action. */
export interface CommentActionContribution {
  place: CommentActionPlace;
  component: ComponentType<CommentActionProps>;
}

/** How the comment view shows one mark (a named set in `controller.marks`). */
export interface CommentMarkSpec {
  /** The mark's name: `controller.marks.of(mark)`. */
  mark: string;
  /** A class on the comment's element while marked (styles come with the feature). */
  className?: string;
  /** A data attribute set to "" while marked (part of the public DOM contract: document it in the README). */
  attribute?: string;
  /** A small label shown in the comment's header while marked ("new"). */
  label?: string;
  /** Shown instead of the comment's body while marked (a muted comment's stub). */
  cover?: ComponentType<{ id: string }>;
}

/**
 * Where a toolbar contribution goes: `bar` is the toolbar's one row (always visible: keep it small), `menu` the
 * toolbar's "More" menu (render `MenuItem`s from src/ui/ToolbarMenu), `filter` the filter area the "Filter" button
 * opens (filter controls and options).
 */
export type ToolbarPlace = 'bar' | 'menu' | 'filter';

/** One placed toolbar contribution. */
export interface ToolbarContribution {
  place: ToolbarPlace;
  content: ComponentChildren;
}

/** What a feature's run adds to the view; every part is optional. */
export interface FeatureView {
  /**
   * In the toolbar, in feature-list order: placed contributions (`{ place: 'menu', content: <MenuItem ... /> }`), or
   * plain children, which go in the bar.
   */
  toolbar?: ComponentChildren | ToolbarContribution | readonly ToolbarContribution[];
  /** Between the toolbar and the threads. */
  panel?: ComponentChildren;
  /** Outside the section (dialogs, sidebars). */
  overlay?: ComponentChildren;
  /**
   * Each comment's actions: placed components (`{ place: 'menu', component: ... }`), or a plain component, which goes
   * in the row.
   */
  commentActions?: ComponentType<CommentActionProps> | CommentActionContribution | readonly CommentActionContribution[];
  /** Marks the run sets on comments (named sets in `controller.marks`), and how each comment shows them. */
  commentMarks?: readonly CommentMarkSpec[];
  /** The handlers of the shortcuts the feature declared, by id; each returns whether it did something. */
  shortcuts?: Readonly<Record<string, () => boolean>>;
  /** Load the comments the page left out; resolves when every comment is in the view. */
  completeComments?(): Promise<void>;
  /** Called once the view is in the page (the first threads are rendering). */
  mounted?(): void;
  /** Called once every thread has rendered for the first time. */
  ready?(): void;
}

/** What a feature may restore before the first render, so nothing visibly jumps. */
export interface RestoredView {
  view?: ViewMode;
  collapsed?: readonly string[];
  /** Parents the reader set by hand, applied over the inferred links before the first render. */
  linkOverrides?: LinkOverrides;
}

/** The kinds of page a feature runs on: a post's own page (the thread view) or one of the blog's post lists. */
export type PageKind = 'post' | 'list';

/** What a feature's run on a list page (home, label, archive, search) is handed: no thread view, no toolbar. */
export interface ListPageContext {
  /** The reader's settings, kept live for the page's life. */
  settings: ValueStore<Settings>;
  /** The blog's host. */
  host: string;
  /** The page's URL as loaded. */
  url: string;
  /** The page's posts that have a comment link, as read (src/blogger/post-list.ts). */
  list: PostList;
  doc: Document;
  win: Window;
}

/** A feature: one object in one `feature.ts`, registered by one line in src/features/index.ts. */
export interface Feature {
  /** The folder name under src/features/. */
  id: string;
  /** CSS added to the view's shadow root. */
  styles?: string;
  /** The shortcuts it declares (its run supplies their handlers). */
  shortcuts?: readonly ShortcutSpec[];
  /** The on-demand chunk it loads through `ctx.loadChunk`, if any (the build makes it; a test checks). */
  lazy?: string;
  /** Read remembered state for the post before the first render (view, collapsed threads, link overrides). */
  restore?(postKey: string): Promise<RestoredView | null>;
  /** The pages it runs on; post pages only when absent. `'list'` needs `initList`, `'post'` needs `init`. */
  pages?: readonly PageKind[];
  /** Start the feature for one mounted view on a post page; everything it set up is undone when `signal` aborts. */
  init?(ctx: FeatureContext, signal: AbortSignal): FeatureView | undefined;
  /** Start the feature on a list page; everything it set up (in the page itself) is undone when `signal` aborts. */
  initList?(ctx: ListPageContext, signal: AbortSignal): void;
}

/** Whether a feature runs on a kind of page (post pages only unless it says otherwise). */
export function runsOn(feature: Feature, kind: PageKind): boolean {
  return (feature.pages ?? ['post']).includes(kind);
}

/** A typed identity for feature objects (so each `feature.ts` reads `export default defineFeature({...})`). */
export function defineFeature(feature: Feature): Feature {
  return feature;
}
