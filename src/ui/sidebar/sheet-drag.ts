/** Dragging the bottom sheet down by its handle: far enough or a fast flick dismisses it, a shorter drag snaps back. */

/** A drag down by more than this share of the sheet's height dismisses it. */
export const DISMISS_SHARE = 0.3;
/** Moving down faster than this (px per ms) when let go is a flick: it dismisses whatever the distance. */
export const FLICK_SPEED = 0.6;
/** A flick still has to travel this far (px), so a jittery tap is not one. */
export const FLICK_MIN_DISTANCE = 12;
/** The speed when let go is measured over the last this many ms of the drag. */
export const SPEED_WINDOW_MS = 100;

/** Where the pointer was, when. */
export interface DragSample {
  y: number;
  at: number;
}

/** What letting go does: dismiss the sheet, or put it back. */
export function dragOutcome(distance: number, sheetHeight: number, speed: number): 'dismiss' | 'snap-back' {
  if (distance > DISMISS_SHARE * sheetHeight) return 'dismiss';
  if (speed > FLICK_SPEED && distance >= FLICK_MIN_DISTANCE) return 'dismiss';
  return 'snap-back';
}

/** The downward speed (px per ms) over the last SPEED_WINDOW_MS before the last sample; 0 when the pointer rested. */
export function releaseSpeed(samples: readonly DragSample[]): number {
  const last = samples[samples.length - 1];
  if (!last) return 0;
  const from = samples.find((sample) => last.at - sample.at <= SPEED_WINDOW_MS) ?? last;
  const elapsed = last.at - from.at;
  return elapsed > 0 ? (last.y - from.y) / elapsed : 0;
}

/**
 * Follow a drag that starts with `event` on the sheet's handle: the sheet moves down with the pointer (never up),
 * then `onDismiss` runs or the sheet snaps back (animated by the `is-snapping` class, which the CSS only animates
 * when the reader has not asked for reduced motion).
 */
export function startSheetDrag(event: PointerEvent, sheet: HTMLElement, onDismiss: () => void): void {
  if (event.button !== 0) return;
  const handle = event.currentTarget as HTMLElement;
  // A synthetic pointer (or one already gone) cannot be captured; the handle's own events still follow the drag.
  try {
    handle.setPointerCapture(event.pointerId);
  } catch {}
  event.preventDefault();
  const startY = event.clientY;
  const height = sheet.getBoundingClientRect().height || 1;
  const samples: DragSample[] = [{ y: startY, at: event.timeStamp }];
  let distance = 0;
  sheet.classList.remove('is-snapping');
  sheet.classList.add('is-dragging');

  const move = (next: PointerEvent) => {
    if (next.pointerId !== event.pointerId) return;
    distance = Math.max(0, next.clientY - startY);
    samples.push({ y: next.clientY, at: next.timeStamp });
    if (samples.length > 32) samples.shift();
    sheet.style.transform = distance > 0 ? `translateY(${distance}px)` : '';
  };
  const finish = (end: PointerEvent) => {
    if (end.pointerId !== event.pointerId) return;
    handle.removeEventListener('pointermove', move);
    handle.removeEventListener('pointerup', finish);
    handle.removeEventListener('pointercancel', finish);
    sheet.classList.remove('is-dragging');
    if (end.type === 'pointerup') samples.push({ y: end.clientY, at: end.timeStamp });
    const outcome = end.type === 'pointerup' ? dragOutcome(distance, height, releaseSpeed(samples)) : 'snap-back';
    if (outcome === 'dismiss') {
      sheet.style.transform = '';
      onDismiss();
      return;
    }
    sheet.classList.add('is-snapping');
    sheet.style.transform = '';
  };
  handle.addEventListener('pointermove', move);
  handle.addEventListener('pointerup', finish);
  handle.addEventListener('pointercancel', finish);
}
