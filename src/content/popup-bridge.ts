/** Answers the toolbar popup: this page's state ("212 comments, 14 new, 3 saved") and its quick view switch. */
import { onRuntimeMessage } from '../shared/browser';
import { parsePopupToContentMessage, refuse, type PageState, type PopupToContentMessage } from '../shared/messages';
import { NEW_MARK } from '../features/new-comments/api';
import { SAVED_MARK } from '../features/reading/api';
import type { Controller } from '../ui/controller';

/** What the popup asks the active tab's content script (src/shared/messages.ts). */
export type PopupRequest = PopupToContentMessage;
export type { PageState } from '../shared/messages';

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
  return onRuntimeMessage((message) => answerPopupMessage(message, source));
}

/** Answer one popup message; one that does not validate is refused (rejected, see src/shared/messages.ts) and changes nothing. */
export function answerPopupMessage(message: unknown, source: PopupBridgeSource): Promise<PageState> {
  const parsed = parsePopupToContentMessage(message);
  if (!parsed.ok) return refuse(parsed.error);
  const request = parsed.message;
  const controller = source.controller();
  if (request.type === 'threadline:set-view' && controller) controller.actions.setView(request.view);
  return Promise.resolve(pageStateOf(controller, source.host, source.glossary()));
}
