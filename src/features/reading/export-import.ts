/**
 * Export every saved item, reading progress, thread correction and the settings to one JSON file; import merges such a
 * file, never replaces.
 */
import { readKeys, writeKeys, QuotaError } from '../../shared/storage';
import { loadAllCorrections, mergeCorrections, type Correction } from '../corrections/api';
import { loadFollowExport, mergeFollowImport, type Follow, type Mine } from '../follow/api';
import { migrateSavedItem } from './storage/migrations';
import { loadSavedItems } from './storage/saved-items';
import { parseProgress, progressKey, PROGRESS_VERSION, type ReadProgress } from './storage/saved-progress';
import { DEFAULT_SETTINGS, loadSettings, normalizeSettings, SETTINGS_KEY, type Settings } from '../../shared/settings';
import { savedKey, type SavedItem } from './types';

export const EXPORT_FORMAT = 'threadline-export';
export const EXPORT_VERSION = 1;
/** Larger files are refused before parsing (a reading list of 20 000 items is far below this). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  items: SavedItem[];
  progress: Record<string, ReadProgress>;
  /** The reader's thread corrections (absent in files made before they existed). */
  corrections?: Correction[];
  /** Followed posts and the reader's own comments (absent in files made before they existed). */
  follows?: Follow[];
  mine?: Mine[];
  settings: Settings;
}

/** What an import did. */
export interface ImportSummary {
  added: number;
  updated: number;
  /** Items already present and as new (or newer) here, plus unusable entries (see `problems`). */
  skipped: number;
  /** One line per unusable entry. */
  problems: string[];
  /** Posts whose reading progress gained comments. */
  progressMerged: number;
  /** True when some settings were taken from the file (only those still at their defaults here). */
  settingsChanged: boolean;
  /** Thread corrections added or replaced by a newer one from the file. */
  correctionsMerged: number;
  /** Followed posts and "mine" marks taken from the file. */
  followsMerged: number;
  mineMerged: number;
}

/** The file cannot be imported; nothing was changed. */
export class ImportError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ImportError';
  }
}

/** The export file's JSON text. */
export async function exportAll(now = new Date()): Promise<string> {
  const [snapshot, all, settings, corrections, followed] = await Promise.all([
    loadSavedItems(now.getTime()),
    readKeys('local', null),
    loadSettings(),
    loadAllCorrections(),
    loadFollowExport(),
  ]);
  const progress: Record<string, ReadProgress> = {};
  for (const [key, value] of Object.entries(all)) {
    const parsed = key.startsWith('read:') ? parseProgress(value) : null;
    if (parsed) progress[key.slice('read:'.length)] = parsed;
  }
  const file: ExportFile = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    items: [...snapshot.items.values()].sort((a, b) => b.savedAt - a.savedAt),
    progress,
    corrections,
    follows: followed.follows,
    mine: followed.mine,
    settings,
  };
  return `${JSON.stringify(file, null, 1)}\n`;
}

/** A file name for the export, e.g. threadline-2026-11-22.json. */
export function exportFileName(now = new Date()): string {
  return `threadline-${now.toISOString().slice(0, 10)}.json`;
}

function parseFile(text: string): {
  items: unknown[];
  progress: Record<string, unknown>;
  corrections: unknown[];
  follows: unknown[];
  mine: unknown[];
  settings: unknown;
} {
  if (text.length > MAX_IMPORT_BYTES) throw new ImportError('This file is too large to be a Threadline export.');
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ImportError('This file is not a Threadline export: it is not valid JSON.', { cause: error });
  }
  if (!data || typeof data !== 'object' || Array.isArray(data) || (data as { format?: unknown }).format !== EXPORT_FORMAT) {
    throw new ImportError('This file is not a Threadline export (it has no "format": "threadline-export").');
  }
  const file = data as Record<string, unknown>;
  if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 1) {
    throw new ImportError('This Threadline export has no valid version number.');
  }
  if (file.version > EXPORT_VERSION) {
    throw new ImportError(`This export was made by a newer Threadline (file version ${file.version}); update Threadline, then import it.`);
  }
  if (!Array.isArray(file.items)) throw new ImportError('This Threadline export is damaged: it has no list of saved items.');
  const progress =
    file.progress && typeof file.progress === 'object' && !Array.isArray(file.progress) ? (file.progress as Record<string, unknown>) : {};
  const corrections = Array.isArray(file.corrections) ? file.corrections : [];
  const follows = Array.isArray(file.follows) ? file.follows : [];
  const mine = Array.isArray(file.mine) ? file.mine : [];
  return { items: file.items, progress, corrections, follows, mine, settings: file.settings };
}

/** Merge one imported item into the one already here: the newer side wins note and read state; tags are joined. */
export function mergeItem(here: SavedItem, incoming: SavedItem): SavedItem | null {
  const tags = [...new Set([...here.tags, ...incoming.tags])].slice(0, 20);
  const newer = incoming.updatedAt > here.updatedAt ? incoming : here;
  const merged: SavedItem = {
    ...here,
    note: newer.note,
    read: newer.read,
    tags,
    excerptHtml: here.excerptHtml || incoming.excerptHtml,
    postTitle: here.postTitle || incoming.postTitle,
    savedAt: Math.min(here.savedAt, incoming.savedAt),
    updatedAt: Math.max(here.updatedAt, incoming.updatedAt),
  };
  const changed =
    merged.note !== here.note ||
    merged.read !== here.read ||
    merged.tags.length !== here.tags.length ||
    merged.excerptHtml !== here.excerptHtml ||
    merged.postTitle !== here.postTitle ||
    merged.savedAt !== here.savedAt;
  return changed ? merged : null;
}

