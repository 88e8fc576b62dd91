/** Reader settings: one versioned record in browser.storage.sync, with defaults, validation and live updates. */
import { onAreaChanged, readKey, writeKeys } from './storage';
import { untilAborted, ValueStore } from './store';

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 1;

/** Per-site switches (the probation blog's host and any other Blogger blog the reader enabled). */
export interface SiteSettings {
  enabled: boolean;
  glossary: boolean;
}

export interface Settings {
  v: typeof SETTINGS_VERSION;
  defaultView: 'threaded' | 'posted';
  collapseRepliesByDefault: boolean;
  tooltips: { enabled: boolean; mode: 'every' | 'first'; hoverDelayMs: number };
  mutedWords: string[];
  /**
   * The reader's own key sequences by shortcut id ("j", "J", "g g"; "Shift+X" is written "X"); a shortcut missing here
   * uses its default from the shortcut table the features declare (src/ui/keyboard/shortcuts.ts).
   */
  keyBindings: Record<string, string>;
  sidebar: { placement: 'right' | 'left' };
  /** Sync saved items' compact part through storage.sync. */
  syncSavedItems: boolean;
  /** Keep filter state per post. */
  rememberFilters: boolean;
  /** How much reply inference moves comments: only strong evidence, all evidence, or none (Blogger's threads only). */
  threadEvidence: 'strong' | 'all' | 'off';
  sites: Record<string, SiteSettings>;
  /** Following posts: what follows a post by itself, how often the background checks, when a quiet post is dropped. */
  follow: FollowSettings;
  /** Light or dark colours: following the system, or always one (sets `data-tl-scheme`, see src/ui/theme/tokens.css). */
  colorScheme: ColorScheme;
}

/** The choices of the background check's interval, in minutes (0: no background checks). */
export const FOLLOW_INTERVALS = [0, 15, 30, 60, 120, 180, 360] as const;

export interface FollowSettings {
  /** Saving a comment of a post, writing one or marking one as yours follows the post. */
  onComment: boolean;
  /** Minutes between background checks of followed posts: one of FOLLOW_INTERVALS, 0 for off. */
  intervalMinutes: number;
  /** Stop following a post after this many days without a new comment (0: never). */
  autoUnfollowDays: number;
}

export type ColorScheme = 'system' | 'light' | 'dark';
export const COLOR_SCHEMES: readonly ColorScheme[] = ['system', 'light', 'dark'];

export const DEFAULT_SETTINGS: Settings = {
  v: SETTINGS_VERSION,
  defaultView: 'threaded',
  collapseRepliesByDefault: false,
  tooltips: { enabled: true, mode: 'every', hoverDelayMs: 300 },
  mutedWords: [],
  keyBindings: {},
  sidebar: { placement: 'right' },
  syncSavedItems: false,
  rememberFilters: false,
  threadEvidence: 'strong',
  sites: {},
  follow: { onComment: true, intervalMinutes: 30, autoUnfollowDays: 30 },
  colorScheme: 'system',
};

/** What a shortcut id looks like ("nextComment", "focusSearch"); anything else in stored bindings is dropped. */
const SHORTCUT_ID = /^[A-Za-z][\w-]{0,39}$/;
const MAX_KEY_BINDINGS = 64;

function pick<T>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function number(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

function strings(value: unknown, maxItems: number, maxLength: number): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((item): item is string => typeof item === 'string')
    .map((item) => item.trim().slice(0, maxLength))
    .filter(Boolean)
    .slice(0, maxItems);
}

/** Turn whatever is stored (any earlier version, partial, or corrupt) into complete, valid settings. */
export function normalizeSettings(stored: unknown): Settings {
  const raw = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown> & { sidebar?: { placement?: unknown } };
  const tooltips = (raw.tooltips ?? {}) as Record<string, unknown>;
  const bindings = (raw.keyBindings ?? {}) as Record<string, unknown>;
  const sites: Record<string, SiteSettings> = {};
  for (const [host, site] of Object.entries((raw.sites ?? {}) as Record<string, { enabled?: unknown; glossary?: unknown } | null>)) {
    if (!/^[a-z0-9.-]{1,253}$/i.test(host) || !site || typeof site !== 'object') continue;
    sites[host.toLowerCase()] = { enabled: site.enabled !== false, glossary: site.glossary === true };
  }
  return {
    v: SETTINGS_VERSION,
    defaultView: pick(raw.defaultView, ['threaded', 'posted'] as const, DEFAULT_SETTINGS.defaultView),
    collapseRepliesByDefault: raw.collapseRepliesByDefault === true,
    tooltips: {
      enabled: tooltips.enabled !== false,
      mode: pick(tooltips.mode, ['every', 'first'] as const, 'every'),
      hoverDelayMs: number(tooltips.hoverDelayMs, 0, 2000, DEFAULT_SETTINGS.tooltips.hoverDelayMs),
    },
    mutedWords: strings(raw.mutedWords, 200, 60),
    keyBindings: Object.fromEntries(
      Object.entries(bindings)
        .filter(([id, value]) => SHORTCUT_ID.test(id) && typeof value === 'string' && value.trim() !== '' && value.length <= 12)
        .slice(0, MAX_KEY_BINDINGS)
        .map(([id, value]) => [id, (value as string).trim()]),
    ),
    sidebar: { placement: pick(raw.sidebar?.placement, ['right', 'left'] as const, 'right') },
    syncSavedItems: raw.syncSavedItems === true,
    rememberFilters: raw.rememberFilters === true,
    threadEvidence: pick(raw.threadEvidence, ['strong', 'all', 'off'] as const, DEFAULT_SETTINGS.threadEvidence),
    sites,
    follow: normalizeFollow(raw.follow),
    colorScheme: pick(raw.colorScheme, COLOR_SCHEMES, DEFAULT_SETTINGS.colorScheme),
  };
}

function normalizeFollow(stored: unknown): FollowSettings {
  const raw = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const fallback = DEFAULT_SETTINGS.follow;
  return {
    onComment: raw.onComment !== false,
    intervalMinutes: pick(raw.intervalMinutes, FOLLOW_INTERVALS, fallback.intervalMinutes as (typeof FOLLOW_INTERVALS)[number]),
    autoUnfollowDays: Math.round(number(raw.autoUnfollowDays, 0, 365, fallback.autoUnfollowDays)),
  };
}

export async function loadSettings(): Promise<Settings> {
  return normalizeSettings(await readKey('sync', SETTINGS_KEY).catch(() => undefined));
}

/** Save a change (merged over the current settings). */
export async function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const next = normalizeSettings({ ...(await loadSettings()), ...change });
  await writeKeys('sync', { [SETTINGS_KEY]: next });
  return next;
}

export async function resetSettings(): Promise<Settings> {
  await writeKeys('sync', { [SETTINGS_KEY]: DEFAULT_SETTINGS });
  return DEFAULT_SETTINGS;
}

/**
 * The settings as one live store: read once, then kept current from every tab's changes until `signal` aborts. The
 * content script makes one and hands it to every feature (no feature reads settings on its own).
 */
export function liveSettings(initial: Settings, signal: AbortSignal): ValueStore<Settings> {
  const store = new ValueStore(initial);
  untilAborted(
    signal,
    onSettingsChanged((next) => store.set(next)),
  );
  return store;
}

/** Call `listener` with the new settings whenever they change in any tab or page. */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  return onAreaChanged('sync', (changes) => {
    if (SETTINGS_KEY in changes) listener(normalizeSettings(changes[SETTINGS_KEY]?.newValue));
  });
}
