/** Corrections and "Why here?" in the built extension, in Chromium and Firefox: a correction survives a reload. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { fixtureByName, fixtureRecords } from './support/fixture-catalog';
import { ROOT, commentLocator, waitForReady } from './support/thread-view';

const fixture = fixtureByName('threaded-v2-001');
const records = fixtureRecords(fixture.name).comments;
/** A Blogger reply: "Not a reply" takes it to the top level. */
const reply = records.find((c) => c.parentId && !c.removed)!;
/** A top-level comment with no replies and earlier comments before it, to put under one of them. */
const loner = records.find((c, i) => i > 3 && !c.parentId && !c.removed && !records.some((r) => r.parentId === c.id))!;
/** "Good luck 21:07, I retired…": placed by inference under the comment posted at 21:07. */
const inferred = records.find((c) => c.text.startsWith('Good luck 21:07'))!;

function own(page: Page, id: string, action: string) {
  return commentLocator(page, id).locator(`[data-thread-action="${action}"]`).first();
}

async function open(page: Page): Promise<void> {
  await page.goto(fixture.url);
  await waitForReady(page);
}

test.describe(`corrections on ${fixture.name}`, () => {
  test('"Not a reply" moves a comment at once, and the correction holds after a reload until undone', async ({ page }) => {
    await open(page);
    await expect(commentLocator(page, reply.id)).toHaveAttribute('data-thread-parent', reply.parentId!);
    await own(page, reply.id, 'not-a-reply').click();
    await expect(commentLocator(page, reply.id)).toHaveAttribute('data-thread-source', 'reader');
    await expect(commentLocator(page, reply.id)).toHaveAttribute('data-thread-parent', '');
    await expect(page.locator('[data-thread-corrections-status]')).toHaveText('Moved under the post.');

    await expect
      .poll(async () => {
        await page.reload();
        await waitForReady(page);
        return commentLocator(page, reply.id).getAttribute('data-thread-source');
      })
      .toBe('reader');
    await expect(commentLocator(page, reply.id)).toHaveAttribute('data-thread-parent', '');

    await own(page, reply.id, 'undo-correction').click();
    await expect(commentLocator(page, reply.id)).toHaveAttribute('data-thread-parent', reply.parentId!);
    await expect(commentLocator(page, reply.id)).toHaveAttribute('data-thread-source', 'blogger');
    await expect
      .poll(async () => {
        await page.reload();
        await waitForReady(page);
        return commentLocator(page, reply.id).getAttribute('data-thread-source');
      })
      .toBe('blogger');
  });

  test('"Reply to…" puts a comment under the chosen earlier comment, and a reload keeps it there', async ({ page }) => {
    await open(page);
    await own(page, loner.id, 'reply-to').click();
    const picker = page.locator(`[data-thread-reply-to="${loner.id}"]`);
    await expect(picker).toBeVisible();
    await expect(picker.locator('input[type="search"]')).toBeFocused();
    const first = picker.locator('[data-thread-correct-to]').first();
    const target = (await first.getAttribute('data-thread-correct-to'))!;
    await first.click();
    await expect(commentLocator(page, loner.id)).toHaveAttribute('data-thread-parent', target);
    await expect
      .poll(async () => {
        await page.reload();
        await waitForReady(page);
        return commentLocator(page, loner.id).getAttribute('data-thread-parent');
      })
      .toBe(target);
    await expect(commentLocator(page, loner.id)).toHaveAttribute('data-thread-source', 'reader');
  });

  test('"Why here?" opens by keyboard, says the evidence and confidence, and closes with Escape', async ({ page }) => {
    await open(page);
    const why = own(page, inferred.id, 'why');
    await why.scrollIntoViewIfNeeded();
    await why.focus();
    await expect(why).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('Enter');
    await expect(why).toHaveAttribute('aria-expanded', 'true');
    const panel = page.locator(`[data-thread-why="${inferred.id}"]`);
    await expect(panel).toBeVisible();
    await expect(panel).toHaveAttribute('id', (await why.getAttribute('aria-controls'))!);
    await expect(panel).toContainText('21:07');
    await expect(panel).toContainText('confidence');
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect(why).toBeFocused();
  });

  test('axe-core finds no violations with "Why here?" open', async ({ page }) => {
    await open(page);
    const why = own(page, inferred.id, 'why');
    await why.scrollIntoViewIfNeeded();
    await why.click();
    await expect(page.locator(`[data-thread-why="${inferred.id}"]`)).toBeVisible();
    const results = await new AxeBuilder({ page }).include(ROOT).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
  });

  test('axe-core finds no violations with "Reply to…" open', async ({ page }) => {
    await open(page);
    await own(page, loner.id, 'reply-to').click();
    await expect(page.locator(`[data-thread-reply-to="${loner.id}"]`)).toBeVisible();
    const results = await new AxeBuilder({ page }).include(ROOT).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
  });
});
