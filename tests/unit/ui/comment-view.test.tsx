// @vitest-environment jsdom
/**
 * The core comment view as a reader and a script see it: the public DOM contract, replies that collapse and expand,
 * nothing of any feature when none is registered, and no axe violations with every feature or none.
 */
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../support/fake-browser')).createFakeBrowser() }));

import { FEATURES } from '../../../src/features';
import browser from '../../../src/shared/browser';
import type { FakeBrowser } from '../support/fake-browser';
import { click, comment, defaultComments, mountView, settle, type MountedView } from '../support/mount-view';

const fake = browser as unknown as FakeBrowser;

let view: MountedView | null = null;

beforeEach(() => {
  fake.reset();
  // The background's answer to the glossary request: no built-in terms (the glossary then attaches with none).
  fake.runtime.answer = (message) => ((message as { type?: string }).type === 'threadline:glossary-terms' ? [] : undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  view?.destroy();
  view = null;
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

async function mount(options: Parameters<typeof mountView>[0] = {}): Promise<MountedView> {
  view = await mountView(options);
  return view;
}

const ids = (elements: Iterable<Element>, attribute: string) => [...elements].map((element) => element.getAttribute(attribute));

describe('comment view: the DOM contract', () => {
  it('renders each comment exactly once as [data-thread-comment], with its parent and the source of the link', async () => {
    const { shadow } = await mount();
    const articles = shadow.querySelectorAll('[data-thread-comment]');
    expect(ids(articles, 'data-thread-comment')).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(ids(articles, 'data-thread-parent')).toEqual(['', '1', '1', '', '', '5']);
    expect(ids(articles, 'data-thread-source')).toEqual(['blogger', 'blogger', 'blogger', 'blogger', 'blogger', 'blogger']);
    // Replies render inside their parent's element.
    expect(shadow.querySelector('[data-thread-comment="1"] [data-thread-comment="3"]')).not.toBeNull();
    expect(shadow.querySelector('[data-thread-comment="4"] [data-thread-comment]')).toBeNull();
  });

  it('names the evidence of an inferred reply in data-thread-source and places it under the comment it answers', async () => {
    const comments = [
      comment('1', 'I am retiring early this week.', { displayTime: '19 February 2024 at 21:07', publishedMs: Date.UTC(2024, 1, 19, 21, 7) }),
      comment('2', 'Unrelated point about pay.', { displayTime: '19 February 2024 at 22:10', publishedMs: Date.UTC(2024, 1, 19, 22, 10) }),
      comment('3', '@21:07 good luck, I retired three years early', {
        displayTime: '20 February 2024 at 08:00',
        publishedMs: Date.UTC(2024, 1, 20, 8),
      }),
    ];
    const { shadow } = await mount({ comments });
    const inferred = shadow.querySelector('[data-thread-comment="3"]')!;
    expect(inferred.getAttribute('data-thread-source')).toBe('time');
    expect(inferred.getAttribute('data-thread-parent')).toBe('1');
    expect(inferred.parentElement?.closest('[data-thread-comment]')?.getAttribute('data-thread-comment')).toBe('1');
  });

  it('gives a toggle with aria-expanded to comments with replies only', async () => {
    const { shadow } = await mount();
    const toggles = shadow.querySelectorAll('button[data-thread-action="toggle"][aria-expanded]');
    expect(toggles).toHaveLength(2);
    expect([...toggles].map((toggle) => toggle.closest('[data-thread-comment]')?.getAttribute('data-thread-comment'))).toEqual(['1', '5']);
    expect(ids(toggles, 'aria-expanded')).toEqual(['true', 'true']);
    for (const toggle of toggles) expect(shadow.getElementById(toggle.getAttribute('aria-controls')!)?.getAttribute('role')).toBe('group');
  });

  it('hides the replies when the toggle is pressed and shows them again when pressed again, flipping aria-expanded', async () => {
    const { shadow } = await mount();
    const toggle = () => shadow.querySelector<HTMLButtonElement>('[data-thread-comment="1"] [data-thread-action="toggle"]')!;
    const replies = () => shadow.getElementById(toggle().getAttribute('aria-controls')!)!;
    expect(replies().hidden).toBe(false);

    await click(toggle());
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    expect(replies().hidden).toBe(true);
    expect(replies().querySelectorAll('[data-thread-comment]')).toHaveLength(2);
    // A collapsed thread is one line: the count, then the first reply's author and first words.
    expect(toggle().textContent).toMatch(/^2 replies/);
    expect(toggle().querySelector('.collapsed-preview')?.textContent).toMatch(/^Author \d+: \S/);
    // The other thread is untouched.
    expect(shadow.querySelector('[data-thread-comment="5"] [data-thread-action="toggle"]')?.getAttribute('aria-expanded')).toBe('true');

    await click(toggle());
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    expect(replies().hidden).toBe(false);
  });
});

describe('comment view: the core names no feature', () => {
  it('with no feature registered, shows only the core controls: no Save, no reading list, no glossary, no search', async () => {
    const { shadow, mounted } = await mount({ features: [] });
    const actions = new Set(ids(shadow.querySelectorAll('[data-thread-action]'), 'data-thread-action'));
    expect([...actions].sort()).toEqual(['collapse-all', 'expand-all', 'menu', 'reply', 'toggle']);
    expect(shadow.textContent).not.toMatch(/\bSave\b|Reading list|Glossary/);
    expect(shadow.querySelector('input, textarea, [role="dialog"], [data-thread-new]')).toBeNull();
    // Nothing outside the section but the section itself.
    const top = [...shadow.querySelectorAll('section.threadline')];
    expect(top).toHaveLength(1);
    expect(mounted.host.shadowRoot!.lastElementChild!.children).toHaveLength(1);
  });

  it('with every feature registered, the same comments carry the features’ actions (the contrast the test above relies on)', async () => {
    const { shadow } = await mount({ features: FEATURES });
    expect(shadow.querySelectorAll('[data-thread-comment]')).toHaveLength(6);
    expect(shadow.querySelectorAll('[data-thread-action="save"]')).toHaveLength(6);
    expect(shadow.querySelector('[data-thread-action="glossary"]')).not.toBeNull();
  });
});

/**
 * Run axe over everything Threadline renders inside its shadow root (the section and the overlays beside it). A plain
 * array selector means frames to axe; shadow DOM takes `fromShadowDom: [host, inner]`.
 */
async function axeResults(): Promise<axe.AxeResults> {
  return axe.run({ include: [{ fromShadowDom: ['[data-thread-root]', 'div'] }] }, { rules: { 'color-contrast': { enabled: false } } });
}

async function axeViolations(): Promise<axe.Result[]> {
  return (await axeResults()).violations;
}

/** The elements a passed rule checked, as axe names them (the last part of each shadow-piercing target). */
const checked = (results: axe.AxeResults, rule: string) =>
  results.passes.find((result) => result.id === rule)?.nodes.map((node) => String(node.target.at(-1))) ?? [];

const summary = (violations: axe.Result[]) =>
  violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);

describe('comment view: accessibility (axe)', () => {
  it('has no axe violations with no feature registered', async () => {
    await mount({ features: [] });
    const violations = await axeViolations();
    expect(summary(violations)).toEqual([]);
  });

  it('has no axe violations with every feature registered, replies collapsed or not', async () => {
    const { shadow } = await mount({ features: FEATURES, collapsed: ['5'] });
    // The toolbar menu open, so its items (Glossary, Save post...) are among what axe checks.
    await click(shadow.querySelector<HTMLButtonElement>('[data-thread-action="menu"]')!);
    const results = await axeResults();
    expect(summary(results.violations)).toEqual([]);
    // The features' controls were among what axe checked, not only the core's.
    const buttons = checked(results, 'button-name');
    expect(buttons.filter((target) => target.includes('data-thread-action="save"')).length).toBeGreaterThan(0);
    // The menu's Glossary item (axe names it by its icon class, the one class only it has).
    expect(buttons.some((target) => target.includes('data-thread-action="glossary"') || target.includes('.icon-glossary'))).toBe(true);
  });

  it('checks what it claims to: axe sees the comments inside the shadow root and reports a broken one', async () => {
    const { shadow } = await mount({ features: [] });
    const toggle = shadow.querySelector('[data-thread-action="toggle"]')!;
    toggle.textContent = '';
    toggle.setAttribute('aria-expanded', 'maybe');
    await settle();
    const found = (await axeViolations()).map((violation) => violation.id);
    expect(found).toContain('button-name');
    expect(found).toContain('aria-valid-attr-value');
  });
});

describe('comment view: with the default post', () => {
  it('counts every comment of the default post in the toolbar', async () => {
    const { shadow } = await mount();
    expect(shadow.querySelector('.toolbar .count')?.textContent).toBe(`${defaultComments().length} comments`);
  });
});
