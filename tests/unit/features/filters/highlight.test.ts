// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { clearHighlights, highlightTerms } from '../../../../src/features/filters/highlight';

function body(html: string): HTMLElement {
  const element = document.createElement('div');
  // Test markup written here, not comment text: building it with the DOM would only obscure the structure.
  element.innerHTML = html;
  return element;
}

describe('highlightTerms', () => {
  it('wraps accent- and case-insensitive matches in marks, keeping the original text', () => {
    const element = body('The <b>Café</b> and the cafe, again CAFE.');
    expect(highlightTerms(element, ['cafe'])).toBe(3);
    const marks = [...element.querySelectorAll('mark[data-thread-match]')].map((mark) => mark.textContent);
    expect(marks).toEqual(['Café', 'cafe', 'CAFE']);
    expect(element.textContent).toBe('The Café and the cafe, again CAFE.');
  });

  it('leaves markup-like text as text', () => {
    const element = body('a &lt;img src=x onerror=alert(1)&gt; b');
    highlightTerms(element, ['img']);
    expect(element.querySelector('img')).toBeNull();
    expect(element.querySelector('mark')?.textContent).toBe('img');
  });

  it('marks nothing without terms', () => {
    const element = body('text');
    expect(highlightTerms(element, [])).toBe(0);
    expect(element.querySelector('mark')).toBeNull();
  });
});

describe('clearHighlights', () => {
  it('restores the exact DOM it started from, as single text nodes', () => {
    const element = body('<p>early release <i>scheme</i> early</p>');
    const before = element.innerHTML;
    highlightTerms(element, ['early', 'scheme']);
    expect(element.querySelectorAll('mark').length).toBe(3);
    clearHighlights(element);
    expect(element.innerHTML).toBe(before);
    expect(element.querySelector('p')!.childNodes.length).toBe(3);
  });

  it('keeps marks it did not add', () => {
    const element = body('<mark>own</mark> text');
    highlightTerms(element, ['text']);
    clearHighlights(element);
    expect(element.querySelectorAll('mark').length).toBe(1);
  });
});
