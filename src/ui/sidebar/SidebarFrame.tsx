/**
 * The in-page sidebar frame: a resizable panel on one side of the page, in Threadline's shadow root, with a tab per
 * panel the features added ("Reading list | Latest"), closed by its button or Esc. Under 600 px it is a bottom sheet
 * whose handle also dismisses it by a drag down (sheet-drag.ts).
 */
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { useValue } from '../store';
import { PanelTabs } from './PanelTabs';
import { startSheetDrag } from './sheet-drag';
import type { SidebarHost } from './sidebar-host';
import { clampWidth, MAX_WIDTH, MIN_WIDTH } from './sidebar-width';

export interface SidebarFrameProps {
  host: SidebarHost;
  /** Where focus goes when the reader closes the sidebar (the current comment). */
  onClosed?(): void;
}

/** The focused element in the frame's shadow root (or document); null when focus is nowhere (on the body). */
function focusedIn(frame: HTMLElement | null): HTMLElement | null {
  const root = frame?.getRootNode() as Document | ShadowRoot | undefined;
  const active = root?.activeElement ?? null;
  return active instanceof HTMLElement && active !== active.ownerDocument.body ? active : null;
}

export function SidebarFrame({ host, onClosed }: SidebarFrameProps) {
  const { open, active, width, placement, overlay } = useValue(host.state);
  const panels = useValue(host.panels);
  const frame = useRef<HTMLElement>(null);
  const shownOn = useRef<string | null>(null);
  /** What had focus when the sidebar opened (its button, or the menu it was chosen from): focus goes back there. */
  const opener = useRef<HTMLElement | null>(null);
  const current = panels.find((panel) => panel.id === active) ?? panels[0];
  const showing = open && current ? current.id : null;

  useEffect(() => {
    if (showing === null && shownOn.current !== null) {
      // Closed: unless something already took focus (the current comment), give it back to the opener.
      const now = focusedIn(frame.current);
      if ((!now || frame.current?.contains(now)) && opener.current?.isConnected) opener.current.focus({ preventScroll: true });
      opener.current = null;
    }
    if (showing !== null && shownOn.current === null && current) {
      opener.current = focusedIn(frame.current);
      const target = current.focus ? frame.current?.querySelector<HTMLElement>(current.focus) : null;
      (target ?? frame.current?.querySelector<HTMLElement>(`#tl-tab-${current.id}`) ?? frame.current?.querySelector<HTMLElement>('.close'))?.focus({
        preventScroll: true,
      });
    }
    shownOn.current = showing;
  }, [showing]);

  if (!current) return null;

  const close = () => {
    host.close();
    onClosed?.();
  };

  const startDrag = (event: PointerEvent) => {
    const handle = event.currentTarget as HTMLElement;
    handle.setPointerCapture(event.pointerId);
    const startX = event.clientX;
    const startWidth = width;
    const viewport = handle.ownerDocument.defaultView?.innerWidth ?? 1200;
    const move = (next: PointerEvent) => {
      const delta = placement === 'right' ? startX - next.clientX : next.clientX - startX;
      host.resize(clampWidth(startWidth + delta, viewport));
    };
    const stop = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', stop);
      handle.removeEventListener('pointercancel', stop);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', stop);
    handle.addEventListener('pointercancel', stop);
    event.preventDefault();
  };

  const resizeByKey = (event: KeyboardEvent) => {
    const viewport = (event.currentTarget as HTMLElement).ownerDocument.defaultView?.innerWidth ?? 1200;
    const grow = placement === 'right' ? 'ArrowLeft' : 'ArrowRight';
    const shrink = placement === 'right' ? 'ArrowRight' : 'ArrowLeft';
    const step = event.shiftKey ? 80 : 20;
    if (event.key === grow) host.resize(clampWidth(width + step, viewport));
    else if (event.key === shrink) host.resize(clampWidth(width - step, viewport));
    else if (event.key === 'Home') host.resize(MIN_WIDTH);
    else if (event.key === 'End') host.resize(clampWidth(MAX_WIDTH, viewport));
    else return;
    event.preventDefault();
  };

  const Content = current.content;
  const tabbed = panels.length > 1;
  return (
    <aside
      ref={frame}
      id="tl-sidebar"
      className={`tl-sidebar is-${placement}${overlay ? ' is-overlay' : ''}`}
      aria-label={t('sidebar_label')}
      hidden={!open}
      style={{ width: `${width}px` }}
      data-thread-sidebar={open ? 'open' : 'closed'}
      data-thread-sidebar-panel={current.id}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          close();
        }
      }}
    >
      {/* The bottom sheet's grip (shown under 600 px): a pointer-only shortcut for the close button, so hidden from AT. */}
      <div
        className="sheet-handle"
        aria-hidden="true"
        data-thread-sheet-handle
        onPointerDown={(event) => frame.current && startSheetDrag(event, frame.current, close)}
      />
      <div
        className="resize-handle"
        role="separator"
        aria-orientation="vertical"
        aria-label={t('sidebar_resize')}
        aria-valuemin={MIN_WIDTH}
        aria-valuemax={MAX_WIDTH}
        aria-valuenow={width}
        tabIndex={0}
        onPointerDown={startDrag}
        onKeyDown={resizeByKey}
      />
      <header className="tl-sidebar-header">
        {tabbed ? (
          <PanelTabs
            tabs={panels.map((panel) => ({ id: panel.id, label: panel.label() }))}
            active={current.id}
            onSelect={(id) => host.select(id)}
            idPrefix="tl-tab-"
            controls="tl-sidebar-panel"
            className="tl-sidebar-tabs"
            label={t('sidebar_tabs')}
          />
        ) : (
          // Focusable by script: with one panel, opening focuses its heading (a tab otherwise).
          <h2 id={`tl-tab-${current.id}`} tabIndex={-1}>
            {current.label()}
          </h2>
        )}
        <button type="button" className="close" data-thread-action="close-sidebar" aria-label={t('sidebar_close')} onClick={close}>
          ×
        </button>
      </header>
      {tabbed ? (
        <div className="tl-sidebar-body" id="tl-sidebar-panel" role="tabpanel" aria-labelledby={`tl-tab-${current.id}`}>
          {open && <Content />}
        </div>
      ) : (
        <div className="tl-sidebar-body" id="tl-sidebar-panel">
          {open && <Content />}
        </div>
      )}
    </aside>
  );
}
