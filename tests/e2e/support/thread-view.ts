/** Reads Threadline's restructured comment section through the public DOM contract (data-thread-* hooks). */
import { expect, test, type Locator, type Page } from '@playwright/test';

export const ROOT = '[data-thread-root]';
export const READY_ROOT = '[data-thread-root][data-state="ready"]';

/** One rendered comment as a reader sees it. */
export interface ViewComment {
  id: string;
  parent: string;
  source: string;
  /** The comment's own text (header, body, actions), without its nested replies. */
  ownText: string;
}

export async function waitForReady(page: Page, timeout = 15_000): Promise<void> {
  await expect(page.locator(READY_ROOT)).toBeAttached({ timeout });
}

/** Every `[data-thread-comment]` element in document order, read in one pass inside the shadow root. */
export async function readThreadView(page: Page): Promise<ViewComment[]> {
  return page.evaluate((rootSelector) => {
    const host = document.querySelector(rootSelector);
    const scope: ParentNode | null = host?.shadowRoot ?? host;
    if (!scope) return [];
    return [...scope.querySelectorAll('[data-thread-comment]')].map((element) => {
      const copy = element.cloneNode(true) as Element;
      copy.querySelectorAll('[data-thread-comment]').forEach((nested) => nested.remove());
      return {
        id: element.getAttribute('data-thread-comment') ?? '',
        parent: element.getAttribute('data-thread-parent') ?? '',
        source: element.getAttribute('data-thread-source') ?? '',
        ownText: (copy.textContent ?? '').replace(/\s+/g, ' ').trim(),
      };
    });
  }, ROOT);
}

/**
 * Every comment in the view once, in display order: built ones (`[data-thread-comment]`) and those of far thread
 * groups not built yet on a big post (`[data-thread-standin]`).
 */
export async function commentIdsInView(page: Page): Promise<Array<{ id: string; built: boolean; group: number }>> {
  return page.evaluate((rootSelector) => {
    const scope = document.querySelector(rootSelector)!.shadowRoot!;
    const groups = [...scope.querySelectorAll('.thread-group')];
    return [...scope.querySelectorAll<HTMLElement>('[data-thread-comment], [data-thread-standin]')].map((element) => ({
      id: element.dataset.threadComment ?? element.dataset.threadStandin ?? '',
      built: element.dataset.threadComment !== undefined,
      group: groups.indexOf(element.closest('.thread-group')!),
    }));
  }, ROOT);
}

/** Have every thread group built now, as the view does before printing, and wait until no stand-in is left. */
export async function buildEveryComment(page: Page): Promise<void> {
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(page.locator('[data-thread-standin]')).toHaveCount(0, { timeout: 30_000 });
}

/** Have a far comment's thread group built the way a reader does, by scrolling to it; resolves once its element exists. */
export async function buildComment(page: Page, id: string): Promise<void> {
  const standin = page.locator(`[data-thread-standin="${id}"]`);
  if ((await standin.count()) > 0)
    await standin.evaluate((element) => element.closest('.thread-group')!.scrollIntoView({ block: 'center', behavior: 'instant' }));
  await expect(commentLocator(page, id)).toBeAttached({ timeout: 10_000 });
}

/** The element of one comment. */
export function commentLocator(page: Page, id: string): Locator {
  return page.locator(`[data-thread-comment="${id}"]`);
}

/** The toggle that belongs to comment `id` itself (not to one of its replies). */
export function ownToggle(page: Page, id: string): Locator {
  return page.locator(`[data-thread-comment="${id}"] button[data-thread-action="toggle"]`).first();
}

/** The reply button of comment `id` itself. */
export function ownReplyButton(page: Page, id: string): Locator {
  return page.locator(`[data-thread-comment="${id}"] [data-thread-action="reply"]`).first();
}

/** Ids that appear more than once in `ids`. */
export function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
}

/**
 * Let the browser render every group of threads once, then go back to where the page was. Groups off screen are
 * skipped (content-visibility: auto) and keep an estimated height until rendered; their content is laid out on demand
 * at real heights that overflow the estimate, so a tool that reads geometry (axe-core's colour contrast looks for the
 * background under each text's box) finds our text over the blog's page instead of over our section (axe-core issue
 * #2768). Once rendered, a skipped group keeps its real height (`contain-intrinsic-size: auto`), so the geometry axe
 * reads is the page's real one, as a reader who scrolled through it has it. Nothing is excluded from the check.
 */
export async function renderEveryThreadGroup(page: Page): Promise<void> {
  // An axe run over every comment follows; in Firefox on a busy 2-core machine that alone took up to 35 s.
  test.slow();
  await buildEveryComment(page);
  await page.evaluate(async (root) => {
    const scope = document.querySelector(root)!.shadowRoot!;
    const [x, y] = [scrollX, scrollY];
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    for (const group of scope.querySelectorAll('.thread-group')) {
      group.scrollIntoView({ block: 'start', behavior: 'instant' });
      await frame();
    }
    scrollTo({ left: x, top: y, behavior: 'instant' });
    await frame();
  }, ROOT);
}

/**
 * Scroll an element of the view into view and wait until it stays put for three frames. Thread groups that were
 * skipped off screen take their real heights in the frames after a far jump; a click dispatched meanwhile can land on
 * a moved target (a person cannot click that fast, Playwright can).
 */
export async function scrollIntoViewSettled(locator: Locator): Promise<void> {
  await locator.scrollIntoViewIfNeeded();
  await locator.evaluate(
    (element) =>
      new Promise<void>((resolve) => {
        let last = Number.NaN;
        let still = 0;
        let frames = 0;
        const check = () => {
          const top = element.getBoundingClientRect().top;
          still = top === last ? still + 1 : 0;
          last = top;
          if (still >= 3 || ++frames > 120) resolve();
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
  );
  await locator.scrollIntoViewIfNeeded(); // where it settled may be off screen
}
