/** Starts the registered features on a mounted view: one AbortSignal each, their contributions gathered, their shortcuts dispatched. */
import { createElement, type ComponentChildren, type ComponentType } from 'preact';
import { warnOnce } from '../shared/log';
import type { Settings } from '../shared/settings';
import { untilAborted, type ValueStore } from '../shared/store';
import type { CommentContributions } from './context';
import type { Controller } from './controller';
import {
  runsOn,
  type CommentActionContribution,
  type CommentActionProps,
  type Feature,
  type FeatureContext,
  type FeatureView,
  type ListPageContext,
  type ToolbarContribution,
  type ToolbarPlace,
} from './feature';
import { attachKeyboardDispatch } from './keyboard/dispatch';
import { resolveShortcuts, type ResolvedShortcut } from './keyboard/shortcuts';
import { SidebarFrame } from './sidebar/SidebarFrame';
import { createSidebarHost } from './sidebar/sidebar-host';

/** The features' toolbar contributions by place, each in feature-list order. */
export type PlacedTools = Record<ToolbarPlace, ComponentChildren[]>;

function isPlaced(value: unknown): value is ToolbarContribution {
  return typeof value === 'object' && value !== null && 'place' in value && 'content' in value && !('type' in value && 'props' in value);
}

/** Sort comment actions by place; a plain component (the contract before places) goes in the row. */
export function placeCommentActions(views: readonly FeatureView[]): CommentContributions['actions'] {
  const placed = { row: [] as ComponentType<CommentActionProps>[], menu: [] as ComponentType<CommentActionProps>[] };
  for (const { commentActions } of views) {
    if (!commentActions) continue;
    const list =
      typeof commentActions === 'function'
        ? [{ place: 'row' as const, component: commentActions }]
        : 'place' in commentActions
          ? [commentActions]
          : commentActions;
    for (const { place, component } of list as readonly CommentActionContribution[]) placed[place === 'menu' ? 'menu' : 'row'].push(component);
  }
  return placed;
}

/** Sort toolbar contributions by place; plain children (the contract before places) go in the bar. */
export function placeTools(toolbars: readonly FeatureView['toolbar'][]): PlacedTools {
  const placed: PlacedTools = { bar: [], menu: [], filter: [] };
  for (const toolbar of toolbars) {
    if (toolbar === undefined || toolbar === null) continue;
    const parts = isPlaced(toolbar) ? [toolbar] : Array.isArray(toolbar) && toolbar.length > 0 && toolbar.every(isPlaced) ? toolbar : null;
    if (!parts) {
      placed.bar.push(toolbar as ComponentChildren);
      continue;
    }
    for (const part of parts as ToolbarContribution[]) (placed[part.place] ?? placed.bar).push(part.content);
  }
  return placed;
}

/** What the features' runs add to the view, in feature-list order. */
export interface RunningFeatures {
  toolbar: PlacedTools;
  panels: ComponentChildren[];
  overlays: ComponentChildren[];
  /** Tell every feature the view is in the page. */
  mounted(): void;
  /** Tell every feature every thread has rendered once. */
  ready(): void;
}

/** The context a run needs besides what this module derives (the controller's shortcuts and comment completion). */
export type FeatureContextBase = Omit<FeatureContext, 'controller' | 'completeComments' | 'shortcuts' | 'runShortcut' | 'sidebar'>;

/** Every shortcut the features declare, in feature-list order (the help dialog and the options page list this). */
export function shortcutTable(features: readonly Feature[]): ResolvedShortcut[] {
  return resolveShortcuts(
    features.flatMap((feature) => feature.shortcuts ?? []),
    {},
  );
}

/**
 * Start each feature with its own AbortSignal (aborted with `signal`). A feature whose init throws is stopped and said
 * once; the others keep working.
 */
export function runFeatures(features: readonly Feature[], controller: Controller, base: FeatureContextBase, signal: AbortSignal): RunningFeatures {
  const handlers = new Map<string, () => boolean>();
  const views: FeatureView[] = [];
  const declared = features.flatMap((feature) => feature.shortcuts ?? []);
  const settings: ValueStore<Settings> = base.settings;
  const inForce = (): ResolvedShortcut[] => resolveShortcuts(declared, settings.get().keyBindings).filter((shortcut) => handlers.has(shortcut.id));
  const runShortcut = (id: string): boolean => handlers.get(id)?.() ?? false;
  const sidebar = createSidebarHost({ doc: base.doc, settings });
  untilAborted(signal, () => sidebar.destroy());

  const context: FeatureContext = {
    ...base,
    controller,
    shortcuts: inForce,
    runShortcut,
    sidebar,
    async completeComments() {
      for (const view of views) if (view.completeComments) await view.completeComments();
    },
  };

  for (const feature of features) {
    if (!runsOn(feature, 'post')) continue;
    const run = new AbortController();
    untilAborted(signal, () => run.abort());
    try {
      const view = feature.init?.(context, run.signal) ?? {};
      views.push(view);
      for (const [id, handler] of Object.entries(view.shortcuts ?? {})) handlers.set(id, handler);
    } catch (error) {
      run.abort();
      warnOnce(`the ${feature.id} feature could not start; the rest of Threadline keeps working.`, error);
    }
  }

  controller.contributions.set({
    actions: placeCommentActions(views),
    marks: views.flatMap((view) => view.commentMarks ?? []),
  });

  const keyboard = attachKeyboardDispatch({
    doc: base.doc,
    uiRoot: controller.uiRoot,
    shortcuts: inForce(),
    run: runShortcut,
    onCommentFocused: (id) => controller.current.set(id),
  });
  untilAborted(
    signal,
    settings.subscribe(() => keyboard.setShortcuts(inForce())),
    () => keyboard.destroy(),
  );

  const each = (call: (view: FeatureView) => void) => {
    for (const view of views) {
      try {
        call(view);
      } catch (error) {
        warnOnce('a feature failed while the view started; the threads keep working.', error);
      }
    }
  };
  return {
    toolbar: placeTools(views.map((view) => view.toolbar)),
    panels: views.map((view) => view.panel),
    overlays: [
      ...views.map((view) => view.overlay),
      createElement(SidebarFrame, {
        host: sidebar,
        onClosed: () => controller.elementOf(controller.current.get() ?? '')?.focus({ preventScroll: true }),
      }),
    ],
    mounted: () => each((view) => view.mounted?.()),
    ready: () => each((view) => view.ready?.()),
  };
}

/**
 * Start the features that run on list pages, each with its own AbortSignal (aborted with `signal`). A feature whose
 * start throws is stopped and said once; the others keep working. Returns how many started.
 */
export function runListFeatures(features: readonly Feature[], context: ListPageContext, signal: AbortSignal): number {
  let started = 0;
  for (const feature of features) {
    if (!runsOn(feature, 'list') || !feature.initList) continue;
    const run = new AbortController();
    untilAborted(signal, () => run.abort());
    try {
      feature.initList(context, run.signal);
      started++;
    } catch (error) {
      run.abort();
      warnOnce(`the ${feature.id} feature could not start on this list page; the rest of Threadline keeps working.`, error);
    }
  }
  return started;
}
