/** Wires the glossary into a page: scans roots as they arrive, owns the tooltip, counts terms, steps through them. */
import glossaryCss from './glossary.css';
import { findUnknownAcronyms } from './acronym-like';
import { buildMatcher, type Matcher } from './matcher';
import { scanElement, unscanElement, TERM_CLASS } from './scan';
import { GlossaryTooltip, TOOLTIP_ID } from './tooltip';
import type { GlossaryEntry, MarkMode } from './types';

export const GLOSSARY_CSS: string = glossaryCss;
const STYLE_ATTR = 'data-tl-glossary-style';
const STEP_ATTR = 'data-tl-step-target';

/** The part of the reader's settings the glossary uses (same shape as Settings.tooltips). */
export interface GlossarySettings {
  enabled: boolean;
  mode: MarkMode;
  hoverDelayMs?: number;
}

export interface GlossarySummary {
  /** Terms marked on the page, most frequent first. */
  terms: Array<{ term: string; expansion: string; count: number }>;
  /** Acronym-like tokens the glossary does not know ("not yet defined"), most frequent first. */
  unknown: Array<{ token: string; count: number }>;
}

export interface StepResult {
  /** 1-based position of the occurrence now focused. */
  index: number;
  total: number;
}

export interface AttachOptions {
  /** Threadline's open shadow root: the tooltip lives here. */
  uiRoot: ShadowRoot;
  /** Scanned at once (e.g. the post body in the page's light DOM). More can be scanned later with scan(). */
  scanRoots?: Element[];
  settings: GlossarySettings;
  /** Built-in plus custom entries (mergeGlossary(BUILT_IN_TERMS, await loadCustomTerms())); none are marked without them. */
  entries: readonly GlossaryEntry[];
  /** Descendants scanned as units of their own for 'first' mode; default each comment element. */
  unitSelector?: string;
  /** Called (batched) after scans change what the page holds. */
  onSummary?: (summary: GlossarySummary) => void;
}

export interface GlossaryController {
  /** Mark terms under an element (a comment body as it renders, feed-loaded comments). Already-scanned text is skipped. */
  scan(element: Element): void;
  /** Apply changed settings; a change of mode or enabling re-marks what was scanned. */
  setSettings(settings: GlossarySettings): void;
  /** Use new entries (custom terms changed) for the tooltip and for text scanned from now on. */
  setEntries(entries: readonly GlossaryEntry[]): void;
  summary(): GlossarySummary;
  /** Subscribe to summary changes; returns the unsubscribe function. */
  subscribe(listener: (summary: GlossarySummary) => void): () => void;
  /** Scroll to and focus the next (or previous) visible occurrence of a term. */
  step(term: string, direction?: 1 | -1): StepResult | null;
  /** The one tooltip (for tests and the UI). */
  readonly tooltip: GlossaryTooltip;
  /** Unmark everything and remove the tooltip. */
  destroy(): void;
}

function injectStyle(target: ShadowRoot | Document): void {
  const parent = target instanceof Document ? (target.head ?? target.documentElement) : target;
  if (parent.querySelector(`style[${STYLE_ATTR}]`)) return;
  const style = (target instanceof Document ? target : target.ownerDocument).createElement('style');
  style.setAttribute(STYLE_ATTR, '');
  style.textContent = GLOSSARY_CSS;
  parent.append(style);
}

/** Occurrences inside collapsed or hidden comments are skipped when stepping. */
function isShown(element: HTMLElement): boolean {
  if (!element.isConnected || element.closest('[hidden], [aria-hidden="true"]')) return false;
  return typeof element.checkVisibility !== 'function' || element.checkVisibility();
}

