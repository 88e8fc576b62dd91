/** Whether the in-page sidebar is open, on which panel and how wide, remembered in browser.storage.local. */
import { readKey, writeKeys } from '../../shared/storage';

/** The key predates the sidebar's panels (it was the reading list's): kept, so the remembered state carries over. */
export const SIDEBAR_STATE_KEY = 'reading-sidebar';
export const DEFAULT_SIDEBAR_WIDTH = 360;

export interface SidebarState {
  open: boolean;
  width: number;
  /** The panel last shown (absent: the first). */
  panel?: string;
}

export function parseSidebarState(value: unknown): SidebarState {
  const raw = (value && typeof value === 'object' ? value : {}) as Partial<SidebarState>;
  const width =
    typeof raw.width === 'number' && Number.isFinite(raw.width) ? Math.round(Math.min(1200, Math.max(200, raw.width))) : DEFAULT_SIDEBAR_WIDTH;
  const panel = typeof raw.panel === 'string' && /^[a-z][a-z0-9-]{0,40}$/.test(raw.panel) ? raw.panel : undefined;
  return { open: raw.open === true, width, ...(panel ? { panel } : {}) };
}

export async function loadSidebarState(): Promise<SidebarState> {
  return parseSidebarState(await readKey('local', SIDEBAR_STATE_KEY).catch(() => undefined));
}

export async function saveSidebarState(state: SidebarState): Promise<void> {
  await writeKeys('local', { [SIDEBAR_STATE_KEY]: state });
}
