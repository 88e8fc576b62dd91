/** What other parts of Threadline may use of the reading list: the names of its comment marks and which comments were read. */
import { loadProgress, onProgressChanged } from './storage/saved-progress';
import { readingPostKey } from './types';

/** Comments saved on their own in the reading list. */
export const SAVED_MARK = 'saved';
/** Comments saved with all their replies. */
export const SAVED_THREAD_MARK = 'saved-thread';
/** Comments counted as read (on screen long enough). */
export const READ_MARK = 'read';

/** The ids of a post's comments counted as read (the reading progress kept per post). */
export async function readCommentIds(post: { postId: string; url: string }): Promise<Set<string>> {
  return new Set((await loadProgress(readingPostKey(post)))?.ids ?? []);
}

/** Call `listener` with a post's key (its Blogger id) and its read ids whenever that post's reading progress changes. */
export function onReadCommentsChanged(listener: (postKey: string, ids: ReadonlySet<string>) => void): () => void {
  return onProgressChanged((postKey, progress) => listener(postKey, new Set(progress?.ids ?? [])));
}
