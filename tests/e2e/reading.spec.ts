/** The reading list in the built extension, in Chromium and Firefox: save, note, sidebar, jump, concurrency, export/import, native panel. */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { fixtureByName, fixtureRecords, type FixturePage } from './support/fixture-catalog';
import { openExtensionPage as openExtensionPageIn } from './support/extension-pages';
import { buildEveryComment, commentLocator, renderEveryThreadGroup, scrollIntoViewSettled, waitForReady } from './support/thread-view';
import { toolbarAction } from './support/toolbar';

type Fixture = FixturePage & { postId: string };
const fixture = (name: string) => fixtureByName(name) as Fixture;
/** Fully rendered posts with at least 50 comments (for the concurrency test) and a small second post. */
const postA = fixture('threaded-v2-001');
const postB = fixture('threaded-v2-003');
const postBig = fixture('threaded-v2-200');
const commentsOf = (page: FixturePage) => fixtureRecords(page.name).comments.filter((comment) => !comment.removed);

/**
 * Open the reading-list panel page. In Firefox, closing a context or tab that holds a moz-extension page hangs under
 * Playwright 1.64.1's BiDi driver (options.spec.ts meets the same), so the panel gets its own context, left open for
 * the worker's lifetime like the harness's storage realm; in Chromium it opens in the test's context.
 */
async function openPanel(
  context: BrowserContext,
  browserName: string,
  openExtensionPage: (path: string) => Promise<Page>,
  extensionOrigin: string,
): Promise<Page> {
  if (browserName !== 'firefox') return openExtensionPage('sidebar.html');
  const own = await context.browser()!.newContext();
  return openExtensionPageIn(own, 'sidebar.html', { browserName: 'firefox', extensionOrigin });
}

const savedKeys = (storage: Record<string, unknown>) =>
  Object.keys(storage)
    .filter((key) => key.startsWith('saved:'))
    .sort();

function saveButton(page: Page, id: string) {
  return page.locator(`[data-thread-comment="${id}"] [data-thread-action="save"]`).first();
}

async function openPost(page: Page, post: FixturePage): Promise<void> {
  await page.goto(post.url);
  await waitForReady(page);
}

async function openSidebar(page: Page): Promise<void> {
  const button = page.locator('[data-thread-action="sidebar"]');
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await expect(page.locator('[data-thread-sidebar="open"]')).toBeVisible();
  await expect(page.locator('[data-reading-list]')).toBeAttached();
}

/** Click the save button of the first `count` comments at once, inside the page (no waiting between clicks). */
async function saveManyAtOnce(page: Page, count: number): Promise<number> {
  return page.evaluate((wanted) => {
    const root = document.querySelector('[data-thread-root]')!.shadowRoot!;
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('[data-thread-action="save"][aria-pressed="false"]')].slice(0, wanted);
    for (const button of buttons) button.click();
    return buttons.length;
  }, count);
}

test('save a comment, add a note, see it in the sidebar, and keep both after a reload', async ({ page, readExtensionStorage }) => {
  const target = commentsOf(postA)[2]!;
  await openPost(page, postA);
  await saveButton(page, target.id).click();
  await expect(saveButton(page, target.id)).toHaveAttribute('aria-pressed', 'true');
  await openSidebar(page);
  const entry = page.locator(`[data-reading-list] [data-saved-comment="${target.id}"]`);
  await expect(entry).toBeVisible();
  await entry.locator('[data-reading-action="edit-note"]').click();
  await entry.locator('[data-reading-note]').fill('Ask about the SFO process');
  await entry.locator('[data-reading-tags]').fill('SFO, follow up');
  await entry.locator('[data-reading-action="save-note"]').click();
  await expect(entry.locator('[data-reading-note-text]')).toHaveText('Ask about the SFO process');

  await expect.poll(async () => savedKeys(await readExtensionStorage('local'))).toEqual([`saved:${postA.postId}:${target.id}`]);
  const stored = (await readExtensionStorage('local'))[`saved:${postA.postId}:${target.id}`] as Record<string, unknown>;
  expect(stored).toMatchObject({ note: 'Ask about the SFO process', tags: ['sfo', 'follow up'], author: target.author, commentId: target.id });

  await page.reload();
  await waitForReady(page);
  await expect(saveButton(page, target.id)).toHaveAttribute('aria-pressed', 'true');
  // The sidebar remembered that it was open.
  await expect(page.locator('[data-reading-list]')).toBeVisible();
  await expect(page.locator(`[data-saved-comment="${target.id}"] [data-reading-note-text]`)).toHaveText('Ask about the SFO process');
  await expect(page.locator('[data-thread-action="sidebar"]')).toHaveAttribute('aria-expanded', 'true');
});

