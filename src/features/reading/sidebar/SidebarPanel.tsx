/** The in-page sidebar frame: a resizable panel on one side, in Threadline's shadow root, closed by its button or Esc. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { clampWidth, MAX_WIDTH, MIN_WIDTH } from './sidebar-width';

export { clampWidth, MAX_WIDTH, MIN_WIDTH };

export interface SidebarPanelProps {
  open: boolean;
  width: number;
  placement: 'right' | 'left';
  /** True when the panel lies over the page (narrow window) rather than beside it. */
  overlay: boolean;
  onClose(): void;
  onResize(width: number): void;
  children: ComponentChildren;
}

/** The focused element in the panel's shadow root (or document); null when focus is nowhere (on the body). */
function focusedIn(panel: HTMLElement | null): HTMLElement | null {
  const root = panel?.getRootNode() as Document | ShadowRoot | undefined;
  const active = root?.activeElement ?? null;
  return active instanceof HTMLElement && active !== active.ownerDocument.body ? active : null;
}

export function SidebarPanel({ open, width, placement, overlay, onClose, onResize, children }: SidebarPanelProps) {
  const panel = useRef<HTMLElement>(null);
  const wasOpen = useRef(false);
  /** What had focus when the panel opened (its button, or the menu it was chosen from): focus goes back there. */
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (open && !wasOpen.current) {
      opener.current = focusedIn(panel.current);
      panel.current?.querySelector<HTMLElement>('[data-reading-search]')?.focus({ preventScroll: true });
    } else if (!open && wasOpen.current) {
      // Closed: unless the feature already put focus somewhere (the current comment), give it back to the opener.
      const now = focusedIn(panel.current);
      if ((!now || panel.current?.contains(now)) && opener.current?.isConnected) opener.current.focus({ preventScroll: true });
      opener.current = null;
    }
    wasOpen.current = open;
  }, [open]);

  const startDrag = (event: PointerEvent) => {
    const handle = event.currentTarget as HTMLElement;
    handle.setPointerCapture(event.pointerId);
    const startX = event.clientX;
    const startWidth = width;
    const viewport = handle.ownerDocument.defaultView?.innerWidth ?? 1200;
    const move = (next: PointerEvent) => {
      const delta = placement === 'right' ? startX - next.clientX : next.clientX - startX;
      onResize(clampWidth(startWidth + delta, viewport));
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
    if (event.key === grow) onResize(clampWidth(width + step, viewport));
    else if (event.key === shrink) onResize(clampWidth(width - step, viewport));
    else if (event.key === 'Home') onResize(MIN_WIDTH);
    else if (event.key === 'End') onResize(clampWidth(MAX_WIDTH, viewport));
    else return;
    event.preventDefault();
  };

  return (
    <aside
      ref={panel}
      id="tl-sidebar"
      className={`tl-sidebar is-${placement}${overlay ? ' is-overlay' : ''}`}
      aria-label="Reading list"
      hidden={!open}
      style={{ width: `${width}px` }}
      data-thread-sidebar={open ? 'open' : 'closed'}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div
        className="resize-handle"
        role="separator"
        aria-orientation="vertical"
        aria-label="Resize the reading list"
        aria-valuemin={MIN_WIDTH}
        aria-valuemax={MAX_WIDTH}
        aria-valuenow={width}
        tabIndex={0}
        onPointerDown={startDrag}
        onKeyDown={resizeByKey}
      />
      <header className="tl-sidebar-header">
        <h2>Reading list</h2>
        <button type="button" className="close" data-thread-action="close-sidebar" aria-label="Close the reading list" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="tl-sidebar-body">{children}</div>
    </aside>
  );
}
