/**
 * What other parts of Threadline may use of following and "mine": the names of the comment marks, a live index of
 * followed posts, the reader's comments and the replies to them (for the Latest view's "only posts I follow" and
 * "Replies to me" filters), following a post from elsewhere, and the export/import of both.
 */
import { readKeys } from '../../shared/storage';
import { IdSetStore, untilAborted } from '../../shared/store';
import { minesIn, PAGE_REPLIES_PREFIX, parsePageReplies, watchMineChanges } from './mine-store';
import { follow, followStatesIn, FOLLOW_VERSION, unfollow, watchFollows } from './store';
import { unseenRepliesOf } from './summary';

/** Comments the reader marked as theirs. */
export const MINE_MARK = 'mine';
/** Comments that answer one of the reader's (by the threads' inference). */
export const REPLY_TO_ME_MARK = 'reply-to-me';

/** The live index: every store updates when another tab, the background or an import changes what it holds. */
export interface FollowIndex {
  /** Post keys (Blogger post id, else the post URL) of followed posts. */
  followedPosts: IdSetStore;
  /** Blogger post ids of followed posts (what a feed entry's `thr$in-reply-to` names). */
  followedPostIds: IdSetStore;
  /** Comment ids the reader marked as theirs. */
  myComments: IdSetStore;
  /** Comment ids of replies to the reader's comments: found on posts they opened, and by background checks not yet seen. */
  repliesToMe: IdSetStore;
  /** Resolves once the stores hold what is stored. */
  ready: Promise<void>;
}

/** Read the index once and keep it current until `signal` aborts. */
export function watchFollowIndex(signal: AbortSignal): FollowIndex {
  const index: Omit<FollowIndex, 'ready'> = {
    followedPosts: new IdSetStore(),
    followedPostIds: new IdSetStore(),
    myComments: new IdSetStore(),
    repliesToMe: new IdSetStore(),
  };
  const load = async () => {
    const all = await readKeys('local', null);
    if (signal.aborted) return;
    const states = [...followStatesIn(all).values()];
    index.followedPosts.replace(states.map((state) => state.follow.postKey));
    index.followedPostIds.replace(states.flatMap((state) => (state.follow.postId ? [state.follow.postId] : [])));
    index.myComments.replace(minesIn(all).map((mine) => mine.commentId));
    const onPages = Object.entries(all).flatMap(([key, value]) => (key.startsWith(PAGE_REPLIES_PREFIX) ? parsePageReplies(value) : []));
    index.repliesToMe.replace([...onPages, ...states.flatMap((state) => unseenRepliesOf(state).map((reply) => reply.id))]);
  };
  const reload = () => void load().catch(() => undefined);
  untilAborted(signal, watchFollows(reload), watchMineChanges(reload));
  return { ...index, ready: load().catch(() => undefined) };
}

/** Follow a post from anywhere (the Latest view): its comments count as new from the next check on. */
export function followPost(post: { postKey: string; postId: string | null; url: string; title: string }, now = Date.now()): Promise<void> {
  return follow({ v: FOLLOW_VERSION, ...post, at: now }, null, now);
}

export function unfollowPost(postKey: string): Promise<void> {
  return unfollow([postKey]);
}

export { loadFollowExport, mergeFollowImport, type FollowExport, type FollowMerge } from './transfer';
export type { Follow } from './store';
export type { Mine } from './mine-store';
