// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Extension storage in memory: the view's settings and every feature's persistence read and write it.
vi.mock('webextension-polyfill', async () => ({ default: (await import('../../support/fake-browser')).createFakeBrowser() }));

import feature, { notAReplyTarget } from '../../../../src/features/corrections/feature';
import { CORRECTION_VERSION, loadCorrections, saveCorrection } from '../../../../src/features/corrections/store';
import { parentCandidates } from '../../../../src/features/corrections/candidates';
import browser from '../../../../src/shared/browser';
import { buildModel, withLinkOverrides } from '../../../../src/ui/model';
import type { FakeBrowser } from '../../support/fake-browser';
import { click, comment, commentAction, defaultComments, mountView, POST, press, settle, type MountedView } from '../../support/mount-view';

const fake = browser as unknown as FakeBrowser;
let view: MountedView | null = null;
beforeEach(() => fake.reset());
afterEach(() => {
  view?.destroy();
  view = null;
});

/** The default post plus 7, which names 4's time ("@12:04") and so is placed under 4 by inference. */
const withInferred = () => [...defaultComments(), comment('7', '@12:04 well said, and I left at 12:01 that day.')];

const el = (id: string) => view!.shadow.querySelector<HTMLElement>(`[data-thread-comment="${id}"]`)!;
const action = (id: string, name: string) => commentAction(el(id), name);
const parentOf = (id: string) => view!.controller.model.get().trees.threaded.parentOf.get(id) ?? null;

describe('corrections: the model', () => {
  it('applies overrides over inferred links as reader links, ignoring comments and parents not on the page', () => {
    const model = buildModel(
      POST,
      withInferred(),
      new Map([
        ['2', null],
        ['999', '1'],
        ['4', '888'],
        ['6', '4'],
      ]),
    );
    expect(model.links.get('2')).toMatchObject({ parentId: null, source: 'reader' });
    expect(model.links.get('6')).toMatchObject({ parentId: '4', source: 'reader' });
    expect(model.links.get('4')!.source).toBe('blogger');
    expect(model.trees.threaded.parentOf.get('6')).toBe('4');
    const back = withLinkOverrides(model, new Map());
    expect(back.links.get('6')!.source).toBe('blogger');
    expect(back.trees.threaded.parentOf.get('6')).toBe('5');
  });

  it('says where "Not a reply" goes: Blogger’s parent after an inferred move, else the top level', () => {
    const model = buildModel(POST, withInferred());
    expect(model.links.get('7')).toMatchObject({ parentId: '4', source: 'time' });
    expect(notAReplyTarget(model, '7')).toBeNull();
    expect(notAReplyTarget(model, '2')).toBeNull();
    expect(notAReplyTarget(model, '4')).toBeUndefined();
    const moved = buildModel(POST, [...defaultComments(), comment('7', '@12:04 yes', { parentId: '5' })]);
    expect(moved.links.get('7')).toMatchObject({ parentId: '4', source: 'time' });
    expect(notAReplyTarget(moved, '7')).toBe('5');
  });

  it('offers the comments it mentions first, then the nearest earlier ones, and searches', () => {
    const model = buildModel(POST, withInferred());
    const offered = parentCandidates(model, '7');
    expect(offered.slice(0, 2)).toEqual(['4', '1']);
    expect(offered).not.toContain('7');
    expect(parentCandidates(model, '7', 'regional')).toEqual(['3']);
    expect(parentCandidates(model, '1')).toEqual([]);
  });

  it('restores the stored corrections of the post before the first render', async () => {
    await saveCorrection({ v: CORRECTION_VERSION, postKey: '7001', commentId: '2', parentId: null, at: 1 });
    const restored = await feature.restore!('7001');
    expect([...restored!.linkOverrides!]).toEqual([['2', null]]);
    expect(await feature.restore!('other')).toBeNull();
  });
});

