/** Post-list badges: on the blog's post lists, "5 new" beside a post's comment link since the last visit, "new post" for unopened new posts. */
import { warnOnce } from '../../shared/log';
import { onAreaChanged } from '../../shared/storage';
import { untilAborted } from '../../shared/store';
import { defineFeature } from '../../ui/feature';
import { lastVisitKey } from '../new-comments/api';
import { removeBadges } from './badge-dom';
import { showBadges } from './list-badges';

export default defineFeature({
  id: 'post-list-badges',
  pages: ['list'],
  initList(ctx, signal) {
    if (ctx.list.posts.length === 0) return; // a page without comment links is left exactly as it is
    const placed: HTMLElement[] = [];
    signal.addEventListener('abort', () => removeBadges(placed.splice(0)), { once: true });
    const show = () => {
      showBadges(ctx, signal, placed).catch((error: unknown) => {
        if (!signal.aborted) warnOnce('could not show the new-comment badges on this list page; the page is as the blog drew it.', error);
      });
    };
    show();
    // Back to the list from a post (the page restored from the back/forward cache): the visit just made counts.
    ctx.win.addEventListener('pageshow', (event) => (event as PageTransitionEvent).persisted && show(), { signal });
    // A post of this list read in another tab: its badge follows.
    const visitKeys = new Set(ctx.list.posts.flatMap((post) => (post.postId ? [post.postId, post.url] : [post.url]).map(lastVisitKey)));
    untilAborted(
      signal,
      onAreaChanged('local', (changes) => {
        if (Object.keys(changes).some((key) => visitKeys.has(key))) show();
      }),
    );
  },
});