/** Settings from the file where the reader has not changed them here; returns null when nothing changes. */
export function mergeSettings(here: Settings, incoming: unknown): Settings | null {
  if (!incoming || typeof incoming !== 'object') return null;
  const theirs = normalizeSettings(incoming);
  const next: Record<string, unknown> = { ...here };
  for (const field of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (field === 'v' || field === 'mutedWords' || field === 'sites') continue;
    if (JSON.stringify(here[field]) === JSON.stringify(DEFAULT_SETTINGS[field])) next[field] = theirs[field];
  }
  next.mutedWords = [...new Set([...here.mutedWords, ...theirs.mutedWords])];
  next.sites = { ...theirs.sites, ...here.sites };
  const merged = normalizeSettings(next);
  return JSON.stringify(merged) === JSON.stringify(here) ? null : merged;
}

/**
 * Merge an export file into this browser: new items are added, items present here take the newer note and read
 * state, reading progress is joined, settings fill only what is still at its default. Throws ImportError (having
 * changed nothing) for a malformed or foreign file or when the result does not fit the storage quota.
 */
export async function importMerge(text: string, now = Date.now()): Promise<ImportSummary> {
  const file = parseFile(text);
  const [snapshot, all, settingsHere, correctionsHere] = await Promise.all([
    loadSavedItems(now),
    readKeys('local', null),
    loadSettings(),
    loadAllCorrections(),
  ]);
  const summary: ImportSummary = {
    added: 0,
    updated: 0,
    skipped: 0,
    problems: [],
    progressMerged: 0,
    settingsChanged: false,
    correctionsMerged: 0,
    followsMerged: 0,
    mineMerged: 0,
  };
  const writes: Record<string, unknown> = {};
  file.items.forEach((raw, index) => {
    const outcome = migrateSavedItem(raw);
    if (!outcome.ok) {
      summary.skipped += 1;
      summary.problems.push(`item ${index + 1}: ${outcome.reason}`);
      return;
    }
    const key = savedKey(outcome.item);
    const pending = writes[key] as SavedItem | undefined;
    const here = pending ?? snapshot.items.get(key);
    if (!here) {
      writes[key] = outcome.item;
      summary.added += 1;
      return;
    }
    const merged = mergeItem(here, outcome.item);
    if (!merged) summary.skipped += 1;
    else {
      writes[key] = merged;
      if (!pending) summary.updated += 1;
    }
  });
  for (const [postKey, raw] of Object.entries(file.progress)) {
    const incoming = parseProgress(raw);
    if (!incoming || !postKey.trim()) continue;
    const here = parseProgress(all[progressKey(postKey)]);
    const union = new Set([...(here?.ids ?? []), ...incoming.ids]);
    if (here && union.size === here.ids.length) continue;
    writes[progressKey(postKey)] = {
      v: PROGRESS_VERSION,
      ids: [...union],
      total: Math.max(here?.total ?? 0, incoming.total),
      updatedAt: Math.max(here?.updatedAt ?? 0, incoming.updatedAt),
    } satisfies ReadProgress;
    summary.progressMerged += 1;
  }
  // Corrections merge like saved items: absent here → added; present → the newer one stays.
  const corrections = mergeCorrections(correctionsHere, file.corrections);
  Object.assign(writes, corrections.writes);
  summary.correctionsMerged = corrections.added + corrections.updated;
  // Follows and "mine" marks: absent here → added; a follow present here takes the newer of the two.
  const followed = mergeFollowImport(all, file.follows, file.mine);
  Object.assign(writes, followed.writes);
  summary.followsMerged = followed.follows;
  summary.mineMerged = followed.mine;
  const settings = mergeSettings(settingsHere, file.settings);
  try {
    if (Object.keys(writes).length > 0) await writeKeys('local', writes);
  } catch (error) {
    if (error instanceof QuotaError) {
      throw new ImportError('Nothing was imported: the browser’s storage for Threadline is full. Remove some saved items, then import again.', {
        cause: error,
      });
    }
    throw error;
  }
  if (settings) {
    await writeKeys('sync', { [SETTINGS_KEY]: settings }).then(
      () => (summary.settingsChanged = true),
      () => summary.problems.push('settings: could not be written (sync storage full); saved items were imported'),
    );
  }
  return summary;
}

/** One line for the reader, e.g. "Imported: 3 added, 1 updated, 2 skipped." */
export function describeImport(summary: ImportSummary): string {
  const parts = [`${summary.added} added`, `${summary.updated} updated`, `${summary.skipped} skipped`];
  const fixes =
    summary.correctionsMerged > 0 ? ` ${summary.correctionsMerged} thread correction${summary.correctionsMerged === 1 ? '' : 's'} merged.` : '';
  const follows =
    summary.followsMerged + summary.mineMerged > 0
      ? ` ${summary.followsMerged} followed post(s), ${summary.mineMerged} comment(s) of yours merged.`
      : '';
  const extra = summary.settingsChanged ? ' Settings restored where they were at their defaults.' : '';
  return `Imported: ${parts.join(', ')}.${fixes}${follows}${extra}`;
}
