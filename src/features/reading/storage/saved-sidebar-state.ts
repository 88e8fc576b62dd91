/** Whether the in-page reading-list sidebar is open and how wide, remembered in browser.storage.local. */
import { readKey, writeKeys } from '../../../shared/storage';

export const SIDEBAR_STATE_KEY = 'reading-sidebar';
export const DEFAULT_SIDEBAR_WIDTH = 360;

export interface SidebarState {
  open: boolean;
  width: number;
}

export function parseSidebarState(value: unknown): SidebarState {
  const raw = (value && typeof value === 'object' ? value : {}) as Partial<SidebarState>;
  const width =
    typeof raw.width === 'number' && Number.isFinite(raw.width) ? Math.round(Math.min(1200, Math.max(200, raw.width))) : DEFAULT_SIDEBAR_WIDTH;
  return { open: raw.open === true, width };
}

export async function loadSidebarState(): Promise<SidebarState> {
  return parseSidebarState(await readKey('local', SIDEBAR_STATE_KEY).catch(() => undefined));
}

export async function saveSidebarState(state: SidebarState): Promise<void> {
  await writeKeys('local', { [SIDEBAR_STATE_KEY]: state });
}