test('choosing a saved comment on this page scrolls to it and highlights it', async ({ page }) => {
  const comments = commentsOf(postA);
  const last = comments[comments.length - 1]!;
  await openPost(page, postA);
  await scrollIntoViewSettled(saveButton(page, last.id));
  await saveButton(page, last.id).click();
  await expect(saveButton(page, last.id)).toHaveAttribute('aria-pressed', 'true');
  await page.evaluate(() => window.scrollTo(0, 0));
  await openSidebar(page);
  await page.locator(`[data-saved-comment="${last.id}"] .entry-open`).click();
  const element = commentLocator(page, last.id);
  await expect(element).toHaveAttribute('data-thread-highlight', '');
  await expect(element).toBeInViewport();
});

test('choosing a saved comment of another post opens that post at the comment', async ({ page }) => {
  const target = commentsOf(postB)[3]!;
  await openPost(page, postB);
  await saveButton(page, target.id).click();
  await expect(saveButton(page, target.id)).toHaveAttribute('aria-pressed', 'true');
  await openPost(page, postA);
  await openSidebar(page);
  await page.locator(`[data-saved-comment="${target.id}"] .entry-open`).click();
  await expect(page).toHaveURL(`${postB.url}?showComment=${target.publishedMs}#c${target.id}`);
  await waitForReady(page);
  await expect(commentLocator(page, target.id)).toHaveAttribute('data-thread-highlight', '');
  await expect(commentLocator(page, target.id)).toBeInViewport();
});

test('reading progress counts comments seen for a second and continues at the first unread', async ({ page, readExtensionStorage }) => {
  const all = fixtureRecords(postA.name).comments;
  await openPost(page, postA);
  const progress = page.locator('[data-reading-progress]');
  await expect(progress).toHaveText(new RegExp(`^\\d+ of ${all.length} read$`));
  await commentLocator(page, all[0]!.id).scrollIntoViewIfNeeded();
  const readCount = async () => Number((await progress.getAttribute('data-reading-progress'))?.split('/')[0]);
  await expect.poll(readCount, { timeout: 8000 }).toBeGreaterThan(0);
  expect(await readCount()).toBeLessThan(all.length);
  await expect
    .poll(async () => ((await readExtensionStorage('local'))[`read:${postA.postId}`] as { ids?: string[] } | undefined)?.ids?.length ?? 0, {
      timeout: 8000,
    })
    .toBeGreaterThan(0);
  const readIds = ((await readExtensionStorage('local'))[`read:${postA.postId}`] as { ids: string[] }).ids;
  expect(readIds).toContain(all[0]!.id);

  await page.locator('[data-thread-action="continue-reading"]').click();
  const landed = page.locator('[data-thread-highlight]');
  await expect(landed).toBeInViewport();
  expect(readIds).not.toContain(await landed.getAttribute('data-thread-comment'));
});

test('two pages saving 50 comments each at the same time lose none', async ({ page, context, readExtensionStorage }) => {
  const other = await context.newPage();
  await Promise.all([openPost(page, postA), openPost(other, postBig)]);
  // Fifty save buttons on the 200-comment post: its far groups are built first (they are near the end of a scroll).
  await buildEveryComment(other);
  const [a, b] = await Promise.all([saveManyAtOnce(page, 50), saveManyAtOnce(other, 50)]);
  expect([a, b]).toEqual([50, 50]);
  await expect.poll(async () => savedKeys(await readExtensionStorage('local')).length, { timeout: 10_000 }).toBe(100);
  const keys = savedKeys(await readExtensionStorage('local'));
  expect(keys.filter((key) => key.startsWith(`saved:${postA.postId}:`))).toHaveLength(50);
  expect(keys.filter((key) => key.startsWith(`saved:${postBig.postId}:`))).toHaveLength(50);
  // Each page also shows the other's saves in its list (storage.onChanged keeps them in step).
  await openSidebar(page);
  await expect(page.locator('[data-reading-list] [data-saved-comment]')).toHaveCount(100);
});