describe('corrections: in the view', () => {
  it('"Not a reply" puts a Blogger reply at the top level at once, marked reader, and stores it', async () => {
    view = await mountView({ features: [feature] });
    await click(await action('2', 'not-a-reply'));
    expect(parentOf('2')).toBeNull();
    expect(el('2').getAttribute('data-thread-source')).toBe('reader');
    await vi.waitFor(async () => expect((await loadCorrections('7001')).get('2')?.parentId).toBeNull());
    expect(view.shadow.querySelector('[data-thread-corrections-status]')!.textContent).toBe('Moved under the post.');
  });

  it('"Reply to…" lists likely parents and moves the comment under the one chosen; Undo puts it back', async () => {
    view = await mountView({ features: [feature] });
    await click(await action('4', 'reply-to'));
    const picker = view.shadow.querySelector('[data-thread-reply-to="4"]')!;
    expect([...picker.querySelectorAll('[data-thread-correct-to]')].map((b) => b.getAttribute('data-thread-correct-to'))).toEqual(['3', '2', '1']);
    await click(picker.querySelector('[data-thread-correct-to="3"]'));
    expect(parentOf('4')).toBe('3');
    expect(el('4').getAttribute('data-thread-source')).toBe('reader');
    await click(await action('4', 'undo-correction'));
    expect(parentOf('4')).toBeNull();
    expect(el('4').getAttribute('data-thread-source')).toBe('blogger');
    await vi.waitFor(async () => expect((await loadCorrections('7001')).size).toBe(0));
  });

  it('applies what is stored, ignores a correction whose comment is gone, and removes all at once', async () => {
    await saveCorrection({ v: CORRECTION_VERSION, postKey: '7001', commentId: '6', parentId: '4', at: 1 });
    await saveCorrection({ v: CORRECTION_VERSION, postKey: '7001', commentId: '999', parentId: '4', at: 1 });
    view = await mountView({ features: [feature] });
    await vi.waitFor(() => expect(parentOf('6')).toBe('4'));
    await settle();
    const clear = view.shadow.querySelector<HTMLElement>('[data-thread-action="clear-corrections"]')!;
    expect(clear.getAttribute('data-thread-corrections')).toBe('2');
    await click(clear);
    expect(parentOf('6')).toBe('5');
    await vi.waitFor(async () => expect((await loadCorrections('7001')).size).toBe(0));
  });

  it('follows another tab’s correction of the same post', async () => {
    view = await mountView({ features: [feature] });
    await saveCorrection({ v: CORRECTION_VERSION, postKey: '7001', commentId: '3', parentId: '2', at: 5 });
    await vi.waitFor(() => expect(parentOf('3')).toBe('2'));
  });

  it('keeps another tab’s correction that lands while its own first read of the store is still under way', async () => {
    // The first read takes its snapshot at once but answers late: the other tab writes in between.
    let answer: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const read = fake.storage.local.get.bind(fake.storage.local);
    const slowRead = vi.spyOn(fake.storage.local, 'get').mockImplementation(async (keys) => {
      const snapshot = await read(keys);
      if (keys === null) await held;
      return snapshot;
    });
    view = await mountView({ features: [feature] });
    await saveCorrection({ v: CORRECTION_VERSION, postKey: '7001', commentId: '3', parentId: '2', at: 5 });
    await vi.waitFor(() => expect(parentOf('3')).toBe('2'));
    answer();
    slowRead.mockRestore();
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(parentOf('3')).toBe('2');
  });

  it('"Why here?" is a disclosure on inferred comments only: evidence, confidence, what was turned down; Escape closes', async () => {
    view = await mountView({ features: [feature], comments: withInferred() });
    expect(await action('2', 'why')).toBeNull();
    const why = (await action('7', 'why'))!;
    expect(why.getAttribute('aria-expanded')).toBe('false');
    await click(why);
    expect(why.getAttribute('aria-expanded')).toBe('true');
    const panel = view.shadow.getElementById(why.getAttribute('aria-controls')!)!;
    expect(panel.getAttribute('data-thread-why')).toBe('7');
    expect(panel.textContent).toContain('Time ‘@12:04’');
    expect(panel.textContent).toContain('strong (95%)');
    expect(panel.querySelector('[data-thread-why-rejected="1"]')!.textContent).toContain('a time in what is said');
    await press('Escape', panel);
    expect(view.shadow.querySelector('[data-thread-why]')).toBeNull();
    expect(view.shadow.activeElement).toBe(why);
  });

  it('shows a weak link as a suggestion that moves nothing; Accept files the comment under it as a correction', async () => {
    const comments = [...defaultComments(), comment('7', 'In agreement with Author 3 on this.')];
    view = await mountView({ features: [feature], comments });
    expect(parentOf('7')).toBeNull();
    expect(el('7').getAttribute('data-thread-source')).toBe('blogger');
    const suggestion = el('7').querySelector('[data-thread-suggestion]')!;
    expect(suggestion.getAttribute('data-thread-suggestion')).toBe('3');
    expect(suggestion.textContent).toContain('possibly answering Author 3, 19 February 2024 at 12:03');
    await click(suggestion.querySelector('[data-thread-action="jump-suggestion"]'));
    expect(view.controller.highlight.get()).toBe('3');
    await click(el('7').querySelector('[data-thread-action="accept-suggestion"]'));
    expect(parentOf('7')).toBe('3');
    expect(el('7').getAttribute('data-thread-source')).toBe('reader');
    expect(el('7').querySelector('[data-thread-suggestion]')).toBeNull();
    await vi.waitFor(async () => expect((await loadCorrections('7001')).get('7')?.parentId).toBe('3'));
  });

  it('rebuilds live at another evidence level: all moves the weak link, off keeps Blogger’s threads and the reader’s corrections', async () => {
    const comments = [...defaultComments(), comment('7', 'In agreement with Author 3 on this.'), comment('8', '@12:04 quite.')];
    await saveCorrection({ v: CORRECTION_VERSION, postKey: '7001', commentId: '2', parentId: null, at: 1 });
    view = await mountView({ features: [feature], comments });
    await vi.waitFor(() => expect(parentOf('2')).toBeNull());
    expect([parentOf('7'), parentOf('8')]).toEqual([null, '4']);
    view.controller.setEvidenceLevel('all');
    await settle();
    expect([parentOf('7'), parentOf('8')]).toEqual(['3', '4']);
    expect(el('7').getAttribute('data-thread-source')).toBe('name');
    expect(view.shadow.querySelector('[data-thread-suggestion]')).toBeNull();
    view.controller.setEvidenceLevel('off');
    await settle();
    expect([parentOf('7'), parentOf('8'), parentOf('2')]).toEqual([null, null, null]);
    expect(el('2').getAttribute('data-thread-source')).toBe('reader');
    expect(view.shadow.querySelector('[data-thread-suggestion]')).toBeNull();
    await click(await action('8', 'why'));
    expect(view.shadow.querySelector('[data-thread-why="8"]')!.textContent).toContain('Reply inference is off');
  });

  it('says in "Why here?" of its parent that a correction whose comment is gone is kept but not applied', async () => {
    await saveCorrection({ v: CORRECTION_VERSION, postKey: '7001', commentId: '999', parentId: '4', at: 1 });
    await saveCorrection({ v: CORRECTION_VERSION, postKey: '7001', commentId: '3', parentId: '888', at: 1 });
    view = await mountView({ features: [feature] });
    await vi.waitFor(async () => expect(await action('4', 'why')).not.toBeNull());
    await click(await action('4', 'why'));
    expect(view.shadow.querySelector('[data-thread-why="4"] [data-thread-why-stale="children"]')!.textContent).toContain(
      'no longer on the page; that correction is kept, but not applied',
    );
    await click(await action('3', 'why'));
    expect(view.shadow.querySelector('[data-thread-why="3"] [data-thread-why-stale="parent"]')).not.toBeNull();
    expect(parentOf('3')).toBe('1');
    expect(await action('2', 'why')).toBeNull();
  });

  it('moves through the "Reply to…" list with the arrow keys, Home and End, and back up to the search box', async () => {
    view = await mountView({ features: [feature] });
    await click(await action('4', 'reply-to'));
    const picker = view.shadow.querySelector<HTMLElement>('[data-thread-reply-to="4"]')!;
    const search = picker.querySelector('input')!;
    const choices = [...picker.querySelectorAll<HTMLElement>('[data-thread-correct-to]')];
    expect(view.shadow.activeElement).toBe(search);
    await press('ArrowDown', search);
    expect(view.shadow.activeElement).toBe(choices[0]);
    await press('ArrowDown', choices[0]);
    expect(view.shadow.activeElement).toBe(choices[1]);
    await press('End', choices[1]);
    expect(view.shadow.activeElement).toBe(choices.at(-1));
    await press('Home', choices.at(-1));
    expect(view.shadow.activeElement).toBe(choices[0]);
    await press('ArrowUp', choices[0]);
    expect(view.shadow.activeElement).toBe(search);
    await press('Escape', search);
    expect(view.shadow.querySelector('[data-thread-reply-to]')).toBeNull();
    expect(view.shadow.activeElement).toBe(el('4').querySelector('[data-thread-action="menu"]'));
  });

  it('leaves nothing behind once the view is destroyed', async () => {
    view = await mountView({ features: [feature] });
    view.destroy();
    expect(document.querySelector('[data-thread-root]')).toBeNull();
  });
});
