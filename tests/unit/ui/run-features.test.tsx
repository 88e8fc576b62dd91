// @vitest-environment jsdom
/**
 * The feature contract end to end on the real view: runFeatures starts each feature with its own signal, shows what
 * its run contributes, and is the one place keys become shortcuts.
 */
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../support/fake-browser')).createFakeBrowser() }));

import keyboard from '../../../src/features/keyboard/feature';
import reading from '../../../src/features/reading/feature';
import browser from '../../../src/shared/browser';
import { untilAborted, ValueStore } from '../../../src/shared/store';
import { defineFeature, type CommentActionProps, type Feature } from '../../../src/ui/feature';
import { useMember, useValue } from '../../../src/ui/store';
import { MenuItem } from '../../../src/ui/ToolbarMenu';
import type { FakeBrowser } from '../support/fake-browser';
import { click, mountView, press, settle, type MountedView } from '../support/mount-view';

const fake = browser as unknown as FakeBrowser;

let view: MountedView | null = null;
let warn: MockInstance<typeof console.warn>;

beforeEach(() => {
  fake.reset();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  view?.destroy();
  view = null;
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

async function mount(features: readonly Feature[], options: Parameters<typeof mountView>[0] = {}): Promise<MountedView> {
  view = await mountView({ ...options, features });
  return view;
}

const threadlineWarnings = () => warn.mock.calls.filter(([message]) => String(message).startsWith('Threadline:'));

/** A feature that records its signal and the cleanup its run registered. */
function recordingFeature(id: string) {
  const record = { signal: null as AbortSignal | null, cleanedUp: 0 };
  const feature = defineFeature({
    id,
    init(_ctx, signal) {
      record.signal = signal;
      untilAborted(signal, () => (record.cleanedUp += 1));
      return { toolbar: <span data-test-tool={id}>{id}</span> };
    },
  });
  return { feature, record };
}

/** A feature with one shortcut per spec, each counting its runs. */
function shortcutFeature(specs: Array<{ id: string; key: string; enter?: boolean }>, options: { handle?: string[] } = {}) {
  const runs: Record<string, number> = Object.fromEntries(specs.map((spec) => [spec.id, 0]));
  const handled = options.handle ?? specs.map((spec) => spec.id);
  const feature = defineFeature({
    id: 'test-shortcuts',
    shortcuts: specs.map((spec) => ({ ...spec, label: `Test ${spec.id}`, group: 'Threads' as const })),
    init() {
      return {
        shortcuts: Object.fromEntries(
          handled.map((id) => [
            id,
            () => {
              runs[id] = (runs[id] ?? 0) + 1;
              return true;
            },
          ]),
        ),
      };
    },
  });
  return { feature, runs };
}

describe('runFeatures: starting and stopping features', () => {
  it('keeps the other features running when one feature’s init throws, and says so in exactly one Threadline warning', async () => {
    const before = recordingFeature('before');
    const after = recordingFeature('after');
    let brokenSignal: AbortSignal | null = null;
    let brokenCleanup = 0;
    const broken = defineFeature({
      id: 'broken-on-start',
      init(_ctx, signal) {
        brokenSignal = signal;
        untilAborted(signal, () => (brokenCleanup += 1));
        throw new Error('init failed');
      },
    });
    const { shadow, errors } = await mount([before.feature, broken, after.feature]);

    expect(shadow.querySelector('[data-test-tool="before"]')).not.toBeNull();
    expect(shadow.querySelector('[data-test-tool="after"]')).not.toBeNull();
    expect(shadow.querySelectorAll('[data-thread-comment]')).toHaveLength(6);
    expect(errors).toEqual([]);
    expect(before.record.signal?.aborted).toBe(false);
    expect(after.record.signal?.aborted).toBe(false);
    // The broken feature is stopped: what it set up before throwing is undone at once.
    expect(brokenSignal!.aborted).toBe(true);
    expect(brokenCleanup).toBe(1);

    const warnings = threadlineWarnings();
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0]![0])).toContain('broken-on-start');
  });

  it('aborts every feature’s signal when the view is destroyed: cleanup runs and the blog’s own comments show again', async () => {
    const one = recordingFeature('one');
    const two = recordingFeature('two');
    const shortcut = shortcutFeature([{ id: 'ping', key: 'y' }]);
    const { mounted, original } = await mount([one.feature, two.feature, shortcut.feature]);
    expect(original.style.getPropertyValue('display')).toBe('none');

    mounted.destroy();

    for (const { record } of [one, two]) {
      expect(record.signal?.aborted).toBe(true);
      expect(record.cleanedUp).toBe(1);
    }
    expect(mounted.signal.aborted).toBe(true);
    expect(document.querySelector('[data-thread-root]')).toBeNull();
    expect(original.isConnected).toBe(true);
    expect(original.style.getPropertyValue('display')).toBe('');
    expect(original.hasAttribute('data-threadline-hidden')).toBe(false);
    // The one keydown listener went with the view.
    await press('y');
    expect(shortcut.runs.ping).toBe(0);
  });
});

