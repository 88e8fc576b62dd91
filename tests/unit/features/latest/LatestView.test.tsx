// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchLatestPage, type LatestComment } from '../../../../src/blogger/latest-feed';
import { ENTRIES_PER_STEP, LatestView } from '../../../../src/features/latest/LatestView';
import { LatestStore } from '../../../../src/features/latest/latest-store';
import { ReadState } from '../../../../src/features/latest/read-state';
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
});
