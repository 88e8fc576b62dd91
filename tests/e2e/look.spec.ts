/**
 * The reading view's look and feel (issue 17), in the built extension: screenshots for the README (light, dark,
 * 390 px, filter area open, a tooltip, the sidebar and its bottom sheet), axe in both schemes and at 390 px, nothing
 * wider than a 320 px screen, the menu by keyboard, the one-time hint, and a keyboard-only walkthrough.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { fixtureByName, fixtureRecords, mainThreadedFixture } from './support/fixture-catalog';
import { REPO_ROOT } from './support/launch';
import { ROOT, commentLocator, renderEveryThreadGroup, waitForReady } from './support/thread-view';
import { openFilterArea, toolbarAction } from './support/toolbar';

const main = mainThreadedFixture();
/** The blog's mobile template (`?m=1`), what a phone gets. */
const mobile = fixtureByName('mobile-001');
const records = fixtureRecords(main.name);
const SHOTS = join(REPO_ROOT, 'assets', 'screenshots');
/** A top-level comment with replies: its thread can be collapsed. */
const parentWithReplies = records.comments.find((comment) => !comment.parentId && records.comments.some((reply) => reply.parentId === comment.id))!;

async function openMain(page: Page, options: { scheme?: 'light' | 'dark'; width?: number; height?: number } = {}) {
  await page.emulateMedia({ colorScheme: options.scheme ?? 'light', reducedMotion: 'reduce' });
  await page.setViewportSize({ width: options.width ?? 1100, height: options.height ?? 900 });
  await page.goto(main.url);
  await waitForReady(page);
}

/** Dismiss the first-use hint (it shows on the first post of every fresh profile). */
async function dismissHint(page: Page) {
  const dismiss = page.locator(`${ROOT} [data-thread-action="dismiss-hint"]`);
  await dismiss.click();
  await expect(dismiss).toHaveCount(0);
}

/** Scroll so the section's top is just below the window's top. */
async function scrollToSection(page: Page, above = 60) {
  await page.evaluate(
    ([rootSelector, offset]) => {
      const top = document.querySelector(rootSelector as string)!.getBoundingClientRect().top + window.scrollY;
      window.scrollTo({ top: Math.max(0, top - (offset as number)), behavior: 'instant' });
    },
    [ROOT, above] as const,
  );
}

/** Chromium: a touch screen (`pointer: coarse`, no hover), as on a phone. */
async function emulateTouch(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
}

async function shoot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

