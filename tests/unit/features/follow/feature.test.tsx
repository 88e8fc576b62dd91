// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../../support/fake-browser')).createFakeBrowser() }));

import feature from '../../../../src/features/follow/feature';
import { loadMine } from '../../../../src/features/follow/mine-store';
import { checkKey, loadFollowState } from '../../../../src/features/follow/store';
import browser from '../../../../src/shared/browser';
import { DEFAULT_SETTINGS } from '../../../../src/shared/settings';
import type { FakeBrowser } from '../../support/fake-browser';
import { click, comment, commentAction, defaultComments, mountView, settle, type MountedView } from '../../support/mount-view';
import { aCheck, aFollow } from './helpers';

const fake = browser as unknown as FakeBrowser;
let view: MountedView | null = null;
beforeEach(() => fake.reset());
afterEach(() => {
  view?.destroy();
  view = null;
});

const el = (id: string) => view!.shadow.querySelector<HTMLElement>(`[data-thread-comment="${id}"]`)!;
const mineButton = async (id: string) => (await commentAction(el(id), 'mine'))!;
const followButton = () => view!.shadow.querySelector<HTMLElement>('[data-thread-action="follow"]')!;

describe('follow on the post', () => {
  it('follows and unfollows from the toolbar, counting the comments on the page as seen', async () => {
    view = await mountView({ features: [feature] });
    expect(followButton().getAttribute('aria-pressed')).toBe('false');
    await click(followButton());
    expect(followButton().getAttribute('aria-pressed')).toBe('true');
    await vi.waitFor(async () => expect((await loadFollowState('7001'))?.seen?.total).toBe(6));
    expect((await loadFollowState('7001'))!.follow).toMatchObject({ postId: '7001', title: 'A post' });
    await click(followButton());
    await vi.waitFor(async () => expect(await loadFollowState('7001')).toBeNull());
  });

  it('clears a followed post’s count on opening it, also past what the page holds', async () => {
    fake.storage.local.data.set('follow:7001', aFollow('7001'));
    fake.storage.local.data.set(checkKey('7001'), aCheck(9));
    view = await mountView({ features: [feature] });
    await vi.waitFor(async () => expect((await loadFollowState('7001'))?.seen?.total).toBe(9));
    expect(followButton().getAttribute('aria-pressed')).toBe('true');
  });

  it('marks your comment and the replies to it (Blogger’s and inferred), follows the post, and undoes on a second press', async () => {
    view = await mountView({ features: [feature], comments: [...defaultComments(), comment('7', '@12:04 well said.')] });
    await click(await mineButton('4'));
    expect((await mineButton('4')).getAttribute('aria-checked')).toBe('true');
    expect(el('4').hasAttribute('data-thread-mine')).toBe(true);
    expect(el('7').hasAttribute('data-thread-reply-to-me')).toBe(true);
    expect(view.shadow.querySelectorAll('[data-thread-reply-to-me]')).toHaveLength(1);
    await click(await mineButton('1'));
    expect([...view.shadow.querySelectorAll('[data-thread-reply-to-me]')].map((node) => node.getAttribute('data-thread-comment')).sort()).toEqual([
      '2',
      '3',
      '7',
    ]);
    await vi.waitFor(async () => expect((await loadMine('7001')).map((mine) => mine.commentId)).toEqual(['4', '1']));
    expect((await loadMine('7001'))[0]).toMatchObject({ author: 'Author 4', text: 'A standalone remark about caseloads.' });
    expect(followButton().getAttribute('aria-pressed')).toBe('true');

    await click(await mineButton('4'));
    expect(el('4').hasAttribute('data-thread-mine')).toBe(false);
    expect(el('7').hasAttribute('data-thread-reply-to-me')).toBe(false);
    await vi.waitFor(async () => expect((await loadMine('7001')).map((mine) => mine.commentId)).toEqual(['1']));
  });

  it('shows the marks stored for this post, read by the page’s comment ids, and a mark saved in another tab', async () => {
    const { mineKey } = await import('../../../../src/features/follow/mine-store');
    const stored = (postKey: string, commentId: string) => ({
      v: 1,
      postKey,
      commentId,
      at: 1,
      parentId: null,
      author: 'Me',
      displayTime: '',
      publishedMs: 0,
      text: 'mine',
    });
    fake.storage.local.data.set(mineKey('7001', '4'), stored('7001', '4'));
    fake.storage.local.data.set(mineKey('9999', '5'), stored('9999', '5'));
    view = await mountView({ features: [feature] });
    await vi.waitFor(() => expect(el('4').hasAttribute('data-thread-mine')).toBe(true));
    expect(view.shadow.querySelectorAll('[data-thread-mine]')).toHaveLength(1);
    await browser.storage.local.set({ [mineKey('7001', '5')]: stored('7001', '5') });
    await vi.waitFor(() => expect(el('5').hasAttribute('data-thread-mine')).toBe(true));
  });

  it('follows when you save a comment, only while the option is on', async () => {
    const save = () => {
      const button = document.createElement('button');
      button.dataset.threadAction = 'save';
      button.setAttribute('aria-pressed', 'false');
      view!.shadow.append(button);
      button.click();
      button.remove();
    };
    view = await mountView({ features: [feature], settings: { ...DEFAULT_SETTINGS, follow: { ...DEFAULT_SETTINGS.follow, onComment: false } } });
    save();
    await settle();
    expect(followButton().getAttribute('aria-pressed')).toBe('false');
    view.settings.set({ ...DEFAULT_SETTINGS });
    save();
    await settle();
    expect(followButton().getAttribute('aria-pressed')).toBe('true');
  });
});
