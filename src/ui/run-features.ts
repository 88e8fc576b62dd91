/** Starts the registered features on a mounted view: one AbortSignal each, their contributions gathered, their shortcuts dispatched. */
import { createElement, type ComponentChildren } from 'preact';
import { warnOnce } from '../shared/log';
import type { Settings } from '../shared/settings';
import { untilAborted, type ValueStore } from '../shared/store';
import type { Controller } from './controller';
import type { Feature, FeatureContext, FeatureView } from './feature';
import { attachKeyboardDispatch } from './keyboard/dispatch';
import { resolveShortcuts, type ResolvedShortcut } from './keyboard/shortcuts';
import { SidebarFrame } from './sidebar/SidebarFrame';
import { createSidebarHost } from './sidebar/sidebar-host';

/** What the features' runs add to the view, in feature-list order. */
export interface RunningFeatures {
  toolbar: ComponentChildren[];
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
    const run = new AbortController();
    untilAborted(signal, () => run.abort());
    try {
      const view = feature.init(context, run.signal) ?? {};
      views.push(view);
      for (const [id, handler] of Object.entries(view.shortcuts ?? {})) handlers.set(id, handler);
    } catch (error) {
      run.abort();
      warnOnce(`the ${feature.id} feature could not start; the rest of Threadline keeps working.`, error);
    }
  }

  controller.contributions.set({
    actions: views.flatMap((view) => (view.commentActions ? [view.commentActions] : [])),
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
    toolbar: views.map((view) => view.toolbar),
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
