// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { dragOutcome, releaseSpeed, startSheetDrag } from '../../../../src/ui/sidebar/sheet-drag';

/** A pointer event as the browser hands it over (jsdom has no PointerEvent): position, pointer and time. */
function pointer(type: string, clientY: number, at: number, pointerId = 1): PointerEvent {
  const event = new Event(type, { bubbles: true, cancelable: true });
  for (const [key, value] of Object.entries({ clientY, pointerId, button: 0, timeStamp: at })) Object.defineProperty(event, key, { value });
  return event as PointerEvent;
}

/** A sheet 600 px high with its handle; the drag starts on the handle at y = 300, time 0. */
function sheetWithHandle() {
  const sheet = document.createElement('aside');
  const handle = document.createElement('div');
  sheet.append(handle);
  document.body.append(sheet);
  sheet.getBoundingClientRect = () => ({ height: 600 }) as DOMRect;
  const onDismiss = vi.fn();
  handle.addEventListener('pointerdown', (event) => startSheetDrag(event as PointerEvent, sheet, onDismiss));
  handle.dispatchEvent(pointer('pointerdown', 300, 0));
  const at = (type: string, y: number, time: number, id = 1) => handle.dispatchEvent(pointer(type, y, time, id));
  return { sheet, onDismiss, at };
}

describe('letting go of the bottom sheet', () => {
  it('dismisses past 30% of its height or on a flick, and snaps back otherwise', () => {
    expect(dragOutcome(181, 600, 0)).toBe('dismiss');
    expect(dragOutcome(179, 600, 0)).toBe('snap-back');
    expect(dragOutcome(60, 600, 1.2)).toBe('dismiss');
    expect(dragOutcome(60, 600, 0.3)).toBe('snap-back');
    expect(dragOutcome(5, 600, 3), 'a tap that jitters is no flick').toBe('snap-back');
  });

  it('measures the speed over the last 100 ms, so a drag that rests before it is let go is no flick', () => {
    expect(releaseSpeed([])).toBe(0);
    expect(
      releaseSpeed([
        { y: 0, at: 0 },
        { y: 80, at: 50 },
        { y: 160, at: 100 },
      ]),
    ).toBeCloseTo(1.6);
    expect(
      releaseSpeed([
        { y: 0, at: 0 },
        { y: 160, at: 100 },
        { y: 160, at: 300 },
      ]),
    ).toBe(0);
  });
});

describe('dragging the sheet by its handle', () => {
  it('moves the sheet down with the pointer, never up, and dismisses it when let go far enough down', () => {
    const { sheet, onDismiss, at } = sheetWithHandle();
    at('pointermove', 250, 100);
    expect(sheet.style.transform).toBe('');
    at('pointermove', 400, 400);
    expect(sheet.style.transform).toBe('translateY(100px)');
    expect(sheet.classList.contains('is-dragging')).toBe(true);
    at('pointermove', 520, 800);
    at('pointerup', 520, 1000);
    expect(onDismiss).toHaveBeenCalledOnce();
    expect(sheet.style.transform).toBe('');
    expect(sheet.classList.contains('is-dragging')).toBe(false);
  });

  it('snaps back after a short slow drag, and after a cancelled one', () => {
    for (const end of ['pointerup', 'pointercancel']) {
      const { sheet, onDismiss, at } = sheetWithHandle();
      at('pointermove', 360, 300);
      at('pointermove', 380, 600);
      at(end, 380, 800);
      expect(onDismiss).not.toHaveBeenCalled();
      expect(sheet.style.transform).toBe('');
      expect(sheet.classList.contains('is-snapping')).toBe(true);
    }
  });

  it('dismisses on a short fast flick, and ignores other pointers and moves after the drag ended', () => {
    const { sheet, onDismiss, at } = sheetWithHandle();
    at('pointermove', 900, 20, 2);
    expect(sheet.style.transform).toBe('');
    at('pointermove', 330, 20);
    at('pointermove', 380, 60);
    at('pointerup', 390, 70);
    expect(onDismiss).toHaveBeenCalledOnce();
    at('pointermove', 500, 200);
    expect(sheet.style.transform).toBe('');
  });
});
