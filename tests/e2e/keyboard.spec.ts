/** Keyboard navigation in the built extension, in Chromium and Firefox: every default shortcut, the help overlay, typing. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { writeStorageIn } from './support/extension-pages';
import { fixtureByName, fixtureRecords } from './support/fixture-catalog';
import { ROOT, commentLocator, ownToggle, renderEveryThreadGroup, waitForReady } from './support/thread-view';
import { openFilterArea, toolbarAction } from './support/toolbar';

const FIXTURE = fixtureByName('threaded-v2-001');
const RECORDS = fixtureRecords(FIXTURE.name);
const POST_ID = (RECORDS as unknown as { post: { postId: string } }).post.postId;

interface Node {
  id: string;
  parent: string;
  displayed: boolean;
}

/** Comments in display (document) order with their parent in the current view and whether they are on screen. */
async function nodes(page: Page): Promise<Node[]> {
  return page.evaluate((root) => {
    const scope = document.querySelector(root)!.shadowRoot!;
    return [...scope.querySelectorAll<HTMLElement>('[data-thread-comment]')].map((element) => ({
      id: element.dataset.threadComment!,
      parent: element.dataset.threadParent ?? '',
      displayed: element.getClientRects().length > 0,
    }));
  }, ROOT);
}

async function currentId(page: Page): Promise<string | null> {
  return page.evaluate((root) => {
    const scope = document.querySelector(root)!.shadowRoot!;
    const current = scope.querySelectorAll<HTMLElement>('[data-thread-comment].is-current');
    return current.length === 1 ? current[0]!.dataset.threadComment! : current.length === 0 ? null : 'several';
  }, ROOT);
}

async function expectCurrent(page: Page, id: string): Promise<void> {
  await expect.poll(() => currentId(page)).toBe(id);
  await expect(commentLocator(page, id)).toBeInViewport();
}

async function open(page: Page): Promise<Node[]> {
  await page.goto(FIXTURE.url);
  await waitForReady(page);
  // Start from the page itself, as a reader arriving does.
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  return nodes(page);
}