async function axeViolations(page: Page): Promise<string[]> {
  await renderEveryThreadGroup(page);
  const results = await new AxeBuilder({ page }).include(ROOT).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length}) ${violation.nodes[0]?.target}`);
}

test.describe('screenshots for the README', () => {
  test.beforeEach(({ browserName }) => test.skip(browserName !== 'chromium', 'one browser draws the README images'));

  test('light and dark, first use, filter area open, a preview tooltip', async ({ page }) => {
    await openMain(page);
    await scrollToSection(page);
    await shoot(page, 'first-use');
    await dismissHint(page);
    await shoot(page, 'threads-light');
    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    await shoot(page, 'threads-dark');
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await openFilterArea(page);
    await page.locator(`${ROOT} input[data-thread-filter="text"]`).fill('probation');
    await scrollToSection(page);
    await shoot(page, 'filter-area');
    await page.locator(`${ROOT} [data-thread-action="clear-filters"]`).click();
    await page.locator(`${ROOT} [data-thread-action="filter"]`).click();
    const chip = page.locator(`${ROOT} [data-thread-action="jump-parent"]`).first();
    await chip.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 120));
    await chip.hover();
    await expect(page.locator(`${ROOT} .parent-preview`).first()).toBeVisible();
    await shoot(page, 'tooltip');
    await page.mouse.move(5, 5);
    await (await toolbarAction(page, 'collapse-all')).scrollIntoViewIfNeeded();
    await shoot(page, 'menu-open');
  });

  test('the sidebar beside the page', async ({ page }) => {
    await openMain(page, { width: 1280 });
    await dismissHint(page);
    await page.locator(`${ROOT} [data-thread-action="save"]`).first().click();
    await page.locator(`${ROOT} [data-thread-action="sidebar"]`).click();
    await scrollToSection(page);
    await shoot(page, 'sidebar');
  });

  test('a phone: the mobile template at 390 px with touch, and the sidebar as a bottom sheet', async ({ page }) => {
    await emulateTouch(page);
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(mobile.url);
    await waitForReady(page);
    await dismissHint(page);
    await scrollToSection(page, 10);
    await shoot(page, 'phone-390');
    await page.locator(`${ROOT} [data-thread-action="sidebar"]`).click();
    await shoot(page, 'phone-390-sheet');
  });
});

test.describe('accessibility and fit', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no violations in the ${scheme} scheme, the menu and the filter area open`, async ({ page }) => {
      await openMain(page, { scheme });
      await openFilterArea(page);
      await toolbarAction(page, 'collapse-all');
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  test('axe finds no violations at 390 px, with the bottom sheet open', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(mobile.url);
    await waitForReady(page);
    await page.locator(`${ROOT} [data-thread-action="sidebar"]`).click();
    expect(await axeViolations(page)).toEqual([]);
  });

  test('the dark setting wins over a light system, and the light setting over a dark one', async ({ page, writeExtensionStorage }) => {
    await writeExtensionStorage('sync', { settings: { colorScheme: 'dark' } });
    await openMain(page, { scheme: 'light' });
    const background = () => page.locator(`${ROOT} section.threadline`).evaluate((element) => getComputedStyle(element).backgroundColor);
    await expect(page.locator(ROOT)).toHaveAttribute('data-tl-scheme', 'dark');
    expect(await background()).toBe('rgb(22, 25, 29)');
    await writeExtensionStorage('sync', { settings: { colorScheme: 'light' } });
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator(ROOT)).toHaveAttribute('data-tl-scheme', 'light');
    expect(await background()).toBe('rgb(255, 255, 255)');
  });

  test('nothing scrolls sideways at 320 px, with the filter area and the menu open', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 700 });
    await page.goto(mobile.url);
    await waitForReady(page);
    await openFilterArea(page);
    await toolbarAction(page, 'collapse-all');
    const overflow = await page.evaluate((rootSelector) => {
      const shadow = document.querySelector(rootSelector)!.shadowRoot!;
      const wide = [...shadow.querySelectorAll<HTMLElement>('*')].filter((element) => element.getBoundingClientRect().right > innerWidth + 1);
      return {
        scroll: Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth),
        wide: wide.slice(0, 5).map((element) => element.className || element.tagName),
      };
    }, ROOT);
    expect(overflow).toEqual({ scroll: 0, wide: [] });
  });
});

/** The blog's desktop template at a common 1100 px window: a comments column of about 640 px. */
const DESKTOP = { width: 1100, height: 900 };
const longest = fixtureByName('threaded-v2-640');

/** The toolbar's width and each control the reader sees in it, with its vertical middle. */
function toolbarControls(page: Page) {
  return page.evaluate((rootSelector) => {
    const bar = document.querySelector(rootSelector)!.shadowRoot!.querySelector<HTMLElement>('.toolbar')!;
    const shown = [...bar.querySelectorAll<HTMLElement>('.count, button, [data-reading-progress]')].filter((element) => {
      const box = element.getBoundingClientRect();
      return box.width > 1 && box.height > 1 && !element.closest('[role="menu"]');
    });
    return {
      width: bar.getBoundingClientRect().width,
      controls: shown.map((element) => {
        const box = element.getBoundingClientRect();
        return {
          name: element.dataset.threadAction ?? element.dataset.threadView ?? element.className,
          middle: Math.round(box.top + box.height / 2),
        };
      }),
    };
  }, ROOT);
}

test.describe("the toolbar at the blog's desktop column", () => {
  const cases = [
    { label: 'first visit', page: main, readFirst: 0 },
    { label: 'part read (Continue shown)', page: main, readFirst: 3 },
    { label: 'part read, 640 comments', page: longest, readFirst: 3 },
  ];
  for (const { label, page: post, readFirst } of cases) {
    test(`keeps every control in one row: ${label}`, async ({ page, writeExtensionStorage }) => {
      const postRecords = fixtureRecords(post.name);
      const ids = postRecords.comments.map((comment) => comment.id);
      if (readFirst > 0) {
        const progress = { v: 1, ids: ids.slice(0, readFirst), total: ids.length, updatedAt: Date.now() };
        await writeExtensionStorage('local', { [`read:${postRecords.post!.postId}`]: progress });
      }
      await page.setViewportSize(DESKTOP);
      await page.goto(post.url);
      await waitForReady(page);
      await expect(page.locator(`${ROOT} .toolbar [data-reading-progress]`)).toHaveAttribute('data-reading-progress', `${readFirst}/${ids.length}`);
      await expect(page.locator(`${ROOT} .toolbar [data-thread-action="continue-reading"]`)).toHaveCount(readFirst > 0 ? 1 : 0);
      const { width, controls } = await toolbarControls(page);
      expect(width, "the fixture reproduces the blog's ~640 px column").toBeGreaterThan(600);
      expect(width).toBeLessThan(680);
      const names = controls.map((control) => control.name);
      for (const hook of ['threaded', 'posted', 'filter', 'menu', 'follow']) expect(names).toContain(hook);
      expect(names).toContain('count');
      const first = controls[0]!.middle;
      expect(
        controls.filter((control) => Math.abs(control.middle - first) > 3),
        'controls off the first row',
      ).toEqual([]);
    });
  }
});

