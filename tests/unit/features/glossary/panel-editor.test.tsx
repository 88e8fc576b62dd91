// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));

import { GlossaryEditor, type CustomTermStore } from '../../../../src/features/glossary/GlossaryEditor';
import { GlossaryPanelView } from '../../../../src/features/glossary/GlossaryPanel';
import type { CustomTerm } from '../../../../src/features/glossary/types';

let container: HTMLElement;
beforeEach(() => {
  document.body.replaceChildren();
  container = document.createElement('div');
  document.body.append(container);
});

const summary = {
  terms: [
    { term: 'NPS', expansion: 'National Probation Service', count: 3 },
    { term: 'SPO', expansion: 'Senior Probation Officer', count: 1 },
  ],
  unknown: [{ token: 'QZX', count: 2 }],
};

describe('GlossaryPanelView', () => {
  it('lists the terms on the page with counts and steps through one when chosen', async () => {
    const onStep = vi.fn(() => ({ index: 1, total: 3 }));
    await act(() => render(<GlossaryPanelView summary={summary} onStep={onStep} onDefine={() => {}} />, container));
    const step = container.querySelector<HTMLButtonElement>('[data-glossary-step="NPS"]');
    expect(step?.textContent).toContain('(3)');
    await act(() => step?.click());
    expect(onStep).toHaveBeenCalledWith('NPS', 1);
    expect(container.querySelector('[role="status"]')?.textContent).toBe('1 of 3');
    await act(() => container.querySelector<HTMLButtonElement>('[data-glossary-step-back="SPO"]')?.click());
    expect(onStep).toHaveBeenLastCalledWith('SPO', -1);
  });

  it('lists tokens not yet defined with a define button', async () => {
    const onDefine = vi.fn();
    await act(() => render(<GlossaryPanelView summary={summary} onStep={() => null} onDefine={onDefine} />, container));
    await act(() => container.querySelector<HTMLButtonElement>('[data-glossary-define="QZX"]')?.click());
    expect(onDefine).toHaveBeenCalledWith('QZX');
  });
});

function memoryStore(initial: CustomTerm[] = []): CustomTermStore & { terms: CustomTerm[] } {
  const store = {
    terms: [...initial],
    load: async () => [...store.terms],
    save: async (term: Partial<CustomTerm>, previous?: string) => {
      const value = term as CustomTerm;
      store.terms = store.terms.filter((t) => t.term !== value.term && t.term !== previous).concat(value);
      return value;
    },
    remove: async (term: string) => {
      store.terms = store.terms.filter((t) => t.term !== term);
    },
    subscribe: () => () => {},
  };
  return store;
}

async function type(name: string, value: string): Promise<void> {
  const field = container.querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!field) throw new Error(`no field ${name}`);
  field.value = value;
  await act(() => {
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function submit(): Promise<void> {
  await act(async () => {
    container.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await act(async () => {});
}

describe('GlossaryEditor', () => {
  it('prefills the term to define and saves a new term', async () => {
    const store = memoryStore();
    await act(() => render(<GlossaryEditor initialDefine="QZX" store={store} />, container));
    expect(container.querySelector<HTMLInputElement>('[name="term"]')?.value).toBe('QZX');
    await type('expansion', 'Quiz board');
    await submit();
    expect(store.terms).toEqual([{ term: 'QZX', expansion: 'Quiz board', definition: '' }]);
    expect(container.querySelector('[data-custom-term="QZX"]')?.textContent).toContain('Quiz board');
  });

  it('shows validation errors instead of saving', async () => {
    const store = memoryStore();
    await act(() => render(<GlossaryEditor store={store} />, container));
    await type('term', 'two words');
    await submit();
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('one word');
    expect(store.terms).toEqual([]);
  });

  it('says when a term replaces a built-in entry, and edits and removes terms', async () => {
    const store = memoryStore([{ term: 'OLDX', expansion: 'Old', definition: '' }]);
    await act(() => render(<GlossaryEditor store={store} />, container));
    await act(async () => {});
    await type('term', 'oasys');
    expect(container.textContent).toContain('Replaces the built-in entry: OASys');
    await act(() => container.querySelector<HTMLButtonElement>('[aria-label="Edit OLDX"]')?.click());
    await type('expansion', 'Newer');
    await submit();
    expect(store.terms).toEqual([{ term: 'OLDX', expansion: 'Newer', definition: '' }]);
    await act(async () => container.querySelector<HTMLButtonElement>('[aria-label="Remove OLDX"]')?.click());
    await act(async () => {});
    expect(store.terms).toEqual([]);
    expect(container.textContent).toContain('You have not added any terms yet.');
  });
});
