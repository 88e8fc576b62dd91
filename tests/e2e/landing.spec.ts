/**
 * Every way of going to a comment lands on it exactly on the 640-comment post, where thread groups far off screen are
 * not built yet and the built ones off screen are skipped (content-visibility): both have estimated heights.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { fixtureByName, fixtureRecords } from './support/fixture-catalog';
import { ROOT, buildComment, buildEveryComment, commentIdsInView, commentLocator, scrollIntoViewSettled, waitForReady } from './support/thread-view';
import { openFilterArea } from './support/toolbar';

const BIG = fixtureByName('threaded-v2-640');
const RECORDS = fixtureRecords(BIG.name).comments;

/** Where a comment sits: off by how many px from the viewport's centre, and whether the page can scroll further that way. */
async function placement(page: Page, id: string) {
  return page.evaluate(
    ({ root, id }) => {
      const element = document.querySelector(root)!.shadowRoot!.querySelector(`[data-thread-comment="${id}"]`);
      if (!element) return null;
      const box = element.getBoundingClientRect();
      const offCentre = Math.round(box.top + box.height / 2 - innerHeight / 2);
      const max = document.documentElement.scrollHeight - innerHeight;
      // scrollIntoView({block: 'center'}) cannot centre an element the page cannot scroll far enough to centre.
      const clamped = (offCentre > 0 && scrollY >= max - 1) || (offCentre < 0 && scrollY <= 0);
      return { offCentre, clamped, inView: box.top < innerHeight && box.bottom > 0 };
    },
    { root: ROOT, id },
  );
}

/** The comment ends up centred (as scrollIntoView would put it once every height above it is real) and stays there. */
async function expectLandedOn(page: Page, id: string): Promise<void> {
  const landed = async () => {
    const where = await placement(page, id);
    return where !== null && where.inView && (Math.abs(where.offCentre) <= 2 || where.clamped);
  };
  await expect.poll(landed, { timeout: 10_000 }).toBe(true);
  // Still there once groups near it have rendered and the landing has stopped re-aiming.
  await page.waitForTimeout(1000);
  expect(await placement(page, id)).toMatchObject({ inView: true });
  expect(await landed()).toBe(true);
}

async function openBig(page: Page, suffix = ''): Promise<void> {
  await page.goto(BIG.url + suffix);
  await waitForReady(page);
  await expect(page.locator('[data-thread-count]')).toHaveText(`Showing ${RECORDS.length} of ${RECORDS.length}`, { timeout: 30_000 });
  // Every comment once: built, or standing in for its group until the reader nears it.
  await expect.poll(async () => new Set((await commentIdsInView(page)).map((comment) => comment.id)).size, { timeout: 30_000 }).toBe(RECORDS.length);
  expect(await commentIdsInView(page)).toHaveLength(RECORDS.length);
}

/** Built comments in display order, which group of threads each sits in, and the target of its "replying to" chip. */
async function layout(page: Page) {
  return page.evaluate((root) => {
    const scope = document.querySelector(root)!.shadowRoot!;
    const groups = [...scope.querySelectorAll('.thread-group')];
    return [...scope.querySelectorAll<HTMLElement>('[data-thread-comment]')].map((element) => ({
      id: element.dataset.threadComment!,
      group: groups.indexOf(element.closest('.thread-group')!),
      chipTarget: element.querySelector(':scope > .comment-main [data-thread-action="jump-parent"]')?.getAttribute('data-thread-target') ?? null,
    }));
  }, ROOT);
}

