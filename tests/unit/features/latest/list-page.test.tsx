// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../../support/fake-browser')).createFakeBrowser() }));

import type { PostList } from '../../../../src/blogger/post-list';
import { startLatestOnList } from '../../../../src/features/latest/list-page';
import { DEFAULT_SETTINGS } from '../../../../src/shared/settings';
import { ValueStore } from '../../../../src/shared/store';
import type { ListPageContext } from '../../../../src/ui/feature';

const BLOG = 'https://probationmatters.blogspot.com';

function contextWith(posts: number): ListPageContext {
  const list = { kind: 'home', posts: Array.from({ length: posts }, (_, i) => ({ url: `${BLOG}/2026/12/p${i}.html` })) } as unknown as PostList;
  return { settings: new ValueStore(DEFAULT_SETTINGS), host: 'probationmatters.blogspot.com', url: `${BLOG}/`, list, doc: document, win: window };
}

afterEach(() => {
  for (const root of document.querySelectorAll('[data-latest-root]')) root.remove();
});

describe('the Latest view on a post list', () => {
  it('adds one closed button in its own shadow root, and takes everything away when the run stops', async () => {
    const before = document.body.innerHTML;
    const run = new AbortController();
    startLatestOnList(contextWith(2), run.signal);
    const root = document.querySelector('[data-latest-root]');
    expect(root?.shadowRoot).toBeTruthy();
    const open = root!.shadowRoot!.querySelector('[data-latest-action="open"]')!;
    expect(open.getAttribute('aria-expanded')).toBe('false');
    expect(root!.shadowRoot!.querySelector('[data-thread-sidebar]')?.getAttribute('data-thread-sidebar')).toBe('closed');
    run.abort();
    expect(document.querySelector('[data-latest-root]')).toBeNull();
    expect(document.body.innerHTML).toBe(before);
  });

  it('follows the reader’s colour setting, live', () => {
    const context = contextWith(1);
    context.settings.set({ ...DEFAULT_SETTINGS, colorScheme: 'dark' });
    const run = new AbortController();
    startLatestOnList(context, run.signal);
    const root = document.querySelector('[data-latest-root]')!;
    expect(root.getAttribute('data-tl-scheme')).toBe('dark');
    context.settings.set({ ...DEFAULT_SETTINGS, colorScheme: 'system' });
    expect(root.hasAttribute('data-tl-scheme')).toBe(false);
    run.abort();
  });

  it('leaves a page without comment links exactly as it is', () => {
    const before = document.body.innerHTML;
    startLatestOnList(contextWith(0), new AbortController().signal);
    expect(document.body.innerHTML).toBe(before);
  });
});
