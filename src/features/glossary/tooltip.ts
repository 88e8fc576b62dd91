/** The one reused [role="tooltip"] element for glossary terms: hover delays, focus, tap, Escape and viewport clamping. */
import { placeTooltip } from './placement';
import { TERM_CLASS } from './scan';
import type { GlossaryEntry, GlossarySense } from './types';

export const TOOLTIP_ID = 'tl-glossary-tooltip';
/** Hover must rest this long on a term before the tooltip opens. */
export const OPEN_DELAY_MS = 300;
/** The tooltip stays this long after the pointer leaves, so the pointer can move into it. */
export const CLOSE_DELAY_MS = 200;

export type EntryLookup = (term: string) => GlossaryEntry | undefined;

export interface TooltipOptions {
  openDelayMs?: number;
  closeDelayMs?: number;
}

type Timer = ReturnType<typeof setTimeout>;

function termOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>(`.${TERM_CLASS}[data-term]`) : null;
}

function pointerTypeOf(event: Event): string {
  return (event as PointerEvent).pointerType || 'mouse';
}

/** The senses in display order: the one the scanner chose first, then the others. */
export function orderedSenses(entry: GlossaryEntry, chosen: number): GlossarySense[] {
  const senses = entry.senses ?? [{ expansion: entry.expansion, definition: entry.definition, context: [] }];
  const first = senses[chosen] ?? senses[0];
  return first ? [first, ...senses.filter((sense) => sense !== first)] : [];
}

/** Owns the single tooltip element and the delegated listeners of every root whose terms it explains. */
export class GlossaryTooltip {
  readonly element: HTMLElement;
  private current: HTMLElement | null = null;
  private pending: HTMLElement | null = null;
  private openTimer: Timer | undefined;
  private closeTimer: Timer | undefined;
  private touchTap = false;
  private readonly aborter = new AbortController();
  private readonly openDelay: number;
  private readonly closeDelay: number;

  constructor(
    container: ShadowRoot | Element,
    private lookup: EntryLookup,
    opts: TooltipOptions = {},
  ) {
    this.openDelay = opts.openDelayMs ?? OPEN_DELAY_MS;
    this.closeDelay = opts.closeDelayMs ?? CLOSE_DELAY_MS;
    const doc = container.ownerDocument ?? document;
    this.element = doc.createElement('div');
    this.element.id = TOOLTIP_ID;
    this.element.className = 'tl-tooltip';
    this.element.setAttribute('role', 'tooltip');
    this.element.hidden = true;
    container.append(this.element);
    this.listen(container instanceof Element ? container : (container as ShadowRoot));
    doc.addEventListener('keydown', (event) => this.onKeydown(event), { signal: this.aborter.signal });
  }

  /** The term whose explanation is showing, if any. */
  get openTerm(): HTMLElement | null {
    return this.current;
  }

  /** Replace the entry look-up (custom terms changed). */
  setLookup(lookup: EntryLookup): void {
    this.lookup = lookup;
  }

  /** Listen for hover, focus and taps on the terms under a root (the document, a shadow root or an element). */
  listen(root: Document | ShadowRoot | Element): void {
    const signal = this.aborter.signal;
    const on = (type: string, handler: (event: Event) => void) => root.addEventListener(type, handler, { signal });
    on('pointerover', (event) => this.onPointerOver(event));
    on('pointerout', (event) => this.onPointerOut(event));
    on('pointerdown', (event) => this.onPointerDown(event));
    on('click', (event) => this.onClick(event));
    on('focusin', (event) => this.onFocusIn(event));
    on('focusout', (event) => this.onFocusOut(event));
  }

  /** Open the tooltip on a term at once. */
  show(term: HTMLElement): void {
    this.clearTimers();
    this.pending = null;
    const entry = this.lookup(term.dataset.term ?? '');
    if (!entry) return;
    this.current?.removeAttribute('data-tl-open');
    this.current = term;
    term.setAttribute('data-tl-open', '');
    this.render(entry, Number(term.dataset.termSense ?? 0));
    this.element.hidden = false;
    this.position(term);
  }

  /** Close the tooltip at once. */
  hide(): void {
    this.clearTimers();
    this.pending = null;
    this.current?.removeAttribute('data-tl-open');
    this.current = null;
    this.element.hidden = true;
  }

  destroy(): void {
    this.hide();
    this.aborter.abort();
    this.element.remove();
  }

