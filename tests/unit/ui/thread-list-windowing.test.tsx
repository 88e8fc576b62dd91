// @vitest-environment jsdom
/** On a big post only the thread groups near the screen (or asked for) are built; the rest stand in as findable text. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../support/fake-browser')).createFakeBrowser() }));
import { EAGER_COMMENTS, SMALL_POST_COMMENTS } from '../../../src/ui/windowing';
import { FakeIntersectionObserver } from '../support/fake-intersection-observer';
import { comment, mountView, settle, type MountedView } from '../support/mount-view';

let view: MountedView | null = null;
const saved = { observer: window.IntersectionObserver };

beforeEach(() => {
  // What windowing needs from the browser: IntersectionObserver, and `hidden="until-found"` (beforematch) support.
  Object.defineProperty(window, 'IntersectionObserver', { value: FakeIntersectionObserver, configurable: true, writable: true });
  Object.defineProperty(document.documentElement, 'onbeforematch', { value: null, configurable: true, writable: true });
});

afterEach(() => {
  view?.destroy();
  view = null;
  Object.defineProperty(window, 'IntersectionObserver', { value: saved.observer, configurable: true, writable: true });
  delete (document.documentElement as unknown as Record<string, unknown>).onbeforematch;
});

/** A post of `count` top-level comments, each with its own words. */
function bigPost(count: number) {
  return Array.from({ length: count }, (_, index) => comment(String(index + 1), `Words of comment number ${index + 1}.`));
}

const built = () => [...view!.shadow.querySelectorAll('[data-thread-comment]')].map((element) => element.getAttribute('data-thread-comment'));
const standins = () => [...view!.shadow.querySelectorAll('[data-thread-standin]')].map((element) => element.getAttribute('data-thread-standin'));

describe('windowing the thread list', () => {
  it('builds the first comments at once and shows every other comment exactly once as a stand-in with its words', async () => {
    view = await mountView({ comments: bigPost(200) });
    const ids = [...built(), ...standins()];
    expect(ids).toHaveLength(200);
    expect(new Set(ids).size).toBe(200);
    expect(built().length).toBeGreaterThanOrEqual(EAGER_COMMENTS);
    expect(built().length).toBeLessThan(200);
    const last = view.shadow.querySelector('[data-thread-standin="200"]')!;
    expect(last.textContent).toContain('Words of comment number 200.');
    // Hidden until found: the browser's find in page still finds it.
    expect(last.closest('.standins')!.hasAttribute('hidden')).toBe(true);
    expect(last.hasAttribute('hidden')).toBe(false);
    expect(last.closest('.thread-group')!.hasAttribute('data-thread-pending')).toBe(true);
  });

  it('builds a pending group once it nears the screen', async () => {
    view = await mountView({ comments: bigPost(200) });
    const group = view.shadow.querySelector('[data-thread-standin="200"]')!.closest('.thread-group')!;
    const observer = FakeIntersectionObserver.last!;
    expect(observer.observed.has(group)).toBe(true);
    observer.show(group);
    await vi.waitFor(() => expect(view!.shadow.querySelector('[data-thread-comment="200"]')).not.toBeNull());
    expect(view.shadow.querySelector('[data-thread-standin="200"]')).toBeNull();
  });

  it('builds the group of a comment it is asked to go to, far below', async () => {
    view = await mountView({ comments: bigPost(200) });
    view.controller.actions.jumpTo('190', { focus: false });
    await settle();
    await vi.waitFor(() => expect(view!.shadow.querySelector('[data-thread-comment="190"]')).not.toBeNull());
  });

  it('builds the group of the stand-ins the browser found in page (beforematch)', async () => {
    view = await mountView({ comments: bigPost(200) });
    view.shadow
      .querySelector('[data-thread-standin="150"]')!
      .closest('.standins')!
      .dispatchEvent(new Event('beforematch', { bubbles: true }));
    await vi.waitFor(() => expect(view!.shadow.querySelector('[data-thread-comment="150"]')).not.toBeNull());
  });

  it('hides the stand-ins of filtered-out comments from find in page, as their comments would be', async () => {
    view = await mountView({ comments: bigPost(200) });
    view.controller.hidden.set('199', true);
    await settle();
    await settle();
    const group = view.shadow.querySelector('[data-thread-standin="199"]')!.closest<HTMLElement>('.thread-group')!;
    expect(group.style.getPropertyValue('--tl-group-shown')).toBe(String(group.querySelectorAll('[data-thread-standin]').length - 1));
    expect(group.querySelector('[data-thread-standin="199"]')!.hasAttribute('hidden')).toBe(true);
    expect(group.querySelector('[data-thread-standin="198"]')!.hasAttribute('hidden')).toBe(false);
  });

  it('builds every group, a chunk per task, when a feature needs the whole page', async () => {
    view = await mountView({ comments: bigPost(200) });
    view.controller.buildEverything.set(true);
    await vi.waitFor(() => expect(standins()).toEqual([]), { timeout: 5000 });
    expect(built()).toHaveLength(200);
  });

  it('builds everything before printing', async () => {
    view = await mountView({ comments: bigPost(200) });
    window.dispatchEvent(new Event('beforeprint'));
    await settle();
    expect(standins()).toEqual([]);
    expect(built()).toHaveLength(200);
  });

  it('builds a small post whole', async () => {
    view = await mountView({ comments: bigPost(SMALL_POST_COMMENTS) });
    expect(built()).toHaveLength(SMALL_POST_COMMENTS);
    expect(standins()).toEqual([]);
  });
});
