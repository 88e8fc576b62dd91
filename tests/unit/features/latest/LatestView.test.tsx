// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchLatestPage, type LatestComment } from '../../../../src/blogger/latest-feed';
import { ENTRIES_PER_STEP, LatestView } from '../../../../src/features/latest/LatestView';
import { LatestStore } from '../../../../src/features/latest/latest-store';
import type { LatestFollows } from '../../../../src/features/latest/follow-links';
import { ReadState } from '../../../../src/features/latest/read-state';
import { IdSetStore } from '../../../../src/shared/store';
import { purifyHtmlEach } from '../../../../src/shared/sanitize-purify';
import { latestFeedResponse } from '../../../fixtures/serve-latest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../../support/fake-browser')).createFakeBrowser() }));

const ORIGIN = 'https://probationmatters.blogspot.com';
const container = document.createElement('div');
document.body.append(container);
afterEach(() => render(null, container));

function setUp(read: Record<string, string[]> = {}, pageSize = 50) {
  const store = new LatestStore({
    origin: ORIGIN,
    pageSize,
    cache: { read: async () => undefined, write: async () => undefined },
    source: (startIndex, size, signal) =>
      fetchLatestPage({
        origin: ORIGIN,
        startIndex,
        pageSize: size,
        signal,
        fetchJson: async (url) => JSON.parse(latestFeedResponse(url)!.body),
        sanitizeEach: purifyHtmlEach,
      }),
  });
  const reads = new ReadState({ load: async (post) => new Set(read[post.postId] ?? []), subscribe: () => () => undefined });
  const opened: LatestComment[] = [];
  return { store, reads, opened };
}

/** Let the load, the read ids and every paced step land. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

describe('LatestView', () => {
  it('renders the entries grouped by post with hostile bodies and names as inert text', async () => {
    const { store, reads, opened } = setUp();
    render(<LatestView store={store} reads={reads} onOpen={(c) => opened.push(c)} />, container);
    await settle();
    const entries = container.querySelectorAll('[data-latest-comments] [data-latest-comment]');
    expect(entries).toHaveLength(50);
    expect(container.querySelectorAll('[data-latest-comments] img, [data-latest-comments] script, [data-latest-comments] svg')).toHaveLength(0);
    expect(container.textContent).toContain('latest-hostile-0');
    expect(container.textContent).toContain('Mallory');
    for (const group of container.querySelectorAll('[data-latest-post]')) {
      for (const entry of group.querySelectorAll('[data-latest-comment]'))
        expect(entry.getAttribute('data-post-id')).toBe(group.getAttribute('data-latest-post'));
    }
  });

  it('puts the unread dot only on comments the reading progress has not counted', async () => {
    const { store, reads } = setUp();
    render(<LatestView store={store} reads={reads} onOpen={() => undefined} />, container);
    await settle();
    const first = container.querySelector('[data-latest-comment]')!;
    expect(first.querySelector('[data-latest-unread]')).not.toBeNull();
    const { store: store2, reads: reads2 } = setUp({ [first.getAttribute('data-post-id')!]: [first.getAttribute('data-latest-comment')!] });
    render(<LatestView store={store2} reads={reads2} onOpen={() => undefined} />, container);
    await settle();
    expect(container.querySelector('[data-latest-comment]')!.querySelector('[data-latest-unread]')).toBeNull();
  });

  it('renders a long list a step per task, and opens the entry chosen', async () => {
    const { store, reads, opened } = setUp({}, 200);
    render(<LatestView store={store} reads={reads} onOpen={(c) => opened.push(c)} />, container);
    await act(async () => {
      await store.ensureLoaded();
    });
    expect(container.querySelectorAll('[data-latest-comment]').length).toBeLessThanOrEqual(2 * ENTRIES_PER_STEP);
    await settle();
    expect(container.querySelectorAll('[data-latest-comment]')).toHaveLength(200);
    const link = container.querySelectorAll<HTMLAnchorElement>('[data-latest-open]')[3]!;
    link.click();
    expect(opened.map((c) => c.id)).toEqual([link.closest('[data-latest-comment]')!.getAttribute('data-latest-comment')]);
  });

  it('moves focus between entries with the arrow keys', async () => {
    const { store, reads } = setUp();
    render(<LatestView store={store} reads={reads} onOpen={() => undefined} />, container);
    await settle();
    const links = container.querySelectorAll<HTMLAnchorElement>('[data-latest-open]');
    links[0]!.focus();
    links[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(document.activeElement).toBe(links[1]);
    links[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    expect(document.activeElement).toBe(links[links.length - 1]);
  });

  it('with following: its two filters narrow the list, each post has a Follow toggle, and both follow the index', async () => {
    const { store, reads } = setUp();
    const followed = new IdSetStore();
    const replies = new IdSetStore();
    const calls: [string, boolean][] = [];
    const follows: LatestFollows = {
      stores: [followed, replies],
      filters: [
        { id: 'followed', kind: 'toggle', label: () => 'followed', test: (c) => followed.has(c.postId) },
        { id: 'replies-to-me', kind: 'toggle', label: () => 'replies', test: (c) => replies.has(c.id) },
      ],
      isFollowed: (c) => followed.has(c.postId),
      setFollowed: async (c, on) => {
        calls.push([c.postId, on]);
        followed.set(c.postId, on);
      },
    };
    render(<LatestView store={store} reads={reads} onOpen={() => undefined} follows={follows} />, container);
    await settle();
    const groups = [...container.querySelectorAll('[data-latest-post]')];
    expect(groups.length).toBeGreaterThan(1);
    for (const group of groups) expect(group.querySelector('[data-latest-action="follow"]')!.getAttribute('aria-pressed')).toBe('false');
    const postId = groups[1]!.getAttribute('data-latest-post')!;
    await act(() => (groups[1]!.querySelector('[data-latest-action="follow"]') as HTMLButtonElement).click());
    await settle();
    expect(calls).toEqual([[postId, true]]);
    expect(container.querySelector(`[data-latest-post="${postId}"] [data-latest-action="follow"]`)!.getAttribute('aria-pressed')).toBe('true');

    const check = async (id: string, on: boolean) => {
      const box = container.querySelector(`input[data-latest-filter="${id}"]`) as HTMLInputElement;
      box.checked = on;
      await act(() => {
        box.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await settle();
    };
    await check('followed', true);
    const onlyFollowed = [...container.querySelectorAll('[data-latest-comment]')].map((entry) => entry.getAttribute('data-post-id'));
    expect(onlyFollowed.length).toBeGreaterThan(0);
    expect(new Set(onlyFollowed)).toEqual(new Set([postId]));
    await check('followed', false);
    await check('replies-to-me', true);
    expect(container.querySelectorAll('[data-latest-comment]')).toHaveLength(0);
    const some =
      (await store.ensureLoaded(),
      store
        .get()
        .data!.comments.slice(3, 5)
        .map((c) => c.id));
    await act(() => replies.replace(some));
    await settle();
    expect([...container.querySelectorAll('[data-latest-comment]')].map((entry) => entry.getAttribute('data-latest-comment')).sort()).toEqual(
      [...some].sort(),
    );
  });

  it('without following there are neither its filters nor Follow toggles', async () => {
    const { store, reads } = setUp();
    render(<LatestView store={store} reads={reads} onOpen={() => undefined} />, container);
    await settle();
    expect(container.querySelector('[data-latest-filter="followed"]')).toBeNull();
    expect(container.querySelector('[data-latest-action="follow"]')).toBeNull();
  });
});
