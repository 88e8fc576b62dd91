// @vitest-environment jsdom
/** landOn: re-aims a scroll until the target stays centred, however content above it changes height meanwhile. */
import { describe, expect, it } from 'vitest';
import { landOn } from '../../../src/ui/land-on';

const CENTRE = 400;

/**
 * A fake page: the target's top is where the last scroll put it, plus any height changes above it since (`shift`).
 * A smooth scroll reaches its destination over `smoothFrames` frames; instant ones at once.
 */
function fakePage({ smoothFrames = 3 } = {}) {
  const frames: Array<() => void> = [];
  /** The target's position in the document, and how far the page is scrolled: its top on screen is the difference. */
  let position = 3000;
  let scroll = 0;
  /** What each coming frame of a smooth scroll moves the page by. */
  let smoothSteps: number[] = [];
  const scrolls: string[] = [];
  const element = document.createElement('article');
  document.body.append(element);
  const top = () => position - scroll;
  element.getBoundingClientRect = () => ({ top: top(), bottom: top() + 100, height: 100 }) as DOMRect;
  element.scrollIntoView = (options?: boolean | ScrollIntoViewOptions) => {
    const behavior = typeof options === 'object' ? options.behavior : 'auto';
    scrolls.push(behavior ?? 'auto');
    if (behavior === 'smooth') {
      // The scroll moves by a fixed distance, decided at its start: later height changes are not accounted for.
      smoothSteps = Array.from({ length: smoothFrames }, () => (top() - CENTRE) / smoothFrames);
    } else {
      smoothSteps = [];
      scroll = position - CENTRE;
    }
  };
  let clock = 0;
  return {
    element,
    scrolls,
    /** Content above the target changes height by `delta` (px). */
    shift(delta: number) {
      position += delta;
    },
    /** The reader scrolls the page (by its scrollbar: no event). */
    readerScroll(delta: number) {
      scroll += delta;
    },
    nextFrame: (callback: () => void) => frames.push(callback),
    now: () => clock,
    scrollOffset: () => scroll,
    /** Run one frame: the smooth scroll advances, then the frame callbacks run. */
    frame() {
      clock += 16;
      const step = smoothSteps.shift();
      if (step !== undefined) scroll += step;
      const due = frames.splice(0);
      for (const callback of due) callback();
      return due.length;
    },
    top,
  };
}

describe('landOn', () => {
  it('lands centred after a smooth scroll even when content above the target grows during and after it', () => {
    const page = fakePage();
    let landed: boolean | undefined;
    landOn(page.element, {
      doc: document,
      smooth: true,
      nextFrame: page.nextFrame,
      now: page.now,
      scrollOffset: page.scrollOffset,
      holdMs: 0,
      onDone: (ok) => (landed = ok),
    });
    page.frame();
    page.shift(700); // a skipped group above rendered taller than its estimate, mid-scroll
    for (let i = 0; i < 3; i += 1) page.frame();
    page.shift(-250); // another one, once the scroll is over
    for (let i = 0; i < 20 && landed === undefined; i += 1) page.frame();
    expect(landed).toBe(true);
    expect(page.top()).toBe(CENTRE);
    expect(page.scrolls[0]).toBe('smooth');
    expect(page.scrolls.slice(1).every((behavior) => behavior === 'auto')).toBe(true);
  });

  it('does not interrupt a smooth scroll that is still moving the target', () => {
    const page = fakePage({ smoothFrames: 6 });
    landOn(page.element, { doc: document, smooth: true, nextFrame: page.nextFrame, now: page.now, scrollOffset: page.scrollOffset, holdMs: 0 });
    for (let i = 0; i < 5; i += 1) page.frame();
    expect(page.scrolls).toEqual(['smooth']);
  });

  it('finishes only after consecutive re-aims find the target in place', () => {
    const page = fakePage();
    let landed: boolean | undefined;
    landOn(page.element, {
      doc: document,
      smooth: false,
      stableChecks: 3,
      nextFrame: page.nextFrame,
      now: page.now,
      scrollOffset: page.scrollOffset,
      holdMs: 0,
      onDone: (ok) => (landed = ok),
    });
    page.frame();
    page.frame();
    page.frame();
    expect(landed).toBeUndefined();
    page.shift(120);
    for (let i = 0; i < 20 && landed === undefined; i += 1) page.frame();
    expect(landed).toBe(true);
    expect(page.top()).toBe(CENTRE);
  });

  it('gives up after the time limit if the target never stops moving', () => {
    const page = fakePage();
    let landed: boolean | undefined;
    landOn(page.element, {
      doc: document,
      smooth: false,
      timeoutMs: 200,
      nextFrame: page.nextFrame,
      now: page.now,
      scrollOffset: page.scrollOffset,
      holdMs: 0,
      onDone: (ok) => (landed = ok),
    });
    for (let i = 0; i < 40 && landed === undefined; i += 1) {
      page.shift(50);
      page.frame();
    }
    expect(landed).toBe(false);
    expect(page.frame()).toBe(0);
  });

  it('stops when cancelled (a newer landing) and leaves the scroll alone afterwards', () => {
    const page = fakePage();
    let landed: boolean | undefined;
    const landing = landOn(page.element, {
      doc: document,
      smooth: false,
      nextFrame: page.nextFrame,
      now: page.now,
      scrollOffset: page.scrollOffset,
      holdMs: 0,
      onDone: (ok) => (landed = ok),
    });
    landing.cancel();
    page.shift(300);
    page.frame();
    expect(landed).toBe(false);
    expect(page.scrolls).toEqual(['auto']);
    expect(page.top()).toBe(CENTRE + 300);
  });

  it('is not cancelled by input a script dispatched (only the reader scrolling or typing ends it)', () => {
    const page = fakePage();
    let landed: boolean | undefined;
    landOn(page.element, {
      doc: document,
      smooth: false,
      nextFrame: page.nextFrame,
      now: page.now,
      scrollOffset: page.scrollOffset,
      holdMs: 0,
      onDone: (ok) => (landed = ok),
    });
    // A script-dispatched wheel event is not the reader: the landing goes on.
    document.dispatchEvent(new WheelEvent('wheel'));
    page.shift(90);
    for (let i = 0; i < 20 && landed === undefined; i += 1) page.frame();
    expect(landed).toBe(true);
    expect(page.top()).toBe(CENTRE);
  });

  it('once landed, holds the target in place while content above it changes, until the reader scrolls', () => {
    const page = fakePage();
    let landed: boolean | undefined;
    const options = { doc: document, smooth: false, holdMs: 10_000, nextFrame: page.nextFrame, now: page.now, scrollOffset: page.scrollOffset };
    landOn(page.element, { ...options, onDone: (ok) => (landed = ok) });
    for (let i = 0; i < 10; i += 1) page.frame();
    expect(page.top()).toBe(CENTRE);
    page.shift(2000); // the feed's comments arrive above it
    page.frame();
    page.frame();
    expect(page.top()).toBe(CENTRE);
    expect(landed).toBeUndefined();
    page.readerScroll(500);
    page.frame();
    expect(landed).toBe(true);
    page.shift(300);
    page.frame();
    expect(page.top()).toBe(CENTRE - 500 + 300);
  });
});
