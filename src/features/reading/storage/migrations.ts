/** Schema versions of stored saved items: migrate older records to the current shape, or say why one is unusable. */
import { MAX_NOTE_LENGTH, normalizeTags, SAVED_ITEM_VERSION, type SavedItem, type SavedKind } from '../types';

/** Turns a record of version n into a record of version n + 1. */
export type Migration = (record: Record<string, unknown>) => Record<string, unknown>;

/**
 * MIGRATIONS[n] upgrades version n to n + 1. Version 1 is the first stored shape, so there is nothing to upgrade
 * yet; whoever bumps SAVED_ITEM_VERSION adds the step here and a stored example of the old shape to the tests
 * (tests/unit/reading/migrations.test.ts checks every version below the current one has a step).
 */
export const SAVED_ITEM_MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type MigrationOutcome =
  | { ok: true; item: SavedItem; migrated: boolean }
  | { ok: false; reason: string /** Written by a newer Threadline: keep it untouched for that version. */; newer: boolean };

const KINDS: readonly SavedKind[] = ['comment', 'thread', 'post'];
const COMMENT_ID = /^\d{1,20}$/;

function text(value: unknown, max: number): string {
  return typeof value === 'string' ? value.slice(0, max) : '';
}

function time(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

function httpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    url.search = '';
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

/** Check a current-version record and return it complete and clean, or the reason it cannot be used. */
export function validateSavedItem(record: Record<string, unknown>): SavedItem | string {
  const kind = record.kind as SavedKind;
  if (!KINDS.includes(kind)) return `unknown kind ${JSON.stringify(record.kind)}`;
  const postKey = text(record.postKey, 300).trim();
  if (!postKey) return 'no post key';
  const postUrl = httpUrl(record.postUrl);
  if (!postUrl) return 'no usable post URL';
  const commentId = record.commentId === null || record.commentId === undefined ? null : String(record.commentId);
  if (kind === 'post' ? commentId !== null : !commentId || !COMMENT_ID.test(commentId)) return 'bad comment id';
  const savedAt = time(record.savedAt);
  if (savedAt === null) return 'no saved time';
  return {
    v: SAVED_ITEM_VERSION,
    kind,
    postKey,
    postUrl,
    postTitle: text(record.postTitle, 300),
    commentId,
    publishedMs: time(record.publishedMs),
    author: text(record.author, 200),
    displayTime: text(record.displayTime, 100),
    excerptHtml: text(record.excerptHtml, 20_000),
    replyCount: Math.max(0, Math.floor(time(record.replyCount) ?? 0)),
    note: text(record.note, MAX_NOTE_LENGTH),
    tags: Array.isArray(record.tags) ? normalizeTags(record.tags.filter((tag): tag is string => typeof tag === 'string')) : [],
    savedAt,
    updatedAt: time(record.updatedAt) ?? savedAt,
    read: record.read === true,
  };
}

/** Bring a stored record of any earlier version up to the current one, then validate it. */
export function migrateSavedItem(
  raw: unknown,
  migrations: Readonly<Record<number, Migration>> = SAVED_ITEM_MIGRATIONS,
  current: number = SAVED_ITEM_VERSION,
): MigrationOutcome {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, reason: 'not a record', newer: false };
  let record = raw as Record<string, unknown>;
  const version = record.v;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: `no schema version (${JSON.stringify(version)})`, newer: false };
  }
  if (version > current) return { ok: false, reason: `schema version ${version} is newer than this Threadline (${current})`, newer: true };
  for (let step = version; step < current; step++) {
    const migrate = migrations[step];
    if (!migrate) return { ok: false, reason: `no migration from version ${step}`, newer: false };
    try {
      record = { ...migrate(record), v: step + 1 };
    } catch (error) {
      return { ok: false, reason: `migration from version ${step} failed: ${String(error)}`, newer: false };
    }
  }
  const item = validateSavedItem(record);
  if (typeof item === 'string') return { ok: false, reason: item, newer: false };
  return { ok: true, item, migrated: version !== current };
}
