/** Keeps a post's collapse state and chosen view in storage, written a moment after the reader stops changing them. */
import { savePostViewState } from './collapse-state';
import type { Controller } from '../../ui/controller';
import { warnOnce } from '../../shared/log';

const WRITE_DELAY_MS = 250;

/** Start writing the controller's collapse state and view for `postKey`; returns a stop function. */
export function persistViewState(controller: Controller, postKey: string): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      savePostViewState(postKey, { collapsed: controller.collapsed.values(), view: controller.view.get() }).catch((error) =>
        warnOnce('could not remember which threads are collapsed.', error),
      );
    }, WRITE_DELAY_MS);
  };
  const stops = [controller.collapsed.subscribeAll(schedule), controller.view.subscribe(schedule)];
  return () => {
    clearTimeout(timer);
    for (const stop of stops) stop();
  };
}