test.describe('by keyboard', () => {
  test('the More menu: arrows move, Escape closes and gives focus back, an item runs and closes', async ({ page }) => {
    await openMain(page);
    const button = page.locator(`${ROOT} .toolbar [data-thread-action="menu"]`);
    await button.focus();
    await page.keyboard.press('ArrowDown');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator(`${ROOT} [data-thread-action="collapse-all"]`)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.locator(`${ROOT} [data-thread-action="expand-all"]`)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(page.locator(`${ROOT} [role="menu"] [role^="menuitem"]`).last()).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(button).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator(`${ROOT} [data-thread-action="collapse-all"]`)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(button).toBeFocused();
    await expect(page.locator(`${ROOT} button[data-thread-action="toggle"][aria-expanded="true"]`)).toHaveCount(0);
  });

  test('the first-use hint shows once and never again after it is dismissed', async ({ page }) => {
    await openMain(page);
    const hint = page.locator(`${ROOT} [data-thread-hint="first-use"]`);
    await expect(hint).toBeVisible();
    await page.reload();
    await waitForReady(page);
    await expect(hint).toBeVisible();
    await page.locator(`${ROOT} [data-thread-action="dismiss-hint"]`).focus();
    await page.keyboard.press('Enter');
    await expect(hint).toHaveCount(0);
    await expect(page.locator(`${ROOT} [data-thread-view][aria-pressed="true"]`)).toBeFocused();
    await page.reload();
    await waitForReady(page);
    await expect(page.locator(`${ROOT} [data-thread-comment]`).first()).toBeVisible();
    await expect(hint).toHaveCount(0);
  });

  test('a walkthrough without the mouse: filter, collapse a thread by its line, save, open and close the sidebar', async ({ page }) => {
    await openMain(page);
    await dismissHint(page);
    // Tab from the view switch to the Filter button and open the filter area.
    const filter = page.locator(`${ROOT} [data-thread-action="filter"]`);
    await tabUntil(page, filter);
    await page.keyboard.press('Enter');
    await expect(filter).toHaveAttribute('aria-expanded', 'true');
    // The area follows the toolbar: Tab reaches its search box after the toolbar's last tool.
    await tabUntil(page, page.locator(`${ROOT} input[data-thread-filter="text"]`));
    await page.keyboard.press('Escape');
    // Collapse the first thread through its line's keyboard side, the toggle.
    const toggle = page.locator(`${ROOT} [data-thread-comment="${parentWithReplies.id}"] button[data-thread-action="toggle"]`).first();
    await tabUntil(page, toggle);
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    // Save that comment: its Save button is the next actions over.
    const save = page.locator(`${ROOT} [data-thread-comment="${parentWithReplies.id}"] button[data-thread-action="save"]`).first();
    await tabUntil(page, save);
    await expect(save).toHaveCSS('opacity', '1');
    await page.keyboard.press('Enter');
    await expect(save).toHaveAttribute('aria-pressed', 'true');
    // Open the reading list from the toolbar, close it with Escape: focus comes back to its button.
    const sidebarButton = page.locator(`${ROOT} [data-thread-action="sidebar"]`);
    await tabUntil(page, sidebarButton, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(page.locator(`${ROOT} [data-thread-sidebar="open"]`)).toBeVisible();
    await expect(page.locator(`${ROOT} [data-reading-list] [data-saved-comment="${parentWithReplies.id}"]`)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.locator(`${ROOT} [data-thread-sidebar="closed"]`)).toBeAttached();
    await expect(sidebarButton).toBeFocused();
  });
});

/** Press Tab (or Shift+Tab) until `target` has focus; fails after a bounded number of presses. */
async function tabUntil(page: Page, target: ReturnType<Page['locator']>, key = 'Tab') {
  for (let presses = 0; presses < 80; presses++) {
    if (await target.evaluate((element) => element === (element.getRootNode() as ShadowRoot).activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}
