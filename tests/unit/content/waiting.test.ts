// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EARLY_CSS } from '../../../src/content/early-css';
import { claimWaiting, markWaiting, releaseWaiting, UNCLAIMED_RELEASE_MS, WAITING_ATTRIBUTE } from '../../../src/content/waiting';

/** A document still loading (jsdom's own is complete), with a window whose load event the test fires. */
function loadingDocument(): { doc: Document; fireLoad(): void } {
  const doc = document.implementation.createHTMLDocument('');
  Object.defineProperty(doc, 'readyState', { value: 'loading', configurable: true });
  Object.defineProperty(doc, 'defaultView', { value: window, configurable: true });
  return { doc, fireLoad: () => window.dispatchEvent(new Event('load')) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the comment list waits for Threadline', () => {
  it('is marked at document start and the stylesheet hides only the comment lists while marked', () => {
    const { doc } = loadingDocument();
    markWaiting(doc);
    expect(doc.documentElement.getAttribute(WAITING_ATTRIBUTE)).toBe('pending');
    expect(EARLY_CSS).toContain(`html[${WAITING_ATTRIBUTE}] #comment-holder`);
    expect(EARLY_CSS).toContain(`html[${WAITING_ATTRIBUTE}] #comments-block`);
    expect(EARLY_CSS).not.toMatch(/comment-form|comment-editor/);
  });

  it('gives the list back by itself a second after load when no content script claims the page', () => {
    vi.useFakeTimers();
    const { doc, fireLoad } = loadingDocument();
    markWaiting(doc);
    vi.advanceTimersByTime(10_000);
    expect(doc.documentElement.hasAttribute(WAITING_ATTRIBUTE)).toBe(true);
    fireLoad();
    vi.advanceTimersByTime(UNCLAIMED_RELEASE_MS - 1);
    expect(doc.documentElement.hasAttribute(WAITING_ATTRIBUTE)).toBe(true);
    vi.advanceTimersByTime(1);
    expect(doc.documentElement.hasAttribute(WAITING_ATTRIBUTE)).toBe(false);
  });

  it('stays while a claiming content script reads the page, and goes when it releases', () => {
    vi.useFakeTimers();
    const { doc, fireLoad } = loadingDocument();
    markWaiting(doc);
    claimWaiting(doc);
    fireLoad();
    vi.advanceTimersByTime(UNCLAIMED_RELEASE_MS * 5);
    expect(doc.documentElement.getAttribute(WAITING_ATTRIBUTE)).toBe('claimed');
    releaseWaiting(doc);
    expect(doc.documentElement.hasAttribute(WAITING_ATTRIBUTE)).toBe(false);
  });

  it('a content script on an unmarked page (no early script) adds no mark', () => {
    const { doc } = loadingDocument();
    claimWaiting(doc);
    expect(doc.documentElement.hasAttribute(WAITING_ATTRIBUTE)).toBe(false);
  });
});