test.describe(`landing on a comment in ${BIG.name}`, () => {
  test.setTimeout(90_000);

  test('the page is split into groups of threads: far ones not built yet, built ones skipped by the browser while off screen', async ({ page }) => {
    await openBig(page);
    const groups = await page.evaluate((root) => {
      const scope = document.querySelector(root)!.shadowRoot!;
      return [...scope.querySelectorAll<HTMLElement>('.thread-group')].map((group) => ({
        pending: group.hasAttribute('data-thread-pending'),
        visibility: getComputedStyle(group).contentVisibility,
        // What keeps a far comment's words findable in page: hidden="until-found", not plain hidden (display: none).
        standins: group.querySelector('.standins')?.getAttribute('hidden') ?? null,
        standinsDisplay: group.querySelector('.standins') ? getComputedStyle(group.querySelector('.standins')!).display : null,
      }));
    }, ROOT);
    expect(groups.length).toBeGreaterThan(10);
    expect(groups.filter((group) => group.pending).length).toBeGreaterThan(groups.length / 2);
    for (const group of groups.filter((candidate) => candidate.pending))
      expect(group).toMatchObject({ standins: 'until-found', standinsDisplay: 'block' });
    expect(new Set(groups.filter((group) => !group.pending).map((group) => group.visibility))).toEqual(new Set(['auto']));
  });

  test('G lands on the last comment and g g on the first, from the other end of the page', async ({ page }) => {
    await openBig(page);
    const view = await commentIdsInView(page);
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('Shift+G');
    await expectLandedOn(page, view.at(-1)!.id);
    await page.keyboard.press('g');
    await page.keyboard.press('g');
    await expectLandedOn(page, view[0]!.id);
    await page.keyboard.press('Shift+G');
    await page.keyboard.press('k');
    await expect.poll(() => currentComment(page)).toBe(view.at(-2)!.id);
    await expectLandedOn(page, view.at(-2)!.id);
  });

  test("the reading list's saved comment is landed on from the top of the page", async ({ page }) => {
    await openBig(page);
    const last = (await commentIdsInView(page)).at(-1)!;
    await buildComment(page, last.id);
    const save = commentLocator(page, last.id).locator('[data-thread-action="save"]').first();
    await scrollIntoViewSettled(save);
    await save.click();
    await expect(save).toHaveAttribute('aria-pressed', 'true');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('[data-thread-action="sidebar"]').click();
    await page.locator(`[data-saved-comment="${last.id}"] .entry-open`).click();
    await expectLandedOn(page, last.id);
  });

  test('the "replying to" chip lands on the parent farthest above its reply, and Back lands on the reply again', async ({ page }) => {
    await openBig(page);
    // Every chip's target is known once every group is built; the landing is then through groups skipped off screen.
    await buildEveryComment(page);
    const view = await layout(page);
    const groupOf = new Map(view.map((comment) => [comment.id, comment.group]));
    const farthest = view
      .filter((comment) => comment.chipTarget !== null && groupOf.has(comment.chipTarget))
      .sort((a, b) => a.group - groupOf.get(a.chipTarget!)! - (b.group - groupOf.get(b.chipTarget!)!))
      .at(-1);
    expect(farthest, 'an inferred reply with a "replying to" chip').toBeDefined();
    const chip = commentLocator(page, farthest!.id).locator('[data-thread-action="jump-parent"]').first();
    await chip.scrollIntoViewIfNeeded();
    await chip.click();
    await expectLandedOn(page, farthest!.chipTarget!);
    await expect(commentLocator(page, farthest!.chipTarget!)).toHaveAttribute('data-thread-highlight', '');
    await page.locator('[data-thread-action="back"]').first().click();
    await expectLandedOn(page, farthest!.id);
  });

  test('a ?showComment=…#c<id> link lands on a comment far down the page', async ({ page }) => {
    const onPage = RECORDS.slice(0, BIG.onPage ?? 200);
    const target = onPage[onPage.length - 5]!;
    await openBig(page, `?showComment=${target.publishedMs}#c${target.id}`);
    await expectLandedOn(page, target.id);
  });

  test('stepping to the last search match lands on it', async ({ page }) => {
    await openBig(page);
    await openFilterArea(page);
    await page.locator('input[data-thread-filter="text"]').fill('probation');
    await expect(page.locator(`${ROOT} mark[data-thread-match]`).first()).toBeAttached({ timeout: 10_000 });
    await page.locator('[data-thread-action="previous-match"]').click();
    const id = await currentComment(page);
    expect(id).not.toBeNull();
    const view = await commentIdsInView(page);
    expect(view.findIndex((comment) => comment.id === id)).toBeGreaterThan(view.length / 2);
    await expectLandedOn(page, id!);
  });
});

async function currentComment(page: Page): Promise<string | null> {
  return page.evaluate((root) => {
    const current = document.querySelector(root)!.shadowRoot!.querySelector<HTMLElement>('[data-thread-comment].is-current');
    return current?.dataset.threadComment ?? null;
  }, ROOT);
}

test('the "replying to" preview of the comment nearest a thread group\'s end is not clipped by its group', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 800 });
  await openBig(page);
  await buildEveryComment(page);
  // The chip whose preview would run furthest past the bottom of its own thread group.
  const chosen = await page.evaluate((root) => {
    const shadow = document.querySelector(root)!.shadowRoot!;
    let best: { id: string; room: number } | null = null;
    for (const chip of shadow.querySelectorAll<HTMLElement>('[data-thread-action="jump-parent"]')) {
      const group = chip.closest('.thread-group');
      const comment = chip.closest('[data-thread-comment]');
      if (!group || !comment || chip.closest('[hidden]')) continue;
      chip.scrollIntoView({ block: 'center' });
      const room = group.getBoundingClientRect().bottom - chip.getBoundingClientRect().bottom;
      if (!best || room < best.room) best = { id: comment.getAttribute('data-thread-comment')!, room };
    }
    return best;
  }, ROOT);
  expect(chosen, 'the post has inferred replies with chips').not.toBeNull();
  const chip = commentLocator(page, chosen!.id).locator('[data-thread-action="jump-parent"]').first();
  await chip.scrollIntoViewIfNeeded();
  await chip.hover();
  const preview = commentLocator(page, chosen!.id).locator('.parent-preview').first();
  await expect(preview).toBeVisible();
  const box = (await preview.boundingBox())!;
  // A thread group off screen contains its paint (content-visibility); one with an open preview must not clip it.
  const groupContainment = await chip.evaluate((element) => getComputedStyle(element.closest('.thread-group')!).contentVisibility);
  expect(groupContainment).toBe('visible');
  // What the reader sees at the preview's bottom edge is the preview, not the next group or a clipped gap.
  const hit = await page.evaluate(
    ({ root, x, y }) => {
      const element = document.querySelector(root)!.shadowRoot!.elementFromPoint(x, y);
      return Boolean(element?.closest('.parent-preview'));
    },
    { root: ROOT, x: box.x + Math.min(20, box.width / 2), y: box.y + box.height - 3 },
  );
  expect(hit).toBe(true);
});
