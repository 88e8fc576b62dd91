/** Answers the toolbar popup: this page's state ("212 comments, 14 new, 3 saved") and its quick view switch. */
import browser from '../shared/browser';
import { NEW_MARK } from '../features/new-comments/api';
import { SAVED_MARK } from '../features/reading/api';
import type { Controller } from '../ui/controller';
import type { ViewMode } from '../ui/model';

/** What the popup asks the active tab's content script. */
export type PopupRequest = { type: 'threadline:state' } | { type: 'threadline:set-view'; view: ViewMode };

/** The page state the popup shows. `active` is false where Threadline runs but found no comments to arrange. */
export interface PageState {
  active: boolean;
  host: string;
  comments: number;
  new: number;
  saved: number;
  view: ViewMode | null;
  glossary: boolean;
}

function isPopupRequest(message: unknown): message is PopupRequest {
  const type = (message as { type?: unknown } | null)?.type;
  return type === 'threadline:state' || type === 'threadline:set-view';
}

/** The state of a page from its controller (null when Threadline is not showing). */
export function pageStateOf(controller: Controller | null, host: string, glossary: boolean): PageState {
  if (!controller) return { active: false, host, comments: 0, new: 0, saved: 0, view: null, glossary };
  return {
    active: true,
    host,
    comments: controller.model.get().comments.size,
    new: controller.marks.of(NEW_MARK).size,
    saved: controller.marks.of(SAVED_MARK).size,
    view: controller.view.get(),
    glossary,
  };
}

export interface PopupBridgeSource {
  /** The current controller, or null while Threadline is not showing (it can be destroyed and remounted). */
  controller(): Controller | null;
  host: string;
  glossary(): boolean;
}

/** Start answering the popup; returns a stop function. */
export function answerPopup(source: PopupBridgeSource): () => void {
  const listener = (message: unknown): Promise<PageState> | undefined => {
    if (!isPopupRequest(message)) return undefined;
    const controller = source.controller();
    if (message.type === 'threadline:set-view' && controller && (message.view === 'threaded' || message.view === 'posted')) {
      controller.actions.setView(message.view);
    }
    return Promise.resolve(pageStateOf(controller, source.host, source.glossary()));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
