/** Per-post view state (collapsed threads and the chosen view), kept in browser.storage.local. */
import { readKey, removeKeys, writeKeys } from '../../shared/storage';

export const COLLAPSE_STATE_VERSION = 1;

/** What is remembered for one post. */
export interface PostViewState {
  v: typeof COLLAPSE_STATE_VERSION;
  /** Ids of comments whose replies are hidden. */
  collapsed: string[];
  /** The view the reader last chose, if any. */
  view?: 'threaded' | 'posted';
  /** When this was last written (epoch ms), so old entries can be pruned. */
  updatedAt: number;
}

/** The storage key for a post: its Blogger id when known, else its path. */
export function postViewKey(postKey: string): string {
  return `view:${postKey}`;
}

const ID = /^\d{1,20}$/;

/** Accept only well-formed state; anything else reads as "nothing remembered". */
export function parsePostViewState(value: unknown): PostViewState | null {
  if (!value || typeof value !== 'object') return null;
  const candidate = value as Partial<PostViewState>;
  if (candidate.v !== COLLAPSE_STATE_VERSION || !Array.isArray(candidate.collapsed)) return null;
  const collapsed = candidate.collapsed.filter((id): id is string => typeof id === 'string' && ID.test(id));
  const view = candidate.view === 'threaded' || candidate.view === 'posted' ? candidate.view : undefined;
  return {
    v: COLLAPSE_STATE_VERSION,
    collapsed,
    ...(view ? { view } : {}),
    updatedAt: Number(candidate.updatedAt) || 0,
  };
}

export async function loadPostViewState(postKey: string): Promise<PostViewState | null> {
  return parsePostViewState(await readKey('local', postViewKey(postKey)));
}

export async function savePostViewState(
  postKey: string,
  state: { collapsed: Iterable<string>; view?: 'threaded' | 'posted' },
  now = Date.now(),
): Promise<void> {
  const value: PostViewState = {
    v: COLLAPSE_STATE_VERSION,
    collapsed: [...state.collapsed],
    ...(state.view ? { view: state.view } : {}),
    updatedAt: now,
  };
  await writeKeys('local', { [postViewKey(postKey)]: value });
}

export async function forgetPostViewState(postKey: string): Promise<void> {
  await removeKeys('local', [postViewKey(postKey)]);
}
