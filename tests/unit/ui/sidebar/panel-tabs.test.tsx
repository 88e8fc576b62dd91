// @vitest-environment jsdom
/** The shared tab strip: the active tab is the one in the tab order, arrows wrap round, Home and End go to the ends. */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { PanelTabs } from '../../../../src/ui/sidebar/PanelTabs';

const TABS = [
  { id: 'one', label: 'One' },
  { id: 'two', label: 'Two' },
  { id: 'three', label: 'Three' },
];

function Strip() {
  const [active, setActive] = useState('one');
  return <PanelTabs tabs={TABS} active={active} onSelect={setActive} idPrefix="t-" controls="body" className="tabs" label="Panels" />;
}

function mount(): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(<Strip />, root));
  return root;
}

function press(key: string): void {
  act(() => {
    (document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

function selected(root: HTMLElement): string[] {
  return [...root.querySelectorAll('[role="tab"]')].filter((tab) => tab.getAttribute('aria-selected') === 'true').map((tab) => tab.id);
}

afterEach(() => document.body.replaceChildren());

describe('the panel tab strip', () => {
  it('keeps only the active tab in the tab order, and selects a tab on click', () => {
    const root = mount();
    expect(root.querySelector('[role="tablist"]')?.getAttribute('aria-label')).toBe('Panels');
    expect([...root.querySelectorAll<HTMLElement>('[role="tab"]')].map((tab) => tab.tabIndex)).toEqual([0, -1, -1]);
    act(() => root.querySelector<HTMLElement>('#t-two')!.click());
    expect(selected(root)).toEqual(['t-two']);
    expect(root.querySelector('#t-two')?.getAttribute('aria-controls')).toBe('body');
  });

  it('moves selection and focus with the arrows (wrapping round), Home and End', () => {
    const root = mount();
    root.querySelector<HTMLElement>('#t-one')!.focus();
    press('ArrowLeft');
    expect(selected(root)).toEqual(['t-three']);
    expect(document.activeElement?.id).toBe('t-three');
    press('ArrowRight');
    expect(document.activeElement?.id).toBe('t-one');
    press('End');
    expect(selected(root)).toEqual(['t-three']);
    press('Home');
    expect(selected(root)).toEqual(['t-one']);
    press('x');
    expect(selected(root)).toEqual(['t-one']);
  });
});
