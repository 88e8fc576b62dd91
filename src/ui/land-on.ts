/** Scrolls an element to the centre of the view and keeps re-aiming until it stays there: content above it may still change height. */

/**
 * Why one scroll is not enough: groups of threads off screen are skipped by the browser (content-visibility), so the
 * height it uses for them is an estimate until they are rendered. Scrolling past them renders some of them, with real
 * heights, and the target moves. Chunks still rendering, feed comments and glossary marks do the same.
 */
export interface LandingOptions {
  /** Animate the first scroll (the corrections are always instant, and small). */
  smooth: boolean;
  /** Where to listen for the reader's own scrolling (wheel, touch, keys), which ends the landing. */
  doc: Document;
  /** Give up after this long (ms) even if the target still moves. */
  timeoutMs?: number;
  /**
   * Once landed, keep the target where it is for this long (ms from the start) while the page goes on changing above
   * it (the feed's comments arriving after a `#c<id>` landing), unless the reader scrolls.
   */
  holdMs?: number;
  /** Consecutive re-aims that must find the target already in place before the landing counts as done. */
  stableChecks?: number;
  /** Frame scheduler (tests inject their own). */
  nextFrame?: (callback: () => void) => void;
  now?: () => number;
  /** How far the page is scrolled (tests inject their own; the page's scrolling element otherwise). */
  scrollOffset?: () => number;
  /** Called once when the landing ends: `landed` is false if it was cancelled or timed out before landing. */
  onDone?: (landed: boolean) => void;
}

export interface Landing {
  cancel(): void;
}

/** Distance (px) under which a re-aim counts as "already in place". */
const TOLERANCE = 1;

const READER_SCROLL_EVENTS = ['wheel', 'touchstart', 'keydown', 'mousedown'] as const;

function defaultNextFrame(doc: Document): (callback: () => void) => void {
  const win = doc.defaultView;
  return win?.requestAnimationFrame ? (callback) => win.requestAnimationFrame(() => callback()) : (callback) => setTimeout(callback, 16);
}

/**
 * Scroll `element` to the centre, then watch it frame by frame: once it has stopped moving (the smooth scroll is over
 * and the layout has settled for a frame), re-aim instantly; done when `stableChecks` re-aims in a row move nothing.
 * The reader scrolling, a newer landing (cancel) or `timeoutMs` ends it early.
 */
export function landOn(element: HTMLElement, options: LandingOptions): Landing {
  const { doc, timeoutMs = 3000, holdMs = 8000, stableChecks = 2 } = options;
  const nextFrame = options.nextFrame ?? defaultNextFrame(doc);
  const now = options.now ?? (() => performance.now());
  const started = now();
  let finished = false;
  let lastTop = Number.NaN;
  let stable = 0;
  let landed = false;
  const scrollOffset = options.scrollOffset ?? (() => (doc.scrollingElement ?? doc.documentElement).scrollTop);
  let lastScroll = 0;

  const finish = (landed: boolean) => {
    if (finished) return;
    finished = true;
    for (const type of READER_SCROLL_EVENTS) doc.removeEventListener(type, onReaderScroll, true);
    options.onDone?.(landed);
  };
  const onReaderScroll = (event: Event) => {
    if (event.isTrusted) finish(false);
  };
  const topOf = () => element.getBoundingClientRect().top;

  /**
   * Landed: re-aim only when the target moves in the document (content above changed); if the page scrolled while
   * the target stayed put in the document, the reader scrolled (a scrollbar drag sends no event we listen to): stop.
   */
  const hold = () => {
    if (finished) return;
    if (!element.isConnected || now() - started > holdMs) return finish(true);
    const top = topOf();
    const scroll = scrollOffset();
    const movedInDocument = Math.abs(top + scroll - (lastTop + lastScroll)) > TOLERANCE;
    if (!movedInDocument && Math.abs(scroll - lastScroll) > TOLERANCE) return finish(true);
    if (movedInDocument) {
      element.scrollIntoView({ block: 'center', behavior: 'auto' });
      lastTop = topOf();
    } else lastTop = top;
    lastScroll = scrollOffset();
    nextFrame(hold);
  };

  const check = () => {
    if (finished) return;
    if (!element.isConnected || now() - started > timeoutMs) return finish(false);
    const top = topOf();
    const moving = Math.abs(top - lastTop) > TOLERANCE || Number.isNaN(lastTop);
    lastTop = top;
    if (!moving) {
      element.scrollIntoView({ block: 'center', behavior: 'auto' });
      const after = topOf();
      lastTop = after;
      stable = Math.abs(after - top) <= TOLERANCE ? stable + 1 : 0;
      if (stable >= stableChecks) {
        landed = true;
        lastScroll = scrollOffset();
        return nextFrame(hold);
      }
    }
    nextFrame(check);
  };

  for (const type of READER_SCROLL_EVENTS) doc.addEventListener(type, onReaderScroll, { capture: true, passive: true });
  element.scrollIntoView({ block: 'center', behavior: options.smooth ? 'smooth' : 'auto' });
  nextFrame(check);
  return { cancel: () => finish(landed) };
}