  private clearTimers(): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    this.openTimer = this.closeTimer = undefined;
  }

  private scheduleClose(): void {
    clearTimeout(this.closeTimer);
    if (this.current?.matches(':focus')) return; // keyboard focus keeps it open
    this.closeTimer = setTimeout(() => this.hide(), this.closeDelay);
  }

  private onPointerOver(event: Event): void {
    if (pointerTypeOf(event) === 'touch') return;
    if (this.element.contains(event.target as Node)) {
      clearTimeout(this.closeTimer);
      return;
    }
    const term = termOf(event.target);
    if (!term) return;
    clearTimeout(this.closeTimer);
    if (term === this.current || term === this.pending) return;
    if (this.current) {
      this.show(term); // moving between terms while one is open switches at once
      return;
    }
    clearTimeout(this.openTimer);
    this.pending = term;
    this.openTimer = setTimeout(() => {
      if (this.pending === term) this.show(term);
    }, this.openDelay);
  }

  private onPointerOut(event: Event): void {
    if (pointerTypeOf(event) === 'touch') return;
    const related = (event as MouseEvent).relatedTarget as Node | null;
    if (this.element.contains(event.target as Node)) {
      if (!related || !this.element.contains(related)) this.scheduleClose();
      return;
    }
    const term = termOf(event.target);
    if (!term || (related && term.contains(related))) return;
    if (this.pending === term) {
      // The pointer left before the delay ran out: never open late.
      clearTimeout(this.openTimer);
      this.pending = null;
    }
    if (this.current === term && !(related && this.element.contains(related))) this.scheduleClose();
  }

  private onPointerDown(event: Event): void {
    this.touchTap = pointerTypeOf(event) === 'touch';
    const target = (event.composedPath()[0] ?? event.target) as Node; // the document's listener sees only the shadow host
    if (!termOf(target) && !this.element.contains(target)) this.hide();
  }

  private onClick(event: Event): void {
    const term = termOf(event.target);
    if (!term || !this.touchTap) return;
    this.touchTap = false;
    if (this.current === term) this.hide();
    else this.show(term);
  }

  private onFocusIn(event: Event): void {
    const term = termOf(event.target);
    if (!term || this.touchTap) return; // a tap focuses too; its click decides
    this.show(term);
  }

  private onFocusOut(event: Event): void {
    const term = termOf(event.target);
    const related = (event as FocusEvent).relatedTarget as Node | null;
    if (term && term === this.current && !(related && this.element.contains(related))) this.hide();
  }

  private onKeydown(event: Event): void {
    if ((event as KeyboardEvent).key === 'Escape' && (this.current || this.pending)) this.hide();
  }

  private render(entry: GlossaryEntry, chosenSense: number): void {
    const doc = this.element.ownerDocument;
    const make = (tag: string, className: string, text?: string) => {
      const node = doc.createElement(tag);
      node.className = className;
      if (text !== undefined) node.textContent = text;
      return node;
    };
    const [first, ...others] = orderedSenses(entry, chosenSense);
    const heading = make('div', 'tl-tooltip__head');
    heading.append(make('strong', 'tl-tooltip__term', entry.term), make('span', 'tl-tooltip__expansion', first?.expansion ?? entry.expansion));
    const parts: Node[] = [heading, make('p', 'tl-tooltip__definition', first?.definition ?? entry.definition)];
    if (others.length > 0) {
      parts.push(make('p', 'tl-tooltip__others-title', 'Other meanings'));
      const list = make('ul', 'tl-tooltip__others');
      for (const sense of others) {
        const item = make('li', 'tl-tooltip__other');
        item.append(make('strong', 'tl-tooltip__other-expansion', sense.expansion), doc.createTextNode(`: ${sense.definition}`));
        list.append(item);
      }
      parts.push(list);
    }
    if (entry.custom) parts.push(make('p', 'tl-tooltip__note', 'Your own definition'));
    this.element.replaceChildren(...parts);
  }

  private position(term: HTMLElement): void {
    const view = this.element.ownerDocument.defaultView;
    const anchor = term.getBoundingClientRect();
    const size = this.element.getBoundingClientRect();
    const placement = placeTooltip(
      { left: anchor.left, top: anchor.top, width: anchor.width, height: anchor.height },
      { width: size.width, height: size.height },
      { width: view?.innerWidth ?? 0, height: view?.innerHeight ?? 0 },
    );
    this.element.style.left = `${placement.left}px`;
    this.element.style.top = `${placement.top}px`;
    this.element.dataset.side = placement.side;
  }
}
