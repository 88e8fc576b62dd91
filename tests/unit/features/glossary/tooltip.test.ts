// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildMatcher } from '../../../../src/features/glossary/matcher';
import { placeTooltip } from '../../../../src/features/glossary/placement';
import { scanElement } from '../../../../src/features/glossary/scan';
import { BUILT_IN_TERMS } from '../../../../src/features/glossary/terms';
import { GlossaryTooltip, orderedSenses, TOOLTIP_ID } from '../../../../src/features/glossary/tooltip';

const matcher = buildMatcher(BUILT_IN_TERMS);

function pointer(type: string, target: Element, pointerType = 'mouse', relatedTarget: Element | null = null): void {
  const event = new MouseEvent(type, { bubbles: true, composed: true, relatedTarget });
  Object.defineProperty(event, 'pointerType', { value: pointerType });
  target.dispatchEvent(event);
}

let shadow: ShadowRoot;
let tooltip: GlossaryTooltip;
let terms: HTMLElement[];

beforeEach(() => {
  vi.useFakeTimers();
  document.body.replaceChildren();
  const host = document.createElement('div');
  document.body.append(host);
  shadow = host.attachShadow({ mode: 'open' });
  const body = document.createElement('p');
  body.textContent = 'The NPS sent 3 AAs to the SPO.';
  shadow.append(body);
  terms = scanElement(body, matcher, { mode: 'every', describe: (el) => el.setAttribute('aria-describedby', TOOLTIP_ID) }).terms;
  tooltip = new GlossaryTooltip(shadow, (term) => matcher.entries.get(term));
});

afterEach(() => {
  tooltip.destroy();
  vi.useRealTimers();
});

const nps = () => terms[0] as HTMLElement;
const aa = () => terms[1] as HTMLElement;

describe('GlossaryTooltip', () => {
  it('is one role="tooltip" element that described terms point to', () => {
    expect(shadow.querySelectorAll('[role="tooltip"]')).toHaveLength(1);
    expect(nps().getAttribute('aria-describedby')).toBe(tooltip.element.id);
    expect(tooltip.element.hidden).toBe(true);
  });

  it('opens after about 300 ms of hover, not before', () => {
    pointer('pointerover', nps());
    vi.advanceTimersByTime(250);
    expect(tooltip.element.hidden).toBe(true);
    vi.advanceTimersByTime(60);
    expect(tooltip.element.hidden).toBe(false);
    expect(tooltip.element.textContent).toContain('National Probation Service');
    expect(tooltip.openTerm).toBe(nps());
  });

  it('never opens when the pointer left before the delay ran out', () => {
    pointer('pointerover', nps());
    vi.advanceTimersByTime(200);
    pointer('pointerout', nps(), 'mouse', document.body);
    vi.advanceTimersByTime(1000);
    expect(tooltip.element.hidden).toBe(true);
  });

  it('closes about 200 ms after the pointer leaves, and stays open if it moves into the tooltip', () => {
    pointer('pointerover', nps());
    vi.advanceTimersByTime(300);
    pointer('pointerout', nps(), 'mouse', tooltip.element);
    pointer('pointerover', tooltip.element);
    vi.advanceTimersByTime(500);
    expect(tooltip.element.hidden).toBe(false);
    pointer('pointerout', tooltip.element, 'mouse', document.body);
    vi.advanceTimersByTime(150);
    expect(tooltip.element.hidden).toBe(false);
    vi.advanceTimersByTime(60);
    expect(tooltip.element.hidden).toBe(true);
  });

  it('opens at once on keyboard focus and closes on blur', () => {
    nps().focus();
    expect(tooltip.element.hidden).toBe(false);
    nps().blur();
    expect(tooltip.element.hidden).toBe(true);
  });

  it('toggles on tap (touch pointer) without waiting', () => {
    pointer('pointerdown', aa(), 'touch');
    aa().click();
    expect(tooltip.openTerm).toBe(aa());
    pointer('pointerdown', aa(), 'touch');
    aa().click();
    expect(tooltip.element.hidden).toBe(true);
  });

  it('ignores hover events that come from touch', () => {
    pointer('pointerover', nps(), 'touch');
    vi.advanceTimersByTime(1000);
    expect(tooltip.element.hidden).toBe(true);
  });

  it('closes on Escape', () => {
    nps().focus();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(tooltip.element.hidden).toBe(true);
  });

  it('shows the chosen sense first and the other senses below', () => {
    aa().focus();
    const text = tooltip.element.textContent ?? '';
    expect(text.indexOf('Acceptable absence')).toBeLessThan(text.indexOf('Alcoholics Anonymous'));
    expect(text).toContain('Other meanings');
    const entry = matcher.entries.get('AA');
    expect(entry && orderedSenses(entry, 1).map((s) => s.expansion)).toEqual(['Alcoholics Anonymous', 'Acceptable absence']);
  });
});

describe('placeTooltip', () => {
  const viewport = { width: 800, height: 600 };
  it('puts the tooltip below the term when it fits', () => {
    expect(placeTooltip({ left: 100, top: 100, width: 40, height: 20 }, { width: 300, height: 100 }, viewport)).toEqual({
      left: 100,
      top: 126,
      side: 'below',
    });
  });
  it('flips above near the bottom edge and clamps at the right edge', () => {
    const placed = placeTooltip({ left: 700, top: 560, width: 40, height: 20 }, { width: 300, height: 100 }, viewport);
    expect(placed).toEqual({ left: 492, top: 454, side: 'above' });
  });
  it('never leaves the viewport, even for a tooltip larger than the room on either side', () => {
    const placed = placeTooltip({ left: -50, top: 280, width: 40, height: 20 }, { width: 300, height: 400 }, viewport);
    expect(placed.left).toBeGreaterThanOrEqual(8);
    expect(placed.top).toBeGreaterThanOrEqual(8);
    expect(placed.top + 400).toBeLessThanOrEqual(600 - 8);
  });
});
