/**
 * The blog's mobile template (`?m=1`) on a 390 px touch screen, in both browsers: threads restructured, acronym
 * tooltips by tap, the reading-list sidebar opened and closed by touch with focus returned, filters, and nothing
 * scrolling sideways at 390 px or 320 px. Written against the README's DOM contract only, so it holds whether the
 * sidebar is a side panel or a bottom sheet and whether a control sits in the toolbar or behind its menu.
 *
 * Touch: Chromium is emulated through the DevTools protocol (a mobile viewport, touch emulation, a phone's user agent;
 * `(pointer: coarse)` and `(hover: none)` then match) and taps are real touch input (Input.dispatchTouchEvent), as on
 * a phone. Playwright 1.64.1 drives Firefox over WebDriver BiDi, where `isMobile` is not supported and `hasTouch` has
 * no effect (checked: navigator.maxTouchPoints stays 0, `(pointer: coarse)` does not match, and touchscreen.tap
 * delivers no event at all), so Firefox gets the 390 px viewport and each tap is the touch sequence a finger produces
 * (focus, touch pointer events, click) dispatched on the element; a drag likewise is touch pointer events dispatched
 * on the element, paced in real time.
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { fixtureByName, fixtureRecords } from './support/fixture-catalog';
import {
  duplicates,
  ownToggle,
  READY_ROOT,
  readThreadView,
  renderEveryThreadGroup,
  ROOT,
  scrollIntoViewSettled,
  waitForReady,
} from './support/thread-view';

const POST = fixtureByName('mobile-001');
const PHONE = { width: 390, height: 844 };
const NARROWEST = 320;
const PHONE_UA = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36';

interface Phone {
  page: Page;
  /** Touch `target` as a finger would. */
  tap(target: Locator): Promise<void>;
  /** Make the screen `width` px wide (the phone's height is kept). */
  resize(width: number): Promise<void>;
  /** Put a finger on `target`, move it `distance` px down in `steps` moves `stepMs` apart, rest `restMs`, lift it. */
  drag(target: Locator, distance: number, pace: DragPace): Promise<void>;
}

interface DragPace {
  steps: number;
  stepMs: number;
  restMs: number;
}

/** The middle of an element on screen. */
async function middleOf(target: Locator): Promise<{ x: number; y: number }> {
  const box = await target.boundingBox();
  if (!box) throw new Error('nothing to touch: the target has no box');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function phoneIn(page: Page, context: BrowserContext, browserName: string): Promise<Phone> {
  if (browserName === 'chromium') {
    const cdp = await context.newCDPSession(page);
    const metrics = (width: number) =>
      cdp.send('Emulation.setDeviceMetricsOverride', { width, height: PHONE.height, deviceScaleFactor: 3, mobile: true });
    await metrics(PHONE.width);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
    await cdp.send('Emulation.setUserAgentOverride', { userAgent: PHONE_UA, platform: 'Linux armv8l' });
    return {
      page,
      async tap(target) {
        await scrollIntoViewSettled(target);
        const box = await target.boundingBox();
        if (!box) throw new Error('nothing to tap: the target has no box');
        const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      },
      async resize(width) {
        await metrics(width);
      },
      async drag(target, distance, { steps, stepMs, restMs }) {
        const start = await middleOf(target);
        // Each touch carries its own time, paced as asked: a busy machine's slow round trips do not change the speed.
        const startedAt = Date.now() / 1000;
        const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', y: number | null, atMs: number) =>
          cdp.send('Input.dispatchTouchEvent', { type, touchPoints: y === null ? [] : [{ x: start.x, y }], timestamp: startedAt + atMs / 1000 });
        await touch('touchStart', start.y, 0);
        for (let step = 1; step <= steps; step++) await touch('touchMove', start.y + (distance * step) / steps, step * stepMs);
        await touch('touchEnd', null, steps * stepMs + restMs);
      },
    };
  }
  await page.setViewportSize(PHONE);
  return {
    page,
    async tap(target) {
      await scrollIntoViewSettled(target);
      await target.evaluate((element) => {
        const init = { bubbles: true, composed: true, cancelable: true, pointerType: 'touch', isPrimary: true, pointerId: 2 };
        for (const type of ['pointerover', 'pointerdown']) element.dispatchEvent(new PointerEvent(type, init));
        if (element instanceof HTMLElement && element.matches('button, a, input, select, textarea, [tabindex]')) element.focus();
        for (const type of ['pointerup', 'pointerout']) element.dispatchEvent(new PointerEvent(type, init));
        element.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, detail: 1 }));
      });
    },
    async resize(width) {
      await page.setViewportSize({ width, height: PHONE.height });
    },
    async drag(target, distance, { steps, stepMs, restMs }) {
      const start = await middleOf(target);
      // The whole gesture runs in the page, paced by its own timers (round trips would slow a flick down).
      await target.evaluate(
        async (element, { x, y, distance, steps, stepMs, restMs }) => {
          const init = {
            bubbles: true,
            composed: true,
            cancelable: true,
            pointerType: 'touch',
            isPrimary: true,
            pointerId: 2,
            button: 0,
            clientX: x,
          };
          const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
          element.dispatchEvent(new PointerEvent('pointerdown', { ...init, clientY: y }));
          for (let step = 1; step <= steps; step++) {
            await wait(stepMs);
            element.dispatchEvent(new PointerEvent('pointermove', { ...init, clientY: y + (distance * step) / steps }));
          }
          await wait(restMs);
          element.dispatchEvent(new PointerEvent('pointerup', { ...init, clientY: y + distance }));
        },
        { x: start.x, y: start.y, distance, steps, stepMs, restMs },
      );
    },
  };
}

