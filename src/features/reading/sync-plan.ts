/**
 * Pure planning of saved-item sync through browser.storage.sync: the compact form of an item (ids, note, tags, read
 * state; no excerpt), what to push and pull, and which items stay local because the sync quota is full.
 */
import { validateSavedItem } from './storage/migrations';
import { SAVED_ITEM_VERSION, type SavedItem } from './types';

/** storage.sync limits shared by Chrome and Firefox. */
export const SYNC_QUOTA_BYTES = 102_400;
export const SYNC_QUOTA_BYTES_PER_ITEM = 8_192;
export const SYNC_MAX_ITEMS = 512;
/** Room kept free for settings and other synced keys growing between two plans. */
export const SYNC_HEADROOM_BYTES = 4_096;

/** The compact record stored in storage.sync (short field names: every byte counts against 100 KB). */
export interface CompactItem {
  v: 1;
  /** kind: c(omment), t(hread), p(ost). */
  k: 'c' | 't' | 'p';
  p: string;
  u: string;
  ti: string;
  c: string | null;
  m: number | null;
  a: string;
  d: string;
  n: string;
  g: string[];
  r: 0 | 1;
  s: number;
  w: number;
}

const KIND_CODE = { comment: 'c', thread: 't', post: 'p' } as const;
const KIND_OF = { c: 'comment', t: 'thread', p: 'post' } as const;

export function toCompact(item: SavedItem): CompactItem {
  return {
    v: 1,
    k: KIND_CODE[item.kind],
    p: item.postKey,
    u: item.postUrl,
    ti: item.postTitle.slice(0, 120),
    c: item.commentId,
    m: item.publishedMs,
    a: item.author.slice(0, 80),
    d: item.displayTime,
    n: item.note,
    g: item.tags,
    r: item.read ? 1 : 0,
    s: item.savedAt,
    w: item.updatedAt,
  };
}

/** A saved item from its compact record (the excerpt is empty until the post is opened on this machine). */
export function fromCompact(value: unknown): SavedItem | null {
  if (!value || typeof value !== 'object') return null;
  const compact = value as Partial<CompactItem>;
  if (compact.v !== 1 || typeof compact.k !== 'string' || !(compact.k in KIND_OF)) return null;
  const item = validateSavedItem({
    v: SAVED_ITEM_VERSION,
    kind: KIND_OF[compact.k as keyof typeof KIND_OF],
    postKey: compact.p,
    postUrl: compact.u,
    postTitle: compact.ti,
    commentId: compact.c,
    publishedMs: compact.m,
    author: compact.a,
    displayTime: compact.d,
    excerptHtml: '',
    note: compact.n,
    tags: compact.g,
    read: compact.r === 1,
    savedAt: compact.s,
    updatedAt: compact.w,
  });
  return typeof item === 'string' ? null : item;
}

/** Bytes a key and value take against the sync quota (UTF-8 of the key plus its JSON). */
export function syncBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

export interface SyncPlanInput {
  local: Map<string, SavedItem>;
  /** Every saved:* key currently in storage.sync, raw. */
  remote: Map<string, unknown>;
  /** Bytes and keys used in storage.sync by anything that is not a saved item (settings...). */
  otherBytes: number;
  otherKeys: number;
}

export interface SyncPlan {
  /** Compact records to write to storage.sync. */
  push: Record<string, CompactItem>;
  /** Items to write to storage.local: new from another machine, or changed there more recently. */
  pull: SavedItem[];
  /** Items that stay on this machine only because the sync quota is full (or one item is too big). */
  localOnly: string[];
  /** Saved items in sync once the plan is applied, and the bytes they take. */
  synced: number;
  bytes: number;
}

/** Merge one remote change into a local item: the newer side wins note, tags and read state; the excerpt stays. */
function pulled(local: SavedItem | undefined, remote: SavedItem): SavedItem {
  if (!local) return remote;
  return { ...local, note: remote.note, tags: remote.tags, read: remote.read, updatedAt: remote.updatedAt };
}

export function planSync({ local, remote, otherBytes, otherKeys }: SyncPlanInput): SyncPlan {
  const pull: SavedItem[] = [];
  const candidates: [string, SavedItem][] = [];
  const remoteBytes = new Map<string, number>();
  for (const [key, value] of remote) {
    remoteBytes.set(key, syncBytes(key, value));
    const item = fromCompact(value);
    if (!item) continue;
    const mine = local.get(key);
    if (!mine || item.updatedAt > mine.updatedAt) pull.push(pulled(mine, item));
  }
  for (const [key, item] of local) {
    const there = fromCompact(remote.get(key));
    if (!there || item.updatedAt > there.updatedAt) candidates.push([key, item]);
  }
  let bytes = [...remoteBytes.values()].reduce((sum, size) => sum + size, 0);
  let keys = remote.size;
  const budget = SYNC_QUOTA_BYTES - otherBytes - SYNC_HEADROOM_BYTES;
  const maxKeys = SYNC_MAX_ITEMS - otherKeys - 8;
  const push: Record<string, CompactItem> = {};
  const localOnly: string[] = [];
  candidates.sort(([, a], [, b]) => b.updatedAt - a.updatedAt);
  for (const [key, item] of candidates) {
    const compact = toCompact(item);
    const size = syncBytes(key, compact);
    const previous = remoteBytes.get(key);
    const nextBytes = bytes - (previous ?? 0) + size;
    const nextKeys = keys + (previous === undefined ? 1 : 0);
    if (size > SYNC_QUOTA_BYTES_PER_ITEM || nextBytes > budget || nextKeys > maxKeys) {
      localOnly.push(key);
      continue;
    }
    push[key] = compact;
    bytes = nextBytes;
    keys = nextKeys;
    remoteBytes.set(key, size);
  }
  return { push, pull, localOnly, synced: keys, bytes };
}
