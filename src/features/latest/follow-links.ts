/**
 * What the Latest view takes from following: the "Only posts I follow" and "Replies to me" filters and the Follow
 * toggle of each post's group, read from follow's live index (through its api.ts) and kept current by it.
 */
import type { LatestComment } from '../../blogger/latest-feed';
import { t } from '../../shared/i18n';
import type { IdSetStore } from '../../shared/store';
import { followPost, unfollowPost, watchFollowIndex, type FollowIndex } from '../follow/api';
import type { LatestToggleFilter } from './filters';

/** Following as the Latest view sees it (a fake in tests). */
export interface LatestFollows {
  /** The stores whose changes change what the filters and toggles show. */
  stores: readonly IdSetStore[];
  filters: readonly LatestToggleFilter[];
  isFollowed(comment: LatestComment): boolean;
  /** Follow or stop following the post of `comment`. */
  setFollowed(comment: LatestComment, on: boolean): Promise<void>;
}

/** The keys a post may be followed under: its Blogger id, else its URL (follow's post key). */
function keysOf(comment: LatestComment): string[] {
  return [comment.postId, comment.postUrl];
}

/** The Latest view's link to follow's index. */
export function latestFollows(index: FollowIndex): LatestFollows {
  const isFollowed = (comment: LatestComment) =>
    index.followedPostIds.has(comment.postId) || keysOf(comment).some((key) => index.followedPosts.has(key));
  return {
    stores: [index.followedPosts, index.followedPostIds, index.repliesToMe],
    filters: [
      { id: 'followed', kind: 'toggle', label: () => t('latest_filter_followed'), test: isFollowed },
      { id: 'replies-to-me', kind: 'toggle', label: () => t('latest_filter_replies_to_me'), test: (comment) => index.repliesToMe.has(comment.id) },
    ],
    isFollowed,
    async setFollowed(comment, on) {
      if (on) {
        await followPost({ postKey: comment.postId, postId: comment.postId, url: comment.postUrl, title: comment.postTitle });
        return;
      }
      const keys = keysOf(comment).filter((key) => index.followedPosts.has(key));
      for (const key of keys.length > 0 ? keys : [comment.postId]) await unfollowPost(key);
    },
  };
}

/**
 * The follow links, built when the Latest view is first shown: the follow index reads all of local storage, which a
 * page whose reader never opens Latest should not pay for at start-up.
 */
export function latestFollowsWhenShown(signal: AbortSignal): () => LatestFollows {
  let follows: LatestFollows | null = null;
  return () => {
    follows ??= latestFollows(watchFollowIndex(signal));
    return follows;
  };
}
