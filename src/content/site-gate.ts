/** Per-site start-up for the content script: runs only where allowed, holds the one live settings store, answers the popup. */
import { hostOfUrl } from '../shared/sites/hosts';
import { sitePolicy } from '../shared/sites/policy';
import { liveSettings, loadSettings, type Settings } from '../shared/settings';
import { untilAborted, type ValueStore } from '../shared/store';
import type { Controller } from '../ui/controller';
import type { ThreadModel, ViewMode } from '../ui/model';
import type { Mounted } from '../ui/mount';
import { answerPopup } from './popup-bridge';

export interface SiteGate {
  host: string;
  /** The reader's settings, live for the page's life: the one store every feature reads. */
  settings: ValueStore<Settings>;
  /** The comments collapsed at first show when the post has no remembered state. */
  initialCollapsed(model: ThreadModel, view: ViewMode): string[];
  /**
   * Hand over what runs on the page (the mounted view, or a list page's run): it stops when Threadline is disabled for
   * the site; a view is also seen by the popup and follows view and collapse settings live.
   */
  attach(run: PageRun): void;
}

/** What runs on a page: the mounted thread view, or a list page's features (no controller). */
export type PageRun = Pick<Mounted, 'destroy' | 'signal'> & { controller?: Controller };

/** Every comment with replies in `view` (what "collapse replies by default" collapses). */
export function commentsWithReplies(model: ThreadModel, view: ViewMode): string[] {
  return [...model.trees[view].children.entries()].filter(([, kids]) => kids.length > 0).map(([id]) => id);
}

/** Apply a settings change to a live view: a new default view, collapse default or evidence level is shown at once. */
export function followSettingsChange(controller: Controller, before: Settings, after: Settings): void {
  if (after.threadEvidence !== before.threadEvidence) controller.setEvidenceLevel(after.threadEvidence);
  if (after.defaultView !== before.defaultView) controller.actions.setView(after.defaultView);
  if (after.collapseRepliesByDefault !== before.collapseRepliesByDefault) {
    if (after.collapseRepliesByDefault) controller.actions.collapseAll();
    else controller.actions.expandAll();
  }
}

/** Load settings and decide; null (and nothing changed on the page) where Threadline must not run. */
export async function openSiteGate(url: string): Promise<SiteGate | null> {
  const host = hostOfUrl(url);
  if (!host) return null;
  const initial = await loadSettings();
  if (!sitePolicy(host, initial).run) return null;
  const life = new AbortController();
  const settings = liveSettings(initial, life.signal);
  let mounted: PageRun | null = null;
  untilAborted(
    life.signal,
    answerPopup({ host, controller: () => mounted?.controller ?? null, glossary: () => sitePolicy(host, settings.get()).glossary }),
  );
  let before = initial;
  untilAborted(
    life.signal,
    settings.subscribe(() => {
      const next = settings.get();
      const previous = before;
      before = next;
      if (!sitePolicy(host, next).run) mounted?.destroy();
      else if (mounted?.controller) followSettingsChange(mounted.controller, previous, next);
    }),
  );
  return {
    host,
    settings,
    initialCollapsed: (model, view) => (settings.get().collapseRepliesByDefault ? commentsWithReplies(model, view) : []),
    attach(view) {
      mounted = view;
      // The gate lives as long as the view: once it is destroyed (disabled for the site, or a failure), it stops too.
      untilAborted(view.signal, () => {
        mounted = null;
        life.abort();
      });
    },
  };
}
