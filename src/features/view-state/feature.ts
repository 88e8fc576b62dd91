/** Remembers, per post, which threads are collapsed and which view the reader chose; restores both before the first render. */
import { warnOnce } from '../../shared/log';
import { untilAborted } from '../../shared/store';
import { defineFeature } from '../../ui/feature';
import { loadPostViewState } from './collapse-state';
import { persistViewState } from './persist';

export default defineFeature({
  id: 'view-state',
  async restore(postKey) {
    const remembered = await loadPostViewState(postKey).catch((error: unknown) => {
      warnOnce('could not read which threads were collapsed; showing them all.', error);
      return null;
    });
    return remembered && { view: remembered.view, collapsed: remembered.collapsed };
  },
  init(ctx, signal) {
    untilAborted(signal, persistViewState(ctx.controller, ctx.postKey));
  },
});
