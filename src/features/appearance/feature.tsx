/**
 * appearance: the reader's light / dark choice on the view (data-tl-scheme on the shadow host, see ui/theme/tokens.css),
 * the toolbar menu's "Options", and the one-time hint on the first post after install.
 */
import { t } from '../../shared/i18n';
import { warnOnce } from '../../shared/log';
import { sendToBackground } from '../../shared/messages';
import { untilAborted } from '../../shared/store';
import { MenuItem } from '../../ui/ToolbarMenu';
import { FirstUseHint, readHintDismissed } from './first-use';

/** Read in `restore`, before the first render (start.ts always awaits it); no hint on a view mounted without restoring. */
let hintDismissed = true;
import { defineFeature } from '../../ui/feature';
import { applyScheme } from '../../ui/theme/scheme';

export default defineFeature({
  id: 'appearance',
  async restore() {
    hintDismissed = await readHintDismissed();
    return null;
  },
  init(ctx, signal) {
    const host = ctx.controller.uiRoot.host;
    const apply = () => applyScheme(host, ctx.settings.get().colorScheme);
    apply();
    untilAborted(signal, ctx.settings.subscribe(apply));
    const openOptions = () => {
      void sendToBackground({ type: 'threadline:open-options' }).catch((error: unknown) => warnOnce('could not open the options page.', error));
    };
    return {
      panel: <FirstUseHint dismissed={hintDismissed} />,
      toolbar: {
        place: 'menu',
        content: (
          <MenuItem data-thread-action="options" icon="icon-options" onSelect={openOptions}>
            {t('view_options')}
          </MenuItem>
        ),
      },
    };
  },
});
