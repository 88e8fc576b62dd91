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
