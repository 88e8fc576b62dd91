import { describe, expect, it } from 'vitest';
import { fromCompact, planSync, SYNC_QUOTA_BYTES, syncBytes, toCompact } from '../../../../src/features/reading/sync-plan';
import { savedKey, type SavedItem } from '../../../../src/features/reading/types';
import { savedComment } from './items';

const byKey = (items: SavedItem[]) => new Map(items.map((item) => [savedKey(item), item]));

describe('sync plan', () => {
  it('round-trips the compact part and leaves the excerpt to be re-read', () => {
    const item = savedComment({ note: 'n', tags: ['ap'], read: true });
    expect(fromCompact(toCompact(item))).toEqual({ ...item, excerptHtml: '' });
  });

  it('pushes local items, pulls remote ones, and takes the newer note either way', () => {
    const mine = savedComment();
    const theirs = savedComment();
    const newerThere = savedComment({ note: 'here', updatedAt: 10 });
    const newerHere = savedComment({ note: 'here', updatedAt: 30 });
    const remote = new Map<string, unknown>([
      [savedKey(theirs), toCompact(theirs)],
      [savedKey(newerThere), toCompact({ ...newerThere, note: 'there', updatedAt: 20 })],
      [savedKey(newerHere), toCompact({ ...newerHere, note: 'there', updatedAt: 20 })],
    ]);
    const plan = planSync({ local: byKey([mine, newerThere, newerHere]), remote, otherBytes: 0, otherKeys: 0 });
    expect(Object.keys(plan.push).sort()).toEqual([savedKey(mine), savedKey(newerHere)].sort());
    expect(plan.pull.map((item) => [item.commentId, item.note])).toEqual([
      [theirs.commentId, ''],
      [newerThere.commentId, 'there'],
    ]);
    expect(plan.pull[1]!.excerptHtml).toBe(newerThere.excerptHtml);
    expect(plan.localOnly).toEqual([]);
  });

  it('keeps the oldest items local once the sync quota is full, and never exceeds it', () => {
    const items = Array.from({ length: 200 }, (_, i) => savedComment({ note: 'x'.repeat(600), updatedAt: i }));
    const plan = planSync({ local: byKey(items), remote: new Map(), otherBytes: 3_000, otherKeys: 1 });
    expect(plan.localOnly.length).toBeGreaterThan(0);
    expect(plan.localOnly.length + Object.keys(plan.push).length).toBe(200);
    const pushedBytes = Object.entries(plan.push).reduce((sum, [key, value]) => sum + syncBytes(key, value), 0);
    expect(pushedBytes + 3_000).toBeLessThanOrEqual(SYNC_QUOTA_BYTES);
    const newestLocalOnly = Math.max(...plan.localOnly.map((key) => byKey(items).get(key)!.updatedAt));
    const oldestPushed = Math.min(...Object.values(plan.push).map((compact) => compact.w));
    expect(newestLocalOnly).toBeLessThan(oldestPushed);
  });

  it('keeps an item over the per-item limit local', () => {
    const big = savedComment({ note: 'é'.repeat(4000) });
    expect(planSync({ local: byKey([big]), remote: new Map(), otherBytes: 0, otherKeys: 0 }).localOnly).toEqual([savedKey(big)]);
  });
});
