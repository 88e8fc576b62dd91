/**
 * The reader's own comments ("This is mine"), one key per comment (`mine:<post>:<comment>`) in storage.local, so two
 * tabs marking at once lose nothing. Each mark keeps what reply inference needs of the comment (author, time, the
 * start of its text), so the background can find replies to it in the post's feed without the page.
 */
import { onAreaChanged, readKeys, removeKeys, writeKeys } from '../../shared/storage';

export const MINE_VERSION = 1;
export const MINE_PREFIX = 'mine:';
export const PAGE_REPLIES_PREFIX = 'mine-replies:';
/** Enough of a comment's text for quote references to it; the rest is never needed. */
export const MINE_TEXT_CHARS = 2000;
const MAX_PAGE_REPLIES = 500;
const ID = /^\d{1,20}$/;

/** One comment the reader marked as theirs. */
export interface Mine {
  v: typeof MINE_VERSION;
  postKey: string;
  commentId: string;
  /** When it was marked (epoch ms). */
  at: number;
  /** The comment as inference reads it (Blogger's parent, author, time, text). */
  parentId: string | null;
  author: string;
  displayTime: string;
  publishedMs: number;
  text: string;
}

export const mineKey = (postKey: string, commentId: string) => `${MINE_PREFIX}${postKey}:${commentId}`;
export const pageRepliesKey = (postKey: string) => `${PAGE_REPLIES_PREFIX}${postKey}`;

/** A well-formed mark, or null (anything else is ignored, never deleted). */
export function parseMine(value: unknown): Mine | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const m = value as Record<string, unknown>;
  if (m.v !== MINE_VERSION || typeof m.postKey !== 'string' || m.postKey === '' || m.postKey.length > 2000) return null;
  if (typeof m.commentId !== 'string' || !ID.test(m.commentId)) return null;
  const string = (field: unknown, max: number) => (typeof field === 'string' ? field.slice(0, max) : '');
  return {
    v: MINE_VERSION,
    postKey: m.postKey,
    commentId: m.commentId,
    at: typeof m.at === 'number' && Number.isFinite(m.at) ? m.at : 0,
    parentId: typeof m.parentId === 'string' && ID.test(m.parentId) ? m.parentId : null,
    author: string(m.author, 200),
    displayTime: string(m.displayTime, 100),
    publishedMs: typeof m.publishedMs === 'number' ? m.publishedMs : Number.NaN,
    text: string(m.text, MINE_TEXT_CHARS),
  };
}

/** Marks from a storage snapshot, only those under their own key (optionally of one post). */
export function minesIn(all: Record<string, unknown>, postKey?: string): Mine[] {
  const found: Mine[] = [];
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(MINE_PREFIX)) continue;
    const mine = parseMine(value);
    if (!mine || mineKey(mine.postKey, mine.commentId) !== key) continue;
    if (postKey === undefined || mine.postKey === postKey) found.push(mine);
  }
  return found.sort((a, b) => a.at - b.at);
}

/**
 * The reader's marks on one post: read by their own keys when the post's comment ids are given (a post page does not
 * read the whole of local storage, Latest's cache and all, to find a few marks), else from a whole snapshot.
 */
export async function loadMine(postKey: string, commentIds?: readonly string[]): Promise<Mine[]> {
  return minesIn(await readKeys('local', commentIds ? commentIds.map((id) => mineKey(postKey, id)) : null), postKey);
}

export async function saveMine(mine: Mine): Promise<void> {
  await writeKeys('local', { [mineKey(mine.postKey, mine.commentId)]: mine });
}

export async function removeMine(postKey: string, commentId: string): Promise<void> {
  await removeKeys('local', [mineKey(postKey, commentId)]);
}

/** The replies to the reader's comments found on the post when it was last open (for the Latest view's filter). */
export async function savePageReplies(postKey: string, ids: readonly string[], now = Date.now()): Promise<void> {
  await writeKeys('local', { [pageRepliesKey(postKey)]: { v: MINE_VERSION, ids: ids.slice(0, MAX_PAGE_REPLIES), at: now } });
}

export function parsePageReplies(value: unknown): string[] {
  if (!value || typeof value !== 'object') return [];
  const ids = (value as { ids?: unknown }).ids;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string' && ID.test(id)) : [];
}

/** Call `listener` when the reader's marks on one post change (in any tab). */
export function watchPostMine(postKey: string, listener: () => void): () => void {
  const prefix = mineKey(postKey, '');
  return onAreaChanged('local', (changes) => {
    if (Object.keys(changes).some((key) => key.startsWith(prefix))) listener();
  });
}

/** Call `listener` when marks or found replies change anywhere. */
export function watchMineChanges(listener: () => void): () => void {
  return onAreaChanged('local', (changes) => {
    if (Object.keys(changes).some((key) => key.startsWith(MINE_PREFIX) || key.startsWith(PAGE_REPLIES_PREFIX))) listener();
  });
}