async function openPhone(page: Page, context: BrowserContext, browserName: string): Promise<Phone> {
  const phone = await phoneIn(page, context, browserName);
  await page.goto(POST.url);
  await waitForReady(page);
  return phone;
}

/** How far the page scrolls sideways (0 when nothing is wider than the screen). */
function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth - innerWidth);
}

/** The element that has focus, looking through Threadline's shadow root. */
function deepFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active || active === document.body) return 'body';
    const action = active.getAttribute('data-thread-action');
    if (action) return `action:${action}`;
    if (active.closest('[data-thread-comment]')) return 'comment';
    return active.tagName.toLowerCase();
  });
}

/**
 * A toolbar control by its hook: tapped directly when it is on screen, otherwise reached through the toolbar's menu
 * (`[data-thread-action="menu"]`) when the view puts it there. Answers the control the reader tapped first.
 */
async function reach(phone: Phone, action: string): Promise<{ control: Locator; opener: string }> {
  const control = phone.page.locator(`${ROOT} [data-thread-action="${action}"]`).first();
  if (!(await control.isVisible())) {
    const menu = phone.page.locator(`${ROOT} .toolbar [data-thread-action="menu"]`);
    if ((await menu.count()) > 0) {
      await phone.tap(menu);
      await expect(control).toBeVisible();
      return { control, opener: 'action:menu' };
    }
  }
  return { control, opener: `action:${action}` };
}