describe('runFeatures: what a feature’s run adds to the view', () => {
  const PINNED = 'test-pinned';

  function contributingFeature() {
    const pinnedStore = { current: null as ReturnType<MountedView['controller']['marks']['of']> | null };
    const PinButton = ({ id, hasReplies }: CommentActionProps) => {
      const pinned = useMember(pinnedStore.current!, id);
      return (
        <button
          type="button"
          data-test-action="pin"
          data-test-has-replies={String(hasReplies)}
          aria-pressed={pinned ? 'true' : 'false'}
          onClick={() => pinnedStore.current!.toggle(id)}
        >
          Pin
        </button>
      );
    };
    const Cover = ({ id }: { id: string }) => <p data-test-cover={id}>pinned away</p>;
    return defineFeature({
      id: 'test-contributions',
      init(ctx) {
        pinnedStore.current = ctx.controller.marks.of(PINNED);
        return {
          toolbar: (
            <button type="button" data-test-tool="">
              Tool
            </button>
          ),
          panel: <div data-test-panel="">Panel</div>,
          overlay: <div data-test-overlay="">Overlay</div>,
          commentActions: PinButton,
          commentMarks: [{ mark: PINNED, className: 'is-test-pinned', attribute: 'data-test-pinned', label: 'pinned', cover: Cover }],
        };
      },
    });
  }

  it('shows the toolbar item in the toolbar, the panel above the threads and the overlay outside the section', async () => {
    const { shadow } = await mount([contributingFeature()]);
    const section = shadow.querySelector('section.threadline')!;
    expect(section.querySelector('.toolbar [data-test-tool]')).not.toBeNull();
    const panel = section.querySelector('[data-test-panel]')!;
    const threads = section.querySelector('.thread-list')!;
    expect(panel.compareDocumentPosition(threads) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(section.querySelector('.toolbar [data-test-panel]')).toBeNull();
    const overlay = shadow.querySelector('[data-test-overlay]')!;
    expect(overlay).not.toBeNull();
    expect(section.contains(overlay)).toBe(false);
  });

  it('puts the feature’s comment action in every comment’s action row, told whether the comment has replies', async () => {
    const { shadow } = await mount([contributingFeature()]);
    const hasReplies = (id: string) =>
      shadow
        .querySelector(`[data-thread-comment="${id}"] > .comment-main > .comment-actions [data-test-action="pin"]`)
        ?.getAttribute('data-test-has-replies');
    expect(shadow.querySelectorAll('[data-test-action="pin"]')).toHaveLength(6);
    expect(['1', '2', '3', '4', '5', '6'].map(hasReplies)).toEqual(['true', 'false', 'false', 'false', 'true', 'false']);
  });

  it('renders a menu-placed comment action only while the comment’s "More actions" menu is open, and Escape returns focus', async () => {
    const MenuPin = ({ id }: CommentActionProps) => (
      <MenuItem data-test-action="menu-pin" onSelect={() => undefined}>
        Pin {id}
      </MenuItem>
    );
    const { shadow } = await mount([
      defineFeature({ id: 'test-menu-actions', init: () => ({ commentActions: { place: 'menu', component: MenuPin } }) }),
    ]);
    expect(shadow.querySelectorAll('[data-test-action="menu-pin"]')).toHaveLength(0);
    const button = shadow.querySelector<HTMLElement>('[data-thread-comment="2"] > .comment-main > .comment-actions > [data-thread-action="menu"]')!;
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    expect(button.getAttribute('aria-label')).toBe('More actions');
    await click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const item = shadow.querySelector<HTMLElement>('[data-test-action="menu-pin"]')!;
    expect(item.textContent).toBe('Pin 2');
    expect(shadow.activeElement).toBe(item);
    await press('Escape', item);
    expect(shadow.querySelectorAll('[data-test-action="menu-pin"]')).toHaveLength(0);
    expect(shadow.activeElement).toBe(button);
  });

  it('shows a mark’s class, attribute, label and cover on a marked comment only, and takes them away when unmarked', async () => {
    const { shadow } = await mount([contributingFeature()]);
    const article = (id: string) => shadow.querySelector<HTMLElement>(`[data-thread-comment="${id}"]`)!;
    // The comment's own header, body and actions (its .comment-main comes before its replies).
    const own = (id: string, selector: string) => article(id).querySelector('.comment-main')!.querySelector(selector);

    await click(own('4', '[data-test-action="pin"]'));

    expect(article('4').classList.contains('is-test-pinned')).toBe(true);
    expect(article('4').getAttribute('data-test-pinned')).toBe('');
    expect(own('4', '.comment-header .badge-test-pinned')?.textContent).toBe('pinned');
    expect(own('4', '[data-test-cover="4"]')?.textContent).toBe('pinned away');
    expect(own('4', '.comment-body')).toBeNull();
    // Only the marked comment shows it.
    for (const selector of ['.is-test-pinned', '[data-test-pinned]', '.badge-test-pinned', '[data-test-cover]'])
      expect(shadow.querySelectorAll(selector)).toHaveLength(1);
    expect(shadow.querySelectorAll('.comment-body')).toHaveLength(5);

    await click(own('4', '[data-test-action="pin"]'));

    expect(article('4').classList.contains('is-test-pinned')).toBe(false);
    expect(article('4').hasAttribute('data-test-pinned')).toBe(false);
    expect(own('4', '.badge-test-pinned')).toBeNull();
    expect(own('4', '[data-test-cover]')).toBeNull();
    expect(own('4', '.comment-body')?.textContent).toBe('A standalone remark about caseloads.');
  });
});

describe('runFeatures: shortcuts', () => {
  it('runs the handler of a declared shortcut when its key is pressed, and marks the key handled', async () => {
    const { feature, runs } = shortcutFeature([{ id: 'ping', key: 'y' }]);
    await mount([feature]);
    const event = await press('y');
    expect(runs.ping).toBe(1);
    expect(event.defaultPrevented).toBe(true);
    const other = await press('w');
    expect(runs.ping).toBe(1);
    expect(other.defaultPrevented).toBe(false);
  });

  it('leaves keys typed in an input or a textarea alone, in the view or in the blog’s page', async () => {
    const { feature, runs } = shortcutFeature([{ id: 'ping', key: 'y' }]);
    const fields = defineFeature({
      id: 'test-fields',
      init: () => ({
        panel: (
          <div>
            <input data-test-input="" aria-label="a field" />
            <textarea data-test-textarea="" aria-label="notes" />
          </div>
        ),
      }),
    });
    const { shadow } = await mount([feature, fields]);
    const pageInput = document.createElement('input');
    const pageTextarea = document.createElement('textarea');
    document.body.append(pageInput, pageTextarea);

    for (const field of [
      shadow.querySelector<HTMLElement>('[data-test-input]')!,
      shadow.querySelector<HTMLElement>('[data-test-textarea]')!,
      pageInput,
      pageTextarea,
    ]) {
      field.focus();
      const event = await press('y', field);
      expect(event.defaultPrevented).toBe(false);
    }
    expect(runs.ping).toBe(0);

    pageTextarea.blur();
    await press('y');
    expect(runs.ping).toBe(1);
  });

  it('runs nothing while a modal dialog is open inside the view', async () => {
    const { feature, runs } = shortcutFeature([{ id: 'ping', key: 'y' }]);
    const dialogOpen = new ValueStore(false);
    function Dialog() {
      const open = useValue(dialogOpen);
      return open ? (
        <div role="dialog" aria-modal="true" aria-label="A test dialog">
          <button type="button">OK</button>
        </div>
      ) : null;
    }
    const dialog = defineFeature({ id: 'test-dialog', init: () => ({ overlay: <Dialog /> }) });
    const { shadow } = await mount([feature, dialog]);

    dialogOpen.set(true);
    await settle();
    expect(shadow.querySelector('[aria-modal="true"]')).not.toBeNull();
    await press('y');
    expect(runs.ping).toBe(0);

    dialogOpen.set(false);
    await settle();
    await press('y');
    expect(runs.ping).toBe(1);
  });

  it('does not toggle the reading list behind the open help dialog with b (the reported bug)', async () => {
    const { shadow } = await mount([reading, keyboard]);
    const sidebarButton = () => shadow.querySelector('[data-thread-action="sidebar"]')!;
    expect(sidebarButton().getAttribute('aria-expanded')).toBe('false');

    await press('?');
    expect(shadow.querySelector('[data-thread-help][aria-modal="true"]')).not.toBeNull();
    await press('b');
    expect(sidebarButton().getAttribute('aria-expanded')).toBe('false');

    await click(shadow.querySelector('[data-thread-action="close-help"]'));
    expect(shadow.querySelector('[data-thread-help]')).toBeNull();
    await press('b');
    expect(sidebarButton().getAttribute('aria-expanded')).toBe('true');
  });

  it('runs the shortcut declared with enter: true on Enter, unless focus is on a button or a link', async () => {
    const { feature, runs } = shortcutFeature([
      { id: 'plain', key: 'y' },
      { id: 'onEnter', key: 'e', enter: true },
    ]);
    const link = defineFeature({
      id: 'test-link',
      init: () => ({
        toolbar: (
          <a href="#somewhere" data-test-link="">
            The thread’s source
          </a>
        ),
      }),
    });
    const { shadow } = await mount([feature, link]);

    await press('Enter');
    expect(runs.onEnter).toBe(1);
    const comment = shadow.querySelector<HTMLElement>('[data-thread-comment="4"]')!;
    comment.focus();
    await press('Enter', comment);
    expect(runs.onEnter).toBe(2);

    for (const target of [
      shadow.querySelector<HTMLElement>('[data-thread-comment="1"] [data-thread-action="toggle"]')!,
      shadow.querySelector<HTMLElement>('[data-thread-action="reply"]')!,
      shadow.querySelector<HTMLElement>('[data-test-link]')!,
    ]) {
      target.focus();
      const event = await press('Enter', target);
      expect(event.defaultPrevented).toBe(false);
    }
    expect(runs.onEnter).toBe(2);
    expect(runs.plain).toBe(0);
  });

  it('follows the reader’s binding in settings live: the new key runs the shortcut and the default no longer does', async () => {
    const { feature, runs } = shortcutFeature([{ id: 'ping', key: 'y' }]);
    const { settings } = await mount([feature]);
    await press('y');
    expect(runs.ping).toBe(1);

    settings.set({ ...settings.get(), keyBindings: { ping: 'q' } });
    await press('y');
    expect(runs.ping).toBe(1);
    await press('q');
    expect(runs.ping).toBe(2);
  });

  it('lists in the help dialog (?) only the shortcuts some running feature handles, with the reader’s keys', async () => {
    const { feature } = shortcutFeature(
      [
        { id: 'handledOne', key: 'y' },
        { id: 'declaredOnly', key: 'w' },
      ],
      { handle: ['handledOne'] },
    );
    const broken = defineFeature({
      id: 'test-broken-shortcuts',
      shortcuts: [{ id: 'brokenShortcut', key: 'u', label: 'Never handled', group: 'Threads' }],
      init() {
        throw new Error('cannot start');
      },
    });
    const { shadow, settings } = await mount([feature, broken, keyboard], {});
    settings.set({ ...settings.get(), keyBindings: { handledOne: 'q' } });

    await press('?');

    const rows = [...shadow.querySelectorAll('[data-thread-help] [data-thread-shortcut]')].map((row) => row.getAttribute('data-thread-shortcut'));
    const keyboardIds = keyboard.shortcuts!.map((shortcut) => shortcut.id);
    expect(rows).toEqual(['handledOne', ...keyboardIds, 'escape']);
    expect(shadow.querySelector('[data-thread-shortcut="handledOne"] kbd')?.textContent).toBe('q');
    expect(shadow.querySelector('[data-thread-shortcut="declaredOnly"]')).toBeNull();
    expect(shadow.querySelector('[data-thread-shortcut="brokenShortcut"]')).toBeNull();
  });
});
