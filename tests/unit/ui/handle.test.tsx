// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../support/fake-browser')).createFakeBrowser() }));
import { comment, defaultComments, mountView, type MountedView } from '../support/mount-view';

let view: MountedView | null = null;
afterEach(() => {
  view?.destroy();
  view = null;
});

describe('the handle of an anonymous commenter', () => {
  it('shows "Anonymous · 12:04" where others address the comment by its time', async () => {
    const comments = defaultComments().map((c) => (c.id === '4' ? { ...c, author: 'Anonymous' } : c));
    view = await mountView({ comments: [...comments, comment('7', 'Well said 12:04, spot on.')] });
    const handle = view.shadow.querySelector('[data-thread-comment="4"] [data-thread-handle]');
    expect(handle?.textContent).toBe('Anonymous · 12:04');
    expect(handle?.getAttribute('data-thread-handle')).toBe('Anonymous · 12:04');
    expect(view.shadow.querySelectorAll('[data-thread-handle]')).toHaveLength(1);
  });
});
