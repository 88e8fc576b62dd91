/** DOM side of the glossary: one TreeWalker pass over a root's text nodes, wrapping each term in a focusable span. */
import { findTerms, type Matcher } from './matcher';
import type { MarkMode, TermHit } from './types';

/** Attribute set on every element scanned as a unit (a public hook, and a quick "already done" check). */
export const SCANNED_ATTR = 'data-tl-glossary-scanned';
export const TERM_CLASS = 'tl-term';

/** Elements whose text is never marked: links, code, form controls, forms, frames, scripts and styles. */
const SKIP_TAGS = new Set([
  'a',
  'code',
  'pre',
  'kbd',
  'samp',
  'abbr',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'script',
  'style',
  'noscript',
  'template',
  'form',
  'iframe',
  'svg',
  'math',
]);

/** Also skipped: editable areas, the tooltip, anything marked data-tl-no-terms, and terms already wrapped. */
export function isSkippedElement(element: Element): boolean {
  if (SKIP_TAGS.has(element.localName)) return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  return element.getAttribute('role') === 'tooltip' || element.hasAttribute('data-tl-no-terms') || element.classList.contains(TERM_CLASS);
}

function hasSkippedAncestorOrSelf(element: Element): boolean {
  for (let current: Element | null = element; current; current = current.parentElement) {
    if (isSkippedElement(current)) return true;
  }
  return false;
}

export interface ScanOptions {
  mode: MarkMode;
  /** Descendants matching this are scanned as units of their own ('first' mode counts per comment). */
  unitSelector?: string;
  /** How a new term element is described to assistive technology (see attach.ts). */
  describe?: (termElement: HTMLElement, hit: TermHit) => void;
}

/** Text nodes already scanned (including the pieces left after wrapping): never scanned again. */
const scannedText = new WeakSet<Text>();
/** Terms already marked per unit, for 'first' mode across scans of newly arrived text. */
const seenPerUnit = new WeakMap<Element, Set<string>>();

/** Text nodes under root, in order, that are neither scanned nor inside a skipped element. */
function collectTextNodes(root: Element): Text[] {
  if (hasSkippedAncestorOrSelf(root)) return [];
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        return isSkippedElement(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
      }
      const text = node as Text;
      return scannedText.has(text) || !/\S/.test(text.data) ? NodeFilter.FILTER_SKIP : NodeFilter.FILTER_ACCEPT;
    },
  });
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** Group text nodes by the unit they belong to: the nearest unitSelector ancestor inside root, else root. */
function groupByUnit(root: Element, nodes: Text[], unitSelector: string | undefined): Map<Element, Text[]> {
  const units = new Map<Element, Text[]>();
  for (const node of nodes) {
    const nearest = unitSelector ? node.parentElement?.closest(unitSelector) : null;
    const unit = nearest && root.contains(nearest) ? nearest : root;
    const list = units.get(unit) ?? [];
    list.push(node);
    units.set(unit, list);
  }
  return units;
}

function createTermElement(doc: Document, text: string, hit: TermHit): HTMLElement {
  const span = doc.createElement('span');
  span.className = TERM_CLASS;
  span.dataset.term = hit.term;
  if (hit.senseIndex > 0) span.dataset.termSense = String(hit.senseIndex);
  span.setAttribute('role', 'term');
  span.tabIndex = 0;
  span.textContent = text;
  return span;
}

/** Replace one text node's hits (offsets local to the node) with term elements. */
function wrapHits(node: Text, hits: TermHit[], describe: ScanOptions['describe']): HTMLElement[] {
  const doc = node.ownerDocument;
  const fragment = doc.createDocumentFragment();
  const created: HTMLElement[] = [];
  let cursor = 0;
  for (const hit of hits) {
    if (hit.start > cursor) fragment.append(doc.createTextNode(node.data.slice(cursor, hit.start)));
    const element = createTermElement(doc, node.data.slice(hit.start, hit.end), hit);
    describe?.(element, hit);
    created.push(element);
    fragment.append(element);
    cursor = hit.end;
  }
  if (cursor < node.data.length) fragment.append(doc.createTextNode(node.data.slice(cursor)));
  for (const child of fragment.childNodes) if (child.nodeType === Node.TEXT_NODE) scannedText.add(child as Text);
  node.replaceWith(fragment);
  return created;
}

/** Scan one unit: its text nodes are joined (newline-separated) so sense context and 'first' mode span the whole unit. */
function scanUnit(unit: Element, nodes: Text[], matcher: Matcher, opts: ScanOptions): HTMLElement[] {
  const offsets: number[] = [];
  let joined = '';
  for (const node of nodes) {
    offsets.push(joined.length);
    joined += `${node.data}\n`;
  }
  let seen = seenPerUnit.get(unit);
  if (!seen) seenPerUnit.set(unit, (seen = new Set()));
  const hits = findTerms(joined, matcher, { mode: opts.mode, seen });
  const created: HTMLElement[] = [];
  let hitIndex = 0;
  nodes.forEach((node, index) => {
    const nodeStart = offsets[index] ?? 0;
    const nodeEnd = nodeStart + node.data.length;
    const local: TermHit[] = [];
    while (hitIndex < hits.length && (hits[hitIndex]?.start ?? Infinity) < nodeEnd) {
      const hit = hits[hitIndex++] as TermHit;
      local.push({ ...hit, start: hit.start - nodeStart, end: hit.end - nodeStart });
    }
    if (local.length > 0) created.push(...wrapHits(node, local, opts.describe));
    else scannedText.add(node);
  });
  unit.setAttribute(SCANNED_ATTR, '');
  return created;
}

export interface ScanResult {
  /** Term elements created by this call. */
  terms: HTMLElement[];
  /** The text scanned by this call (newline-joined), for the "not yet defined" count. */
  text: string;
}

/**
 * Mark every glossary term under root, once. Text scanned before (by any earlier call) is skipped, so calling it
 * again on the same root only handles text that arrived since.
 */
export function scanElement(root: Element, matcher: Matcher, opts: ScanOptions): ScanResult {
  const nodes = collectTextNodes(root);
  const text = nodes.map((node) => node.data).join('\n');
  const terms: HTMLElement[] = [];
  for (const [unit, unitNodes] of groupByUnit(root, nodes, opts.unitSelector)) {
    terms.push(...scanUnit(unit, unitNodes, matcher, opts));
  }
  root.setAttribute(SCANNED_ATTR, '');
  return { terms, text };
}

/** Undo scanning under root: term elements become plain text again and the text may be scanned afresh. */
export function unscanElement(root: Element): void {
  for (const term of [...root.querySelectorAll<HTMLElement>(`.${TERM_CLASS}[data-term]`)]) {
    const parent = term.parentNode;
    term.replaceWith(term.ownerDocument.createTextNode(term.textContent ?? ''));
    parent?.normalize();
  }
  for (const unit of [root, ...root.querySelectorAll(`[${SCANNED_ATTR}]`)]) {
    unit.removeAttribute(SCANNED_ATTR);
    seenPerUnit.delete(unit);
  }
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) scannedText.delete(node as Text);
}