test.describe(`the mobile template (${POST.name}, ?m=1) on a 390 px touch screen`, () => {
  test('restructures every comment exactly once into threads, and nothing scrolls sideways at 390 or 320 px', async ({
    page,
    context,
    browserName,
  }) => {
    const phone = await openPhone(page, context, browserName);
    expect(await page.evaluate(() => innerWidth)).toBe(PHONE.width);
    await renderEveryThreadGroup(page);
    const view = await readThreadView(page);
    const expected = fixtureRecords(POST.name).comments.map((comment) => comment.id);
    expect(duplicates(view.map((comment) => comment.id))).toEqual([]);
    expect(new Set(view.map((comment) => comment.id))).toEqual(new Set(expected));
    expect(view.filter((comment) => comment.parent !== '').length, 'some comments sit under their parents').toBeGreaterThan(0);

    for (const width of [PHONE.width, NARROWEST]) {
      await phone.resize(width);
      await expect.poll(() => page.evaluate(() => innerWidth)).toBe(width);
      expect(await sidewaysOverflow(page), `sideways scroll at ${width} px`).toBeLessThanOrEqual(0);
      // Every comment, however deep, keeps its text on the screen (each group laid out again at this width first:
      // off-screen groups are skipped, and Firefox reports their boxes from the last width they were laid out at).
      await renderEveryThreadGroup(page);
      const overflowing = await page.evaluate((root) => {
        const scope = document.querySelector(root)!.shadowRoot!;
        return [...scope.querySelectorAll('[data-thread-comment]')]
          .filter((comment) => (comment as HTMLElement).offsetParent !== null && comment.getBoundingClientRect().right > innerWidth + 1)
          .map((comment) => comment.getAttribute('data-thread-comment'));
      }, ROOT);
      expect(overflowing, `comments wider than ${width} px`).toEqual([]);
    }
  });

  test('a tap collapses a thread and a second tap opens it again', async ({ page, context, browserName }) => {
    const phone = await openPhone(page, context, browserName);
    const first = page.locator(`${ROOT} [data-thread-comment]:has(button[data-thread-action="toggle"])`).first();
    const toggle = ownToggle(page, (await first.getAttribute('data-thread-comment'))!);
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await phone.tap(toggle);
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await phone.tap(toggle);
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  });

  test('a tap on an acronym opens its explanation inside the screen, and a second tap closes it', async ({ page, context, browserName }) => {
    const phone = await openPhone(page, context, browserName);
    // Comments are scanned for acronyms as they come near the screen.
    await page.locator(`${ROOT} [data-thread-comment] .comment-body`).first().scrollIntoViewIfNeeded();
    const term = page.locator(`${ROOT} [data-thread-comment] [data-term]`).first();
    await expect(term).toBeAttached();
    const tooltip = page.locator(`${ROOT} [role="tooltip"]`);
    await phone.tap(term);
    await expect(tooltip).toBeVisible();
    const box = (await tooltip.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await phone.tap(term);
    await expect(tooltip).toBeHidden();
  });

  test('the reading list opens by tap within the screen, closes by its button and by Escape, and gives focus back', async ({
    page,
    context,
    browserName,
  }) => {
    const phone = await openPhone(page, context, browserName);
    const sidebar = page.locator(`${ROOT} [data-thread-sidebar]`);
    for (const closeWith of ['button', 'Escape'] as const) {
      const { control, opener } = await reach(phone, 'sidebar');
      await phone.tap(control);
      await expect(page.locator(`${ROOT} [data-thread-sidebar="open"]`)).toBeVisible();
      await expect(page.locator(`${ROOT} [data-reading-list]`)).toBeAttached();
      const box = (await sidebar.boundingBox())!;
      expect(box.x, 'the sheet starts on the screen').toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, 'the sheet ends on the screen').toBeLessThanOrEqual(PHONE.width + 1);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

      if (closeWith === 'button') await phone.tap(page.locator(`${ROOT} [data-thread-action="close-sidebar"]`));
      else {
        await expect.poll(() => deepFocus(page), 'focus moves into the open list').not.toBe('body');
        await page.keyboard.press('Escape');
      }
      await expect(page.locator(`${ROOT} [data-thread-sidebar="open"]`)).toHaveCount(0);
      await expect.poll(() => deepFocus(page), `focus back after closing with ${closeWith}`).toBe(opener);
    }
  });

  test('the bottom sheet goes when its handle is dragged down far or flicked, and comes back after a short drag', async ({
    page,
    context,
    browserName,
  }) => {
    const phone = await openPhone(page, context, browserName);
    const sheet = page.locator(`${ROOT} [data-thread-sidebar="open"]`);
    const handle = page.locator(`${ROOT} [data-thread-sheet-handle]`);
    const transform = () => sheet.evaluate((element) => getComputedStyle(element).transform);
    const openSheet = async () => {
      const { control, opener } = await reach(phone, 'sidebar');
      await phone.tap(control);
      await expect(sheet).toBeVisible();
      await expect.poll(transform, 'the sheet has finished sliding in').toBe('none');
      return opener;
    };
    const slow = { steps: 8, stepMs: 40, restMs: 150 };

    let opener = await openSheet();
    const resting = (await sheet.boundingBox())!;
    expect(await handle.getAttribute('aria-hidden'), 'the handle is decorative: the close button is the accessible way').toBe('true');
    await phone.drag(handle, resting.height * 0.15, slow);
    await expect(sheet, 'a short drag leaves the sheet open').toBeVisible();
    await expect.poll(transform, 'and it snaps back into place').toBe('none');
    expect((await sheet.boundingBox())!.y).toBeCloseTo(resting.y, 0);

    // With reduced motion the snap back is not animated: the sheet is back at once. (A change of the media feature
    // restarts the sheet's slide-in, so each change is followed by a wait for the sheet to rest.)
    await page.emulateMedia({ reducedMotion: 'reduce' });
    if (await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)) {
      await expect.poll(transform).toBe('none');
      await phone.drag(handle, resting.height * 0.15, slow);
      expect(await sheet.evaluate((element) => [getComputedStyle(element).transform, element.getAnimations().length])).toEqual(['none', 0]);
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      await expect.poll(transform).toBe('none');
    } else test.info().annotations.push({ type: 'skipped part', description: `${browserName} does not emulate prefers-reduced-motion here` });

    await phone.drag(handle, resting.height * 0.5, slow);
    await expect(page.locator(`${ROOT} [data-thread-sidebar="open"]`), 'a drag past 30% of its height closes it').toHaveCount(0);
    await expect.poll(() => deepFocus(page), 'focus back where the sheet was opened from').toBe(opener);

    opener = await openSheet();
    // A quarter of the height (short of 30%), in two quick moves let go at once: fast enough to be a flick.
    await phone.drag(handle, resting.height * 0.25, { steps: 2, stepMs: 16, restMs: 0 });
    await expect(page.locator(`${ROOT} [data-thread-sidebar="open"]`), 'a quick flick closes it').toHaveCount(0);
    await expect.poll(() => deepFocus(page)).toBe(opener);
  });

  test('the filter bar opens by tap, a word narrows the comments, clearing brings them back, all within the screen', async ({
    page,
    context,
    browserName,
  }) => {
    const phone = await openPhone(page, context, browserName);
    const search = page.locator(`${ROOT} input[data-thread-filter="text"]`);
    if (!(await search.isVisible())) {
      const { control } = await reach(phone, 'filter');
      await phone.tap(control);
    }
    await expect(search).toBeVisible();
    const count = page.locator(`${ROOT} [data-thread-count]`);
    const total = POST.commentCount;
    // A word from one comment that not every comment holds.
    const records = fixtureRecords(POST.name).comments;
    const words = records.flatMap((comment) => comment.text.toLowerCase().match(/\b[a-z]{7,}\b/g) ?? []);
    const word = words.find((candidate) => records.filter((comment) => comment.text.toLowerCase().includes(candidate)).length < total / 2)!;
    await phone.tap(search);
    await search.fill(word);
    await expect(count).not.toHaveText(new RegExp(`\\b${total} of ${total}\\b`));
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await phone.tap(page.locator(`${ROOT} [data-thread-action="clear-filters"]`).first());
    await expect(count).toHaveText(new RegExp(`\\b${total} of ${total}\\b`));
  });

  test('axe-core finds no violations in the restructured section at 390 px', async ({ page, context, browserName }) => {
    test.setTimeout(180_000); // axe over every comment of a tall phone page takes over a minute in Firefox on a busy 2-core machine
    await openPhone(page, context, browserName);
    await renderEveryThreadGroup(page);
    const results = await new AxeBuilder({ page }).include(READY_ROOT).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)).toEqual([]);
  });
});
