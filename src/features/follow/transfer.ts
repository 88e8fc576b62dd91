/** Follows and "mine" marks in the export file, and their merge on import (added when absent; the newer follow wins). */
import { readKeys } from '../../shared/storage';
import { mineKey, minesIn, parseMine, type Mine } from './mine-store';
import { followKey, followStatesIn, parseFollow, type Follow } from './store';

export interface FollowExport {
  follows: Follow[];
  mine: Mine[];
}

export async function loadFollowExport(): Promise<FollowExport> {
  const all = await readKeys('local', null);
  const follows = [...followStatesIn(all).values()].map((state) => state.follow).sort((a, b) => a.at - b.at);
  return { follows, mine: minesIn(all) };
}

/** What merging imported follows and marks did: the writes to make and how many were taken. */
export interface FollowMerge {
  writes: Record<string, unknown>;
  follows: number;
  mine: number;
  skipped: number;
}

/**
 * Merge imported follows and marks into those here (`all`: a snapshot of storage.local): a follow absent here is
 * added, one present is replaced only by a newer one; a mark absent here is added. Unreadable entries are skipped.
 */
export function mergeFollowImport(all: Record<string, unknown>, follows: readonly unknown[], mine: readonly unknown[]): FollowMerge {
  const result: FollowMerge = { writes: {}, follows: 0, mine: 0, skipped: 0 };
  for (const raw of follows) {
    const incoming = parseFollow(raw);
    if (!incoming) {
      result.skipped += 1;
      continue;
    }
    const key = followKey(incoming.postKey);
    const here = parseFollow(result.writes[key] ?? all[key]);
    if (here && here.at >= incoming.at) continue;
    if (!result.writes[key]) result.follows += 1;
    result.writes[key] = incoming;
  }
  for (const raw of mine) {
    const incoming = parseMine(raw);
    if (!incoming) {
      result.skipped += 1;
      continue;
    }
    const key = mineKey(incoming.postKey, incoming.commentId);
    if (parseMine(result.writes[key] ?? all[key])) continue;
    result.writes[key] = incoming;
    result.mine += 1;
  }
  return result;
}