test.describe(`keyboard on ${FIXTURE.name}`, () => {
  test('j and k move through the comments in display order; the current one is marked and scrolled into view', async ({ page }) => {
    const view = await open(page);
    await page.keyboard.press('j');
    await expectCurrent(page, view[0]!.id);
    await page.keyboard.press('j');
    await expectCurrent(page, view[1]!.id);
    await page.keyboard.press('j');
    await expectCurrent(page, view[2]!.id);
    await page.keyboard.press('k');
    await expectCurrent(page, view[1]!.id);
  });

  test('J and K move between threads; p goes to the parent', async ({ page }) => {
    const view = await open(page);
    const roots = view.filter((node) => node.parent === '').map((node) => node.id);
    const reply = view.find((node) => node.parent !== '')!;
    await page.keyboard.press('Shift+J');
    await expectCurrent(page, roots[0]!);
    await page.keyboard.press('Shift+J');
    await expectCurrent(page, roots[1]!);
    await page.keyboard.press('Shift+K');
    await expectCurrent(page, roots[0]!);

    // Walk with j to a reply, then p to its parent.
    await page.keyboard.press('g');
    await page.keyboard.press('g');
    await expectCurrent(page, view[0]!.id);
    for (let i = 0; i < view.indexOf(reply); i += 1) await page.keyboard.press('j');
    await expectCurrent(page, reply.id);
    await page.keyboard.press('p');
    await expectCurrent(page, reply.parent);
  });

  test('g g goes to the first comment and G to the last', async ({ page }) => {
    const view = await open(page);
    await page.keyboard.press('Shift+G');
    await expectCurrent(page, view.at(-1)!.id);
    await page.keyboard.press('g');
    await page.keyboard.press('g');
    await expectCurrent(page, view[0]!.id);
  });

  test('x and Enter collapse and expand the current thread; X collapses and expands all', async ({ page }) => {
    const view = await open(page);
    const withReplies = view.find((node) => view.some((other) => other.parent === node.id))!;
    await page.keyboard.press('j');
    for (let i = 0; i < view.indexOf(withReplies); i += 1) await page.keyboard.press('j');
    await expectCurrent(page, withReplies.id);
    const toggle = ownToggle(page, withReplies.id);
    await page.keyboard.press('x');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('x');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');

    await page.keyboard.press('Shift+X');
    await expect(page.locator('button[data-thread-action="toggle"][aria-expanded="true"]')).toHaveCount(0);
    await page.keyboard.press('Shift+X');
    await expect(page.locator('button[data-thread-action="toggle"][aria-expanded="false"]')).toHaveCount(0);
  });

  test('navigation skips comments hidden by a filter and replies inside collapsed threads', async ({ page }) => {
    const view = await open(page);
    const withReplies = view.find((node) => view.some((other) => other.parent === node.id))!;
    await ownToggle(page, withReplies.id).click();
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    const visible = (await nodes(page)).filter((node) => node.displayed).map((node) => node.id);
    expect(visible.length).toBeLessThan(view.length);
    await page.keyboard.press('g');
    await page.keyboard.press('g');
    for (const id of visible.slice(0, view.indexOf(withReplies) + 2)) {
      await expectCurrent(page, id);
      await page.keyboard.press('j');
    }

    await (await toolbarAction(page, 'expand-all')).click();
    await openFilterArea(page);
    await page.locator('select[data-thread-filter="author"]').selectOption('anonymous');
    await expect(page.locator('[data-thread-count]')).not.toHaveText(`Showing ${view.length} of ${view.length}`);
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    const filtered = (await nodes(page)).filter((node) => node.displayed).map((node) => node.id);
    await page.keyboard.press('g');
    await page.keyboard.press('g');
    for (const id of filtered.slice(0, 6)) {
      await expectCurrent(page, id);
      await page.keyboard.press('j');
    }
  });

  test('n goes to the next comment new since the last visit, opening its thread if needed', async ({ page, extensionBrowser }) => {
    const sorted = [...RECORDS.comments].sort((a, b) => a.publishedMs - b.publishedMs);
    const lastVisit = sorted[Math.floor(sorted.length * 0.7)]!.publishedMs;
    await writeStorageIn(await extensionBrowser.storageRealm(), 'local', { [`visit:${POST_ID}`]: { v: 1, at: lastVisit } });
    const view = await open(page);
    const fresh = new Set(RECORDS.comments.filter((c) => c.publishedMs > lastVisit).map((c) => c.id));
    const freshInOrder = view.map((node) => node.id).filter((id) => fresh.has(id));
    await expect(page.locator('[data-thread-new]')).toHaveCount(fresh.size);
    await (await toolbarAction(page, 'collapse-all')).click();
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('n');
    await expectCurrent(page, freshInOrder[0]!);
    await page.keyboard.press('n');
    await expectCurrent(page, freshInOrder[1]!);
  });

  test('/ focuses the search box, Esc leaves it, and s saves the current comment', async ({ page }) => {
    const view = await open(page);
    await page.keyboard.press('/');
    const search = page.locator('input[data-thread-filter="text"]');
    await expect(search).toBeFocused();
    await page.keyboard.type('jk');
    await expect(search).toHaveValue('jk');
    await page.keyboard.press('Escape');
    await expect(search).not.toBeFocused();
    await search.fill('');
    await page.keyboard.press('Escape');
    await expect(page.locator('[data-thread-count]')).toHaveText(`Showing ${view.length} of ${view.length}`);

    await page.keyboard.press('j');
    await expectCurrent(page, view[0]!.id);
    const save = page.locator(`[data-thread-comment="${view[0]!.id}"] button[data-thread-action="save"]`).first();
    await expect(save).toHaveAttribute('aria-pressed', 'false');
    await page.keyboard.press('s');
    await expect(save).toHaveAttribute('aria-pressed', 'true');
  });

  test('shortcuts never fire while typing in an input, a textarea or the comment form iframe', async ({ page }) => {
    const view = await open(page);
    await page.keyboard.press('j');
    await expectCurrent(page, view[0]!.id);

    // Threadline's own search box.
    await openFilterArea(page);
    await page.locator('input[data-thread-filter="text"]').focus();
    await page.keyboard.type('jjJG');
    await expect(page.locator('input[data-thread-filter="text"]')).toHaveValue('jjJG');
    await page.locator('input[data-thread-filter="text"]').fill('');
    expect(await currentId(page)).toBe(view[0]!.id);

    // A textarea on the page.
    await page.evaluate(() => {
      const area = document.createElement('textarea');
      area.id = 'typing-test';
      document.body.prepend(area);
    });
    await page.locator('#typing-test').focus();
    await page.keyboard.type('jkx?');
    await expect(page.locator('#typing-test')).toHaveValue('jkx?');
    await expect(page.locator('[role="dialog"][data-thread-help]')).toHaveCount(0);
    expect(await currentId(page)).toBe(view[0]!.id);

    // The blog's comment form (an iframe) has focus.
    await page.locator('iframe#comment-editor').focus();
    await page.keyboard.press('j');
    await page.keyboard.press('Shift+G');
    await page.waitForTimeout(200);
    expect(await currentId(page)).toBe(view[0]!.id);
  });

  test('? opens a modal help listing the shortcuts; focus stays inside; Esc closes it and focus returns', async ({ page }) => {
    test.setTimeout(90_000); // axe-core is slow in Firefox
    await open(page);
    await page.keyboard.press('j');
    await page.keyboard.press('Shift+?');
    const dialog = page.locator('[role="dialog"][data-thread-help]');
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAttribute('aria-modal', 'true');
    for (const action of [
      'nextComment',
      'previousComment',
      'nextThread',
      'previousThread',
      'parent',
      'toggleThread',
      'toggleAll',
      'nextNew',
      'focusSearch',
      'save',
      'first',
      'last',
      'help',
    ]) {
      await expect(dialog.locator(`[data-thread-shortcut="${action}"]`)).toHaveCount(1);
    }
    await expect(dialog.locator('[data-thread-shortcut="first"] kbd')).toHaveText(['g', 'g']);
    await expect(dialog.locator('[data-thread-action="close-help"]')).toBeFocused();
    // Focus is trapped: tabbing forward and back stays in the dialog.
    await page.keyboard.press('Tab');
    await expect(dialog.locator('[data-thread-action="close-help"]')).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(dialog.locator('[data-thread-action="close-help"]')).toBeFocused();
    // Other shortcuts are inert while it is open.
    const before = await currentId(page);
    await page.keyboard.press('j');
    expect(await currentId(page)).toBe(before);

    await renderEveryThreadGroup(page);
    const axe = await new AxeBuilder({ page }).include(ROOT).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect
      .poll(() =>
        page.evaluate((root) => {
          const active = document.querySelector(root)!.shadowRoot!.activeElement as HTMLElement | null;
          return active?.dataset.threadComment ?? null;
        }, ROOT),
      )
      .toBe(before);
  });

  test('bindings changed in the options apply at once and show in the help', async ({ page, extensionBrowser }) => {
    const view = await open(page);
    await writeStorageIn(await extensionBrowser.storageRealm(), 'sync', { settings: { keyBindings: { nextComment: 'l' } } });
    await expect(async () => {
      await page.keyboard.press('l');
      expect(await currentId(page)).toBe(view[0]!.id);
    }).toPass({ timeout: 5000 });
    await page.keyboard.press('j');
    await page.waitForTimeout(200);
    expect(await currentId(page)).toBe(view[0]!.id);
    await page.keyboard.press('Shift+?');
    await expect(page.locator('[data-thread-shortcut="nextComment"] kbd')).toHaveText('l');
  });

  test('with reduced motion the current comment is brought into view without animation', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const view = await open(page);
    const emulated = await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches);
    test.skip(!emulated, 'this browser driver does not emulate prefers-reduced-motion');
    await page.keyboard.press('Shift+G');
    // No smooth scrolling: the last comment is in view on the very next frame.
    const inView = await page.evaluate(
      ({ root, id }) =>
        new Promise<boolean>((resolve) =>
          requestAnimationFrame(() => {
            const element = document.querySelector(root)!.shadowRoot!.querySelector(`[data-thread-comment="${id}"]`)!;
            const box = element.getBoundingClientRect();
            resolve(box.top < innerHeight && box.bottom > 0);
          }),
        ),
      { root: ROOT, id: view.at(-1)!.id },
    );
    expect(inView).toBe(true);
  });
});