/** Start the glossary on a page. See GlossaryController for what the integrator can call. */
export function attachGlossary(options: AttachOptions): GlossaryController {
  const { uiRoot } = options;
  const unitSelector = options.unitSelector ?? '[data-thread-comment]';
  let settings = options.settings;
  let entries = options.entries;
  let matcher: Matcher = buildMatcher(entries);
  const tooltip = new GlossaryTooltip(uiRoot, (term) => matcher.entries.get(term), { openDelayMs: settings.hoverDelayMs });
  injectStyle(uiRoot);
  const roots: Element[] = [];
  const rootSet = new Set<Node>();
  const listenedRoots = new Set<Node>([uiRoot]);
  const unknownByRoot = new Map<Element, Map<string, number>>();
  const listeners = new Set<(summary: GlossarySummary) => void>();
  if (options.onSummary) listeners.add(options.onSummary);
  const stepPositions = new Map<string, number>();
  let notifyQueued = false;

  function notify(): void {
    if (notifyQueued || listeners.size === 0) return;
    notifyQueued = true;
    queueMicrotask(() => {
      notifyQueued = false;
      const current = summary();
      for (const listener of listeners) listener(current);
    });
  }

  function occurrences(term?: string): HTMLElement[] {
    const selector = term === undefined ? `.${TERM_CLASS}[data-term]` : `.${TERM_CLASS}[data-term="${term.replace(/["\\]/g, '\\$&')}"]`;
    const found = new Set<HTMLElement>();
    for (const root of roots) if (root.isConnected) root.querySelectorAll<HTMLElement>(selector).forEach((el) => found.add(el));
    return [...found];
  }

  function describeFor(root: Element): (element: HTMLElement, hit: { term: string; senseIndex: number }) => void {
    if (root.getRootNode() === uiRoot) return (element) => element.setAttribute('aria-describedby', TOOLTIP_ID);
    // aria-describedby cannot reach across the shadow boundary: terms in the page carry their meaning as a label.
    return (element, hit) => {
      const entry = matcher.entries.get(hit.term);
      const expansion = entry?.senses?.[hit.senseIndex]?.expansion ?? entry?.expansion ?? '';
      element.setAttribute('aria-label', `${element.textContent ?? hit.term}: ${expansion}`);
    };
  }

  function scanNow(element: Element): void {
    const result = scanElement(element, matcher, { mode: settings.mode, unitSelector, describe: describeFor(element) });
    const unknown = unknownByRoot.get(element) ?? new Map<string, number>();
    findUnknownAcronyms(result.text, matcher, unknown);
    unknownByRoot.set(element, unknown);
    if (result.terms.length > 0 || unknown.size > 0) notify();
  }

  /** True when the element or one of its ancestors is already a scan root (a walk up, not a search of every root). */
  function isUnderRoot(element: Element): boolean {
    for (let node: Node | null = element; node; node = node.parentNode) if (rootSet.has(node)) return true;
    return false;
  }

  function scan(element: Element): void {
    if (!isUnderRoot(element)) {
      roots.push(element);
      rootSet.add(element);
    }
    const rootNode = element.getRootNode();
    if (!listenedRoots.has(rootNode) && (rootNode instanceof Document || rootNode instanceof ShadowRoot)) {
      listenedRoots.add(rootNode);
      tooltip.listen(rootNode);
      injectStyle(rootNode);
    }
    if (settings.enabled) scanNow(element);
  }

  function unscanAll(): void {
    tooltip.hide();
    for (const root of roots) unscanElement(root);
    unknownByRoot.clear();
  }

  function summary(): GlossarySummary {
    const counts = new Map<string, number>();
    for (const element of occurrences()) {
      const term = element.dataset.term ?? '';
      counts.set(term, (counts.get(term) ?? 0) + 1);
    }
    const unknown = new Map<string, number>();
    for (const [root, tokens] of unknownByRoot) {
      if (!root.isConnected) continue;
      for (const [token, count] of tokens) unknown.set(token, (unknown.get(token) ?? 0) + count);
    }
    return {
      terms: [...counts]
        .map(([term, count]) => ({ term, count, expansion: matcher.entries.get(term)?.expansion ?? '' }))
        .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term)),
      unknown: [...unknown]
        .filter(([token]) => !matcher.exact.has(token))
        .map(([token, count]) => ({ token, count }))
        .sort((a, b) => b.count - a.count || a.token.localeCompare(b.token)),
    };
  }

  function step(term: string, direction: 1 | -1 = 1): StepResult | null {
    const list = occurrences(term).filter(isShown);
    if (list.length === 0) return null;
    const previous = stepPositions.get(term);
    const next = previous === undefined ? (direction === 1 ? 0 : list.length - 1) : (previous + direction + list.length) % list.length;
    stepPositions.set(term, next);
    const target = list[next] as HTMLElement;
    for (const element of occurrences()) element.removeAttribute(STEP_ATTR);
    target.setAttribute(STEP_ATTR, '');
    target.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
    target.focus({ preventScroll: true });
    return { index: next + 1, total: list.length };
  }

  for (const root of options.scanRoots ?? []) scan(root);

  return {
    scan,
    tooltip,
    summary,
    step,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setSettings(next) {
      const remark = next.enabled !== settings.enabled || next.mode !== settings.mode;
      if (remark) unscanAll();
      settings = next;
      if (remark && settings.enabled) for (const root of roots) scanNow(root);
      notify();
    },
    setEntries(next) {
      entries = next;
      matcher = buildMatcher(entries);
      notify();
    },
    destroy() {
      unscanAll();
      roots.length = 0;
      rootSet.clear();
      listeners.clear();
      tooltip.destroy();
    },
  };
}
