// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachGlossary, GLOSSARY_CSS, type GlossaryController } from '../../../../src/features/glossary/attach';
import { mergeGlossary } from '../../../../src/features/glossary/merge';
import { BUILT_IN_TERMS } from '../../../../src/features/glossary/terms';

let shadow: ShadowRoot;
let post: HTMLElement;
let glossary: GlossaryController;

function comment(id: string, text: string): HTMLElement {
  const element = document.createElement('div');
  element.setAttribute('data-thread-comment', id);
  element.textContent = text;
  shadow.append(element);
  return element;
}

beforeEach(() => {
  document.head.replaceChildren();
  document.body.replaceChildren();
  post = document.createElement('div');
  post.textContent = 'The SFO review went to the MoJ. Also the QZX board.';
  document.body.append(post);
  const host = document.createElement('div');
  document.body.append(host);
  shadow = host.attachShadow({ mode: 'open' });
  glossary = attachGlossary({ uiRoot: shadow, scanRoots: [post], settings: { enabled: true, mode: 'every' }, entries: BUILT_IN_TERMS });
});

afterEach(() => glossary.destroy());

describe('attachGlossary', () => {
  it('scans the post body in the page with labelled terms, since aria-describedby cannot cross into the shadow root', () => {
    const sfo = post.querySelector('[data-term="SFO"]');
    expect(sfo?.getAttribute('aria-label')).toBe('SFO: Serious further offence');
    expect(sfo?.hasAttribute('aria-describedby')).toBe(false);
    expect(document.head.querySelector('style[data-tl-glossary-style]')?.textContent).toBe(GLOSSARY_CSS); // text in the build; '' under vitest
    expect(shadow.querySelector('style[data-tl-glossary-style]')).not.toBeNull();
  });

  it('describes comment terms in the shadow root by the one tooltip', () => {
    const body = comment('1', 'Ask the SPO');
    glossary.scan(body);
    expect(body.querySelector('[data-term="SPO"]')?.getAttribute('aria-describedby')).toBe(glossary.tooltip.element.id);
    expect(shadow.querySelectorAll('[role="tooltip"]')).toHaveLength(1);
  });

  it('summarises the terms on the page with counts and the unknown acronyms', async () => {
    glossary.scan(comment('1', 'The SPO told the SPO about QZX'));
    const summary = glossary.summary();
    expect(summary.terms.slice(0, 1)).toEqual([{ term: 'SPO', count: 2, expansion: 'Senior Probation Officer' }]);
    expect(summary.unknown).toEqual([{ token: 'QZX', count: 2 }]);
    const updates: number[] = [];
    glossary.subscribe((s) => updates.push(s.terms.length));
    glossary.scan(comment('2', 'and the NPS'));
    await Promise.resolve();
    expect(updates.at(-1)).toBe(4);
  });

  it('steps through the occurrences of a term, focusing each in turn and wrapping', () => {
    glossary.scan(comment('1', 'SPO one'));
    glossary.scan(comment('2', 'SPO two'));
    expect(glossary.step('SPO')).toEqual({ index: 1, total: 2 });
    expect((shadow.activeElement as HTMLElement | null)?.parentElement?.getAttribute('data-thread-comment')).toBe('1');
    expect(glossary.step('SPO')).toEqual({ index: 2, total: 2 });
    expect(glossary.step('SPO')).toEqual({ index: 1, total: 2 });
    expect(glossary.step('SPO', -1)).toEqual({ index: 2, total: 2 });
    expect(glossary.step('NOPE')).toBeNull();
  });

  it("re-marks with 'first' mode and unmarks when disabled", () => {
    const body = comment('1', 'SPO and SPO');
    glossary.scan(body);
    glossary.setSettings({ enabled: true, mode: 'first' });
    expect(body.querySelectorAll('[data-term="SPO"]')).toHaveLength(1);
    glossary.setSettings({ enabled: false, mode: 'first' });
    expect(document.querySelectorAll('[data-term]').length + shadow.querySelectorAll('[data-term]').length).toBe(0);
    expect(body.textContent).toBe('SPO and SPO');
  });

  it('uses custom entries for new scans and for the tooltip', () => {
    glossary.setEntries(mergeGlossary(BUILT_IN_TERMS, [{ term: 'QZX', expansion: 'Quiz board', definition: 'Mine.' }]));
    const body = comment('1', 'the QZX met');
    glossary.scan(body);
    const term = body.querySelector<HTMLElement>('[data-term="QZX"]');
    term?.focus();
    expect(glossary.tooltip.element.textContent).toContain('Quiz board');
    expect(glossary.tooltip.element.textContent).toContain('Your own definition');
  });
});
