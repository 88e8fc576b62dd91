/** appearance: the reader's light / dark choice on the view (data-tl-scheme on the shadow host, see ui/theme/tokens.css). */
import { untilAborted } from '../../shared/store';
import { defineFeature } from '../../ui/feature';
import { applyScheme } from '../../ui/theme/scheme';

export default defineFeature({
  id: 'appearance',
  init(ctx, signal) {
    const host = ctx.controller.uiRoot.host;
    const apply = () => applyScheme(host, ctx.settings.get().colorScheme);
    apply();
    untilAborted(signal, ctx.settings.subscribe(apply));
    return {};
  },
});
