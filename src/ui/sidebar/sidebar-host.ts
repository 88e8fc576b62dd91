/**
 * The in-page sidebar as a host of panels: features add panels ("Reading list", "Latest"), the host keeps which is
 * shown, whether it is open and how wide (remembered), and pushes the page aside when there is room.
 */
import type { ComponentType } from 'preact';
import type { Settings } from '../../shared/settings';
import { ValueStore } from '../../shared/store';
import { DEFAULT_SIDEBAR_WIDTH, loadSidebarState, saveSidebarState } from './saved-sidebar-state';
import { clampWidth } from './sidebar-width';

/** One panel a feature contributes. */
export interface SidebarPanelSpec {
  /** Stable id (a-z, digits, '-'): remembered as the panel last shown. */
  id: string;
  /** The tab's and heading's words (called when rendering). */
  label(): string;
  /** The panel's content, rendered only while it is the one shown. */
  content: ComponentType;
  /** A selector inside the panel to focus when the sidebar opens on it (else the panel's tab). */
  focus?: string;
}

/** The sidebar's state as the frame renders it. */
export interface SidebarView {
  open: boolean;
  /** The panel shown (null until one is added). */
  active: string | null;
  width: number;
  placement: 'right' | 'left';
  /** True when the sidebar lies over the page (narrow window) rather than beside it. */
  overlay: boolean;
}

export interface SidebarHost {
  state: ValueStore<SidebarView>;
  panels: ValueStore<readonly SidebarPanelSpec[]>;
  /** Add a panel (after those added before); returns its removal. */
  addPanel(panel: SidebarPanelSpec): () => void;
  /** Open on a panel, or close when it is already open on it. */
  toggle(id: string): void;
  /** Switch panel without opening or closing. */
  select(id: string): void;
  close(): void;
  resize(width: number): void;
  /** Whether the sidebar is open on this panel. */
  isShowing(id: string): boolean;
  destroy(): void;
}

/** Below this much page width beside the sidebar, the sidebar lies over the page instead of pushing it. */
export const MIN_PAGE_WIDTH_BESIDE = 720;

export interface SidebarHostOptions {
  doc: Document;
  settings: ValueStore<Settings>;
  /** Remembered state (storage by default; tests pass their own). */
  load?: typeof loadSidebarState;
  save?: typeof saveSidebarState;
}

export function createSidebarHost({ doc, settings, load = loadSidebarState, save = saveSidebarState }: SidebarHostOptions): SidebarHost {
  const view = doc.defaultView!;
  const state = new ValueStore<SidebarView>({
    open: false,
    active: null,
    width: DEFAULT_SIDEBAR_WIDTH,
    placement: settings.get().sidebar.placement,
    overlay: false,
  });
  const panels = new ValueStore<readonly SidebarPanelSpec[]>([]);
  /** The panel remembered from an earlier page, shown once it is added. */
  let rememberedPanel: string | undefined;
  let originalMargin: { side: 'right' | 'left'; value: string } | null = null;

  const applyLayout = () => {
    const current = state.get();
    const overlay = view.innerWidth - current.width < MIN_PAGE_WIDTH_BESIDE;
    if (overlay !== current.overlay) state.set({ ...current, overlay });
    const html = doc.documentElement;
    if (originalMargin) {
      html.style.setProperty(`margin-${originalMargin.side}`, originalMargin.value);
      originalMargin = null;
    }
    const shown = state.get();
    if (shown.open && shown.active !== null && !overlay) {
      const side = shown.placement;
      originalMargin = { side, value: html.style.getPropertyValue(`margin-${side}`) };
      html.style.setProperty(`margin-${side}`, `${shown.width}px`);
    }
  };

  let persistTimer: ReturnType<typeof setTimeout> | undefined;
  /** Set once the reader opens, closes, switches or resizes: the remembered state must not undo that. */
  let changedByReader = false;
  const persist = (delayMs: number) => {
    clearTimeout(persistTimer);
    const write = () => {
      const { open, width, active } = state.get();
      save({ open, width, ...(active ? { panel: active } : {}) }).catch(() => undefined);
    };
    if (delayMs === 0) write();
    else persistTimer = setTimeout(write, delayMs);
  };
  const change = (next: Partial<SidebarView>, from: 'reader' | 'storage' | 'settings' = 'reader') => {
    state.set({ ...state.get(), ...next });
    applyLayout();
    if (from !== 'reader') return;
    changedByReader = true;
    if ('width' in next && !('open' in next))
      persist(300); // a drag writes once it settles
    else persist(0); // open/close/switch is written at once: a reload right after must find it
  };
  const known = (id: string | undefined): id is string => id !== undefined && panels.get().some((panel) => panel.id === id);

  view.addEventListener('resize', applyLayout);
  const stopSettings = settings.subscribe(() => {
    const placement = settings.get().sidebar.placement;
    if (placement !== state.get().placement) change({ placement }, 'settings');
  });
  void load().then((remembered) => {
    if (changedByReader) return;
    rememberedPanel = remembered.panel;
    const active = known(remembered.panel) ? remembered.panel : state.get().active;
    change({ open: remembered.open, width: clampWidth(remembered.width, view.innerWidth), active }, 'storage');
  });

  return {
    state,
    panels,
    addPanel(panel) {
      panels.set([...panels.get().filter((existing) => existing.id !== panel.id), panel]);
      const active = state.get().active;
      if (active === null || (panel.id === rememberedPanel && !changedByReader)) change({ active: panel.id }, 'storage');
      return () => {
        const rest = panels.get().filter((existing) => existing !== panel);
        panels.set(rest);
        if (state.get().active === panel.id) change({ active: rest[0]?.id ?? null, ...(rest.length === 0 ? { open: false } : {}) }, 'storage');
      };
    },
    toggle(id) {
      if (!known(id)) return;
      const current = state.get();
      change(current.open && current.active === id ? { open: false } : { open: true, active: id });
    },
    select(id) {
      if (known(id) && state.get().active !== id) change({ active: id });
    },
    close() {
      if (state.get().open) change({ open: false });
    },
    resize(width) {
      change({ width: clampWidth(width, view.innerWidth) });
    },
    isShowing(id) {
      const current = state.get();
      return current.open && current.active === id;
    },
    destroy() {
      clearTimeout(persistTimer);
      stopSettings();
      view.removeEventListener('resize', applyLayout);
      if (originalMargin) doc.documentElement.style.setProperty(`margin-${originalMargin.side}`, originalMargin.value);
      originalMargin = null;
    },
  };
}
