/**
 * The latest comments across the blog: a "Latest" panel in the in-page sidebar (beside the reading list) fed by the
 * blog-wide comment feed through the feed chunk, and a toolbar button that opens it. Choosing a comment jumps to it
 * on this post, or opens its post at it. Following adds its filters and a Follow toggle per post. On the blog's
 * post lists, a small button opens the same panel (list-page.tsx).
 */
import type { LatestComment } from '../../blogger/latest-feed';
import { t } from '../../shared/i18n';
import { untilAborted } from '../../shared/store';
import { defineFeature } from '../../ui/feature';
import type { SidebarHost } from '../../ui/sidebar/sidebar-host';
import { useValue } from '../../ui/store';
import type { FeedChunkApi } from '../feed/api';
import { MenuItem } from '../../ui/ToolbarMenu';
import { LATEST_PANEL } from './api';
import styles from './latest.css';
import { latestFollowsWhenShown } from './follow-links';
import { LatestStore } from './latest-store';
import { startLatestOnList } from './list-page';
import { LatestView } from './LatestView';
import { ReadState } from './read-state';

/** In the toolbar's menu: the Latest tab of the sidebar (checked while it is the panel shown). */
function LatestItem({ sidebar }: { sidebar: SidebarHost }) {
  const state = useValue(sidebar.state);
  return (
    <MenuItem
      data-thread-action="latest"
      icon="icon-latest"
      checked={state.open && state.active === LATEST_PANEL}
      onSelect={() => sidebar.toggle(LATEST_PANEL)}
    >
      {t('latest_open')}
    </MenuItem>
  );
}

export default defineFeature({
  id: 'latest',
  styles,
  pages: ['post', 'list'],
  initList: startLatestOnList,
  init(ctx, signal) {
    const { controller, sidebar, win } = ctx;
    const origin = win.location.origin;
    const store = new LatestStore({
      origin,
      source: async (startIndex, pageSize, abort) =>
        (await ctx.loadChunk<FeedChunkApi>('feed')).loadLatestPage({ origin, startIndex, pageSize, signal: abort }),
    });
    const reads = new ReadState();
    const follows = latestFollowsWhenShown(signal);
    untilAborted(
      signal,
      () => store.cancel(),
      () => reads.destroy(),
    );

    const land = (comment: LatestComment) => {
      if (sidebar.state.get().overlay) sidebar.close();
      controller.actions.jumpTo(comment.id, { focus: true });
    };
    const open = (comment: LatestComment) => {
      const elsewhere = () => win.location.assign(comment.permalink);
      if (comment.postId !== ctx.page.post.postId) {
        elsewhere();
        return;
      }
      if (controller.model.get().comments.has(comment.id)) {
        land(comment);
        return;
      }
      void ctx.completeComments().then(() => (controller.model.get().comments.has(comment.id) ? land(comment) : elsewhere()), elsewhere);
    };

    function LatestPanel() {
      return <LatestView store={store} reads={reads} onOpen={open} currentPostId={ctx.page.post.postId} follows={follows()} />;
    }
    untilAborted(signal, sidebar.addPanel({ id: LATEST_PANEL, label: () => t('latest_tab'), content: LatestPanel, focus: '[data-latest-open]' }));
    return { toolbar: { place: 'menu', content: <LatestItem sidebar={sidebar} /> } };
  },
});
