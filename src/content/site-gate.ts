/** Per-site start-up for the content script: runs only where allowed, answers the popup, follows settings live. */
import { hostOfUrl } from '../shared/sites/hosts';
import { sitePolicy, type SitePolicy } from '../shared/sites/policy';
import { loadSettings, onSettingsChanged, type Settings } from '../shared/settings';
import type { Controller } from '../ui/controller';
import type { ThreadModel, ViewMode } from '../ui/model';
import type { Mounted } from '../ui/mount';
import { answerPopup } from './popup-bridge';

export interface SiteGate {
  host: string;
  settings: Settings;
  /** Whether the probation glossary is on for this site (live: read it when needed). */
  policy: SitePolicy;
  /** The comments collapsed at first show when the post has no remembered state. */
  initialCollapsed(model: ThreadModel, view: ViewMode): string[];
  /** Hand over the mounted view: the popup sees it, and it follows view, collapse and site settings live. */
  attach(mounted: Mounted): void;
}

/** Every comment with replies in `view` (what "collapse replies by default" collapses). */
export function commentsWithReplies(model: ThreadModel, view: ViewMode): string[] {
  return [...model.trees[view].children.entries()].filter(([, kids]) => kids.length > 0).map(([id]) => id);
}

/** Apply a settings change to a live view: a new default view or collapse default is shown at once. */
export function followSettingsChange(controller: Controller, before: Settings, after: Settings): void {
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
  let settings = await loadSettings();
  const policy = sitePolicy(host, settings);
  if (!policy.run) return null;
  let mounted: Mounted | null = null;
  const stopAnswering = answerPopup({ host, controller: () => mounted?.controller ?? null, glossary: () => gate.policy.glossary });
  const stopFollowing = onSettingsChanged((next) => {
    const before = settings;
    settings = next;
    gate.settings = next;
    gate.policy = sitePolicy(host, next);
    if (!gate.policy.run) {
      mounted?.destroy();
      return;
    }
    if (mounted) followSettingsChange(mounted.controller, before, next);
  });
  const gate: SiteGate = {
    host,
    settings,
    policy,
    initialCollapsed: (model, view) => (settings.collapseRepliesByDefault ? commentsWithReplies(model, view) : []),
    attach(view) {
      mounted = view;
      const destroy = view.destroy;
      view.destroy = () => {
        mounted = null;
        stopFollowing();
        stopAnswering();
        destroy();
      };
    },
  };
  return gate;
}