test('export, then import into an empty profile, restores every item, note and setting', async ({
  page,
  context,
  browserName,
  extensionOrigin,
  openExtensionPage,
  readExtensionStorage,
  clearExtensionStorage,
}) => {
  const [first, second] = commentsOf(postA);
  await openPost(page, postA);
  await saveButton(page, first!.id).click();
  await page.locator(`[data-thread-comment="${second!.id}"] [data-thread-action="save"]`).first().click();
  await (await toolbarAction(page, 'save-post')).click();
  await expect.poll(async () => savedKeys(await readExtensionStorage('local')).length).toBe(3);
  await openSidebar(page);
  const entry = page.locator(`[data-saved-comment="${first!.id}"]`);
  await entry.locator('[data-reading-action="edit-note"]').click();
  await entry.locator('[data-reading-note]').fill('exported note');
  await entry.locator('[data-reading-action="save-note"]').click();
  await expect.poll(async () => JSON.stringify(await readExtensionStorage('local'))).toContain('exported note');
  const before = await readExtensionStorage('local');

  const panel = await openPanel(context, browserName, openExtensionPage, extensionOrigin);
  await panel.evaluate(() => {
    const captured = globalThis as unknown as { exported?: Promise<string> };
    HTMLAnchorElement.prototype.click = function capture(this: HTMLAnchorElement) {
      captured.exported = fetch(this.href).then((response) => response.text());
    };
  });
  await panel.locator('[data-reading-action="export"]').click();
  // Export reads storage before it hands the file to a link: wait for that link's click.
  await panel.waitForFunction(() => (globalThis as unknown as { exported?: Promise<string> }).exported !== undefined);
  const exported = await panel.evaluate(() => (globalThis as unknown as { exported: Promise<string> }).exported);
  expect(JSON.parse(exported)).toMatchObject({ format: 'threadline-export', version: 1 });

  await clearExtensionStorage();
  const fresh = await openPanel(context, browserName, openExtensionPage, extensionOrigin);
  await expect(fresh.locator('[data-reading-count]')).toContainText('Nothing saved yet');
  await fresh.evaluate((text) => {
    const input = document.querySelector<HTMLInputElement>('[data-reading-import]')!;
    const files = new DataTransfer();
    files.items.add(new File([text], 'threadline.json', { type: 'application/json' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, exported);
  await expect(fresh.locator('[data-reading-import-result]')).toContainText('3 added, 0 updated, 0 skipped');
  await expect(fresh.locator('[data-reading-list] [data-saved-comment]')).toHaveCount(2);
  const after = await readExtensionStorage('local');
  for (const key of savedKeys(before)) expect(after[key], key).toEqual(before[key]);

  // A foreign file changes nothing and says why.
  await fresh.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('[data-reading-import]')!;
    const files = new DataTransfer();
    files.items.add(new File(['{"bookmarks": []}'], 'other.json', { type: 'application/json' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect(fresh.locator('[data-reading-import-result][role="alert"]')).toContainText('not a Threadline export');
  expect(savedKeys(await readExtensionStorage('local'))).toEqual(savedKeys(before));
});

test('the browser’s own panel lists the same items and follows saves from a page', async ({
  page,
  context,
  browserName,
  extensionOrigin,
  openExtensionPage,
}) => {
  const [first, second] = commentsOf(postA);
  await openPost(page, postA);
  await saveButton(page, first!.id).click();
  await expect(saveButton(page, first!.id)).toHaveAttribute('aria-pressed', 'true');
  const panel = await openPanel(context, browserName, openExtensionPage, extensionOrigin);
  await expect(panel.locator(`[data-reading-list] [data-saved-comment="${first!.id}"]`)).toBeVisible();
  await page.bringToFront();
  await saveButton(page, second!.id).click();
  await expect(panel.locator(`[data-reading-list] [data-saved-comment="${second!.id}"]`)).toBeAttached();
  // Removing in the panel un-saves on the page, and Undo brings it back.
  await panel.locator(`[data-saved-comment="${first!.id}"] [data-reading-action="remove"]`).click();
  await expect(saveButton(page, first!.id)).toHaveAttribute('aria-pressed', 'false');
  await panel.locator('[data-reading-action="undo"]').click();
  await expect(saveButton(page, first!.id)).toHaveAttribute('aria-pressed', 'true');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the open sidebar, with an item and its note editor, has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const [first] = commentsOf(postA);
    await openPost(page, postA);
    await saveButton(page, first!.id).click();
    await openSidebar(page);
    await page.locator(`[data-saved-comment="${first!.id}"] [data-reading-action="edit-note"]`).click();
    await renderEveryThreadGroup(page);
    // Legacy mode runs axe in the page's own frames only (the default opens a helper page, which hangs here).
    const results = await new AxeBuilder({ page }).setLegacyMode(true).include('[data-thread-root]').analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)).toEqual([]);
  });
}

test('the sidebar is resizable by keyboard, closes with Escape, and remembers its width', async ({ page, readExtensionStorage }) => {
  await openPost(page, postA);
  await openSidebar(page);
  const handle = page.locator('[role="separator"][aria-label="Resize the sidebar"]');
  const before = Number(await handle.getAttribute('aria-valuenow'));
  await handle.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(handle).toHaveAttribute('aria-valuenow', String(before + 40));
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-thread-sidebar]')).toBeHidden();
  await expect(page.locator('[data-thread-action="sidebar"]')).toHaveAttribute('aria-expanded', 'false');
  await expect
    .poll(async () => (await readExtensionStorage('local'))['reading-sidebar'])
    .toEqual({ open: false, width: before + 40, panel: 'reading' });
});
