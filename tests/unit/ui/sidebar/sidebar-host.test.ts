// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../src/shared/settings';
import { ValueStore } from '../../../../src/shared/store';
import { createSidebarHost, type SidebarPanelSpec } from '../../../../src/ui/sidebar/sidebar-host';
import type { SidebarState } from '../../../../src/ui/sidebar/saved-sidebar-state';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../../support/fake-browser')).createFakeBrowser() }));

const panel = (id: string): SidebarPanelSpec => ({ id, label: () => id, content: () => null });

function host(remembered: SidebarState = { open: false, width: 360 }) {
  const saved: SidebarState[] = [];
  let loaded!: () => void;
  const ready = new Promise<void>((resolve) => (loaded = resolve));
  const sidebar = createSidebarHost({
    doc: document,
    settings: new ValueStore(DEFAULT_SETTINGS),
    load: async () => {
      queueMicrotask(loaded);
      return remembered;
    },
    save: async (state) => void saved.push(state),
  });
  return { sidebar, saved, ready: ready.then(() => new Promise((resolve) => setTimeout(resolve, 0))) };
}

describe('the sidebar host', () => {
  it('holds the panels features add, in order, and opens, switches and closes between them', async () => {
    const { sidebar, saved, ready } = host();
    await ready;
    sidebar.addPanel(panel('reading'));
    const removeLatest = sidebar.addPanel(panel('latest'));
    expect(sidebar.panels.get().map((p) => p.id)).toEqual(['reading', 'latest']);
    expect(sidebar.state.get()).toMatchObject({ open: false, active: 'reading' });
    sidebar.toggle('latest');
    expect(sidebar.isShowing('latest')).toBe(true);
    sidebar.toggle('reading');
    expect(sidebar.state.get()).toMatchObject({ open: true, active: 'reading' });
    sidebar.toggle('reading');
    expect(sidebar.state.get().open).toBe(false);
    expect(saved.at(-1)).toEqual({ open: false, width: 360, panel: 'reading' });
    sidebar.toggle('latest');
    removeLatest();
    expect(sidebar.state.get()).toMatchObject({ active: 'reading' });
    sidebar.toggle('nothing-such');
    expect(sidebar.state.get().active).toBe('reading');
    sidebar.destroy();
  });

  it('reopens on the panel remembered from the last page, once that panel is added', async () => {
    const { sidebar, ready } = host({ open: true, width: 400, panel: 'latest' });
    sidebar.addPanel(panel('reading'));
    sidebar.addPanel(panel('latest'));
    await ready;
    expect(sidebar.state.get()).toMatchObject({ open: true, active: 'latest', width: 400 });
    sidebar.destroy();
  });

  it('pushes the page aside while open beside it, and gives the margin back when closed', async () => {
    const { sidebar, ready } = host();
    await ready;
    sidebar.addPanel(panel('latest'));
    Object.defineProperty(window, 'innerWidth', { value: 1600, configurable: true });
    sidebar.toggle('latest');
    expect(document.documentElement.style.marginRight).toBe('360px');
    sidebar.close();
    expect(document.documentElement.style.marginRight).toBe('');
    sidebar.destroy();
  });
});
