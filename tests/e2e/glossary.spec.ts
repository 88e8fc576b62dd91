/** Acronym glossary end to end: terms marked in comments and post, one reused tooltip (hover, focus, tap, Escape), senses, custom terms, axe. */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { fixtureByName, fixturePage } from '../fixtures/serve';
import { expect } from './fixtures';
// options-support's `test` is the harness's test with Firefox-safe extension pages (for the glossary editor).
import { test } from './options-support';
import { ROOT, buildComment, commentIdsInView, renderEveryThreadGroup, waitForReady } from './support/thread-view';
import { toolbarAction } from './support/toolbar';

const POST = fixtureByName('threaded-v2-001');
const TOOLTIP = '#tl-glossary-tooltip';

/** Comments of threaded-v2-001 (ids from tests/fixtures/records/threaded-v2-001.json) and what they say. */
const SFO_COMMENT = '4739716484854559895'; // "... Probation Officers fearful of a SFO that might be committed ..."
const PSO_PO_COMMENT = '359040661973326235'; // "... PSO ... PO ... SPO ..."
const HMIP_COMMENT = '8224794395838567228'; // "Seen the new HMIP report for Brighton and East Sussex? ..."
const NOTHING_COMMENT = '1347163325880532478'; // '"same old same old" because NOTHING has changed ... same shit hmpps'
const YOU_COMMENT = '6791963822590359612'; // '... YOU ...' and Napo

const SFO = {
  term: 'SFO',
  expansion: 'Serious further offence',
  definition: 'A very serious offence, such as murder or rape, committed by someone under probation supervision',
};

/** A term in a comment, once the comment has come near the screen (comments are scanned as the reader reaches them). */
async function termIn(page: Page, commentId: string, term: string): Promise<Locator> {
  // The comment's own body (its element also holds its replies, which can be many screens tall).
  await page.locator(`[data-thread-comment="${commentId}"] .comment-body`).first().scrollIntoViewIfNeeded();
  return page.locator(`[data-thread-comment="${commentId}"] [data-term="${term}"]`).first();
}

/** Open the post, scroll to the comments and wait until the idle-time scan has marked the first of them. */
async function openPost(page: Page, url = POST.url): Promise<void> {
  await page.goto(url);
  await waitForReady(page);
  await page.locator(`${ROOT} [data-thread-comment] .comment-body`).first().scrollIntoViewIfNeeded();
  await expect(page.locator(`${ROOT} [data-term]`).first()).toBeAttached();
}

/**
 * Timestamps (performance.now) of every open/close of the tooltip and of pointer events on terms, recorded in the
 * page so delays are measured where they happen, not across the test's round trips.
 */
async function recordTooltip(page: Page): Promise<void> {
  await page.evaluate(
    ({ root, id }) => {
      const shadow = document.querySelector(root)!.shadowRoot!;
      const tip = shadow.getElementById(id)!;
      const log: Array<{ what: string; t: number }> = [];
      (window as unknown as { __tl: typeof log }).__tl = log;
      new MutationObserver(() => log.push({ what: tip.hidden ? 'close' : 'open', t: performance.now() })).observe(tip, {
        attributes: true,
        attributeFilter: ['hidden'],
      });
      const onTerm = (what: string) => (event: Event) => {
        if ((event.target as Element).closest?.('[data-term]')) log.push({ what, t: performance.now() });
      };
      shadow.addEventListener('pointerover', onTerm('over'), true);
      shadow.addEventListener('pointerout', onTerm('out'), true);
    },
    { root: ROOT, id: 'tl-glossary-tooltip' },
  );
}

async function recorded(page: Page): Promise<Array<{ what: string; t: number }>> {
  return page.evaluate(() => (window as unknown as { __tl: Array<{ what: string; t: number }> }).__tl);
}

/** Whether the tooltip is hidden `ms` after the first recorded hover of a term, read in the page at that moment. */
async function stateAfterHover(page: Page, ms: number): Promise<{ hidden: boolean; sinceHover: number }> {
  return page.evaluate(
    ({ root, id, ms }) => {
      const log = (window as unknown as { __tl: Array<{ what: string; t: number }> }).__tl;
      const over = log.find((e) => e.what === 'over')!.t;
      const tip = document.querySelector(root)!.shadowRoot!.getElementById(id)!;
      return new Promise<{ hidden: boolean; sinceHover: number }>((resolve) =>
        setTimeout(() => resolve({ hidden: tip.hidden === true, sinceHover: performance.now() - over }), Math.max(0, over + ms - performance.now())),
      );
    },
    { root: ROOT, id: 'tl-glossary-tooltip', ms },
  );
}

/** Dispatch what a finger tap sends: touch pointer events (which must not count as hover), then the click. */
async function tap(target: Locator): Promise<void> {
  for (const type of ['pointerover', 'pointerdown', 'pointerup', 'pointerout']) {
    await target.dispatchEvent(type, { pointerType: 'touch', isPrimary: true, pointerId: 2 });
  }
  await target.dispatchEvent('click');
}

/** Whether the tooltip is hidden right after focusing `term`, read in the same task (no waiting at all). */
async function hiddenRightAfterFocus(term: Locator): Promise<boolean> {
  return term.evaluate((element, id) => {
    (element as HTMLElement).focus({ preventScroll: true });
    return (element.getRootNode() as ShadowRoot).getElementById(id)!.hidden === true;
  }, 'tl-glossary-tooltip');
}

test.describe(`acronym glossary on ${POST.name}`, () => {
  test('terms are focusable; comment terms point at the one tooltip, post-body terms carry a label', async ({ page }) => {
    await openPost(page);
    const sfo = await termIn(page, SFO_COMMENT, 'SFO');
    await expect(sfo).toHaveText('SFO');
    await expect(sfo).toHaveClass(/\btl-term\b/);
    await expect(sfo).toHaveAttribute('tabindex', '0');
    await expect(sfo).toHaveAttribute('role', 'term');
    await expect(sfo).toHaveAttribute('aria-describedby', 'tl-glossary-tooltip');
    await expect(page.locator(`${ROOT} [data-term][aria-describedby]:not([aria-describedby="tl-glossary-tooltip"])`)).toHaveCount(0);
    await expect(page.locator('[role="tooltip"]')).toHaveCount(1);
    await expect(page.locator(TOOLTIP)).toBeHidden();

    // The post body is the page's own (light) DOM: aria-describedby cannot reach into the shadow root.
    const postPo = page.locator('.post-body [data-term="PO"]').first();
    await expect(postPo).toHaveAttribute('aria-label', 'PO: Probation Officer');
    await expect(postPo).not.toHaveAttribute('aria-describedby', /.*/);
    await expect(page.locator('.post-body [data-term="SFO"]')).toHaveAttribute('aria-label', 'SFO: Serious further offence');
  });

  test('hovering opens the tooltip after about 300 ms, not before, and it closes about 200 ms after the pointer leaves', async ({ page }) => {
    await openPost(page);
    const tooltip = page.locator(TOOLTIP);
    const sfo = await termIn(page, SFO_COMMENT, 'SFO');
    await sfo.scrollIntoViewIfNeeded();
    await recordTooltip(page);
    await sfo.hover();
    const early = await stateAfterHover(page, 100);
    expect(early.sinceHover, 'checked about 100 ms after the hover began').toBeLessThan(280);
    expect(early.hidden, 'open ~100 ms after the hover began').toBe(true);
    await expect(tooltip).toBeVisible();
    await expect(tooltip.locator('.tl-tooltip__term')).toHaveText(SFO.term);
    await expect(tooltip.locator('.tl-tooltip__expansion')).toHaveText(SFO.expansion);
    await expect(tooltip.locator('.tl-tooltip__definition')).toContainText(SFO.definition);
    await expect(sfo).toHaveAttribute('data-tl-open', '');

    await page.mouse.move(2, 2);
    await expect(tooltip).toBeHidden();
    await expect(sfo).not.toHaveAttribute('data-tl-open');
    const log = await recorded(page);
    const over = log.find((e) => e.what === 'over')!.t;
    const opened = log.find((e) => e.what === 'open')!.t;
    const out = log.filter((e) => e.what === 'out').at(-1)!.t;
    const closed = log.filter((e) => e.what === 'close').at(-1)!.t;
    expect(opened - over, 'hover delay (ms)').toBeGreaterThanOrEqual(280);
    expect(opened - over, 'hover delay (ms)').toBeLessThan(1500);
    expect(closed - out, 'close delay (ms)').toBeGreaterThanOrEqual(180);
    expect(closed - out, 'close delay (ms)').toBeLessThan(1500);
    expect(log.filter((e) => e.what === 'open')).toHaveLength(1);
  });

  test('the tooltip never opens when the pointer leaves before the hover delay', async ({ page }) => {
    await openPost(page);
    const sfo = await termIn(page, SFO_COMMENT, 'SFO');
    await sfo.scrollIntoViewIfNeeded();
    await recordTooltip(page);
    // A slow round trip could make the pointer leave after the delay (then opening is right): such a try is repeated.
    await expect(async () => {
      await page.evaluate(() => ((window as unknown as { __tl: unknown[] }).__tl.length = 0));
      await sfo.hover();
      await stateAfterHover(page, 100);
      await page.mouse.move(2, 2);
      // Proving "never" needs time to pass: wait well beyond the 300 ms the open timer would have taken.
      await page.waitForTimeout(700);
      const log = await recorded(page);
      const over = log.find((e) => e.what === 'over')!.t;
      const out = log.find((e) => e.what === 'out' && e.t > over)!.t;
      expect(out - over, 'precondition: the pointer left before the delay').toBeLessThan(280);
      expect(log.filter((e) => e.what === 'open')).toEqual([]);
    }).toPass({ timeout: 15_000 });
    await expect(page.locator(TOOLTIP)).toBeHidden();
  });

  test('keyboard focus opens the tooltip at once, Tab moves it to the next term, Escape closes it', async ({ page }) => {
    await openPost(page);
    const tooltip = page.locator(TOOLTIP);
    const pso = await termIn(page, PSO_PO_COMMENT, 'PSO');
    const po = await termIn(page, PSO_PO_COMMENT, 'PO');
    await pso.scrollIntoViewIfNeeded();
    expect(await hiddenRightAfterFocus(pso), 'hidden in the same task as focus()').toBe(false);
    await expect(tooltip.locator('.tl-tooltip__term')).toHaveText('PSO');
    await expect(tooltip.locator('.tl-tooltip__expansion')).toHaveText('Probation Services Officer');

    await page.keyboard.press('Tab');
    await expect(po).toBeFocused();
    await expect(tooltip).toBeVisible();
    await expect(tooltip.locator('.tl-tooltip__term')).toHaveText('PO');
    await expect(tooltip.locator('.tl-tooltip__expansion')).toHaveText('Probation Officer');
    await expect(pso).not.toHaveAttribute('data-tl-open');

    await page.keyboard.press('Escape');
    await expect(tooltip).toBeHidden();
    await expect(po).toBeFocused();
    await expect(po).not.toHaveAttribute('data-tl-open');
  });

  test('a tap opens the tooltip at once, a second tap closes it, a tap elsewhere closes it', async ({ page }) => {
    await openPost(page);
    const tooltip = page.locator(TOOLTIP);
    const sfo = await termIn(page, SFO_COMMENT, 'SFO');
    await sfo.scrollIntoViewIfNeeded();
    await recordTooltip(page);
    await tap(sfo);
    await expect(tooltip).toBeVisible();
    await expect(tooltip.locator('.tl-tooltip__term')).toHaveText('SFO');
    const log = await recorded(page);
    // Opened by the tap itself, not by a hover timer (touch pointerover is not hover).
    expect(log.filter((e) => e.what === 'open')).toHaveLength(1);

    await tap(sfo);
    await expect(tooltip).toBeHidden();

    await tap(sfo);
    await expect(tooltip).toBeVisible();
    await tap(tooltip); // a tap inside the explanation (to read or select it) keeps it open
    await expect(tooltip).toBeVisible();
    await expect(sfo).toHaveAttribute('data-tl-open', '');
    await page.locator(`[data-thread-comment="${SFO_COMMENT}"]`).first().dispatchEvent('pointerdown', { pointerType: 'touch' });
    await expect(tooltip).toBeHidden();
  });

  test('the tooltip stays inside the viewport for a term at the right edge and bottom', async ({ page }) => {
    // A phone-sized window gets Blogger's mobile template (the desktop one squeezes the comment column to nothing).
    await page.setViewportSize({ width: 420, height: 600 });
    await openPost(page, fixtureByName('mobile-001').url);
    // The comment term furthest to the right, scrolled to the bottom edge of the viewport.
    const index = await page.evaluate((root) => {
      const terms = [...document.querySelector(root)!.shadowRoot!.querySelectorAll<HTMLElement>('[data-term]')];
      let best = 0;
      terms.forEach((term, i) => {
        const rect = term.getBoundingClientRect();
        if (rect.width > 0 && rect.right > terms[best]!.getBoundingClientRect().right) best = i;
      });
      terms[best]!.scrollIntoView({ block: 'end', inline: 'nearest' });
      return best;
    }, ROOT);
    const term = page.locator(`${ROOT} [data-term]`).nth(index);
    const anchor = (await term.boundingBox())!;
    expect(anchor.y + anchor.height, 'term at the bottom edge').toBeGreaterThan(600 - 40);
    // Focus without scrolling: Firefox may scroll a focused element clear of the sticky toolbar and the window's edge.
    await term.evaluate((element: HTMLElement) => element.focus({ preventScroll: true }));
    const tooltip = page.locator(TOOLTIP);
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toHaveAttribute('data-side', 'above');
    const box = (await tooltip.boundingBox())!;
    const viewport = await page.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight }));
    // Placed at the term's left it would stick out on the right: it must have been moved in.
    expect(anchor.x + box.width, 'precondition: the term is near the right edge').toBeGreaterThan(viewport.width);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    expect(box.y + box.height, 'above the term').toBeLessThanOrEqual(anchor.y);
  });

  test('an ambiguous term shows its chosen sense first and lists the other meanings', async ({ page }) => {
    await openPost(page);
    const hmip = await termIn(page, HMIP_COMMENT, 'HMIP');
    await expect(hmip).not.toHaveAttribute('data-term-sense', /.*/); // sense 0: the probation inspectorate
    await hmip.scrollIntoViewIfNeeded();
    await hmip.focus();
    const tooltip = page.locator(TOOLTIP);
    await expect(tooltip.locator('.tl-tooltip__expansion')).toHaveText('HM Inspectorate of Probation');
    await expect(tooltip.locator('.tl-tooltip__definition')).toContainText('inspects probation services');
    await expect(tooltip.locator('.tl-tooltip__others-title')).toHaveText('Other meanings');
    await expect(tooltip.locator('.tl-tooltip__other')).toHaveCount(1);
    await expect(tooltip.locator('.tl-tooltip__other-expansion')).toHaveText(['HM Inspectorate of Prisons']);
  });

  test('when the context picks a later sense, that sense comes first and the default is listed as another meaning', async ({ page }) => {
    // The same page with the HMIP comment reworded to talk about prisons (no fixture comment picks a later sense).
    const original = 'Seen the new HMIP report for Brighton and East Sussex?';
    const html = fixturePage(POST.name);
    expect(html).toContain(original);
    await page.route(POST.url, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: html.replace(original, 'Seen the new HMIP report on the prison? The wing, the cells and the landings are a disgrace.'),
      }),
    );
    await openPost(page);
    const hmip = await termIn(page, HMIP_COMMENT, 'HMIP');
    await expect(hmip).toHaveAttribute('data-term-sense', '1');
    await hmip.scrollIntoViewIfNeeded();
    await hmip.focus();
    const tooltip = page.locator(TOOLTIP);
    await expect(tooltip.locator('.tl-tooltip__expansion')).toHaveText('HM Inspectorate of Prisons');
    await expect(tooltip.locator('.tl-tooltip__definition')).toContainText('inspects prisons');
    await expect(tooltip.locator('.tl-tooltip__other-expansion')).toHaveText(['HM Inspectorate of Probation']);
  });

  test('words shouted in capitals are not marked as terms', async ({ page }) => {
    await openPost(page);
    for (const [commentId, word, scannedTerm] of [
      [NOTHING_COMMENT, 'NOTHING', 'HMPPS'],
      [YOU_COMMENT, 'YOU', 'Napo'],
    ] as const) {
      const comment = page.locator(`[data-thread-comment="${commentId}"]`).first();
      await comment.scrollIntoViewIfNeeded();
      await expect(comment).toContainText(word); // the shouted word is there ...
      await expect(comment.locator(`[data-term="${scannedTerm}"]`).first()).toBeAttached(); // ... the comment was scanned ...
      await expect(comment.locator(`[data-term="${word}"]`)).toHaveCount(0); // ... and the word is not a term
      const markedTexts = await comment.locator('[data-term]').allTextContents();
      expect(markedTexts).not.toContain(word);
    }
  });

  test('a term added in the options glossary editor is marked on the blog after a reload and explained by its definition', async ({
    page,
    openExtensionPage,
    readExtensionStorage,
  }) => {
    const custom = { term: 'Getafix', expansion: 'A regular reader of the blog', definition: 'The pen name of a long-standing commenter.' };
    await openPost(page);
    await expect(await termIn(page, SFO_COMMENT, 'SFO')).toBeAttached(); // the comment that names Getafix is scanned ...
    await expect(page.locator('[data-term="Getafix"]')).toHaveCount(0); // ... and Getafix is no term yet

    const options = await openExtensionPage('options.html#glossary');
    await options.getByLabel('Term', { exact: true }).fill(custom.term);
    await options.getByLabel('Stands for').fill(custom.expansion);
    await options.getByLabel('Definition').fill(custom.definition);
    await options.getByRole('button', { name: 'Add term' }).click();
    await expect(options.locator('[data-custom-term="Getafix"]')).toBeVisible();
    await expect.poll(async () => (await readExtensionStorage('sync'))['glossary.custom.v1:getafix']).toEqual(custom);

    // Firefox fires no focus events in a page whose window is behind the options page's.
    await page.bringToFront();
    await page.reload();
    await waitForReady(page);
    const inComment = await termIn(page, SFO_COMMENT, 'Getafix'); // "In agreement with Getafix's contention ..."
    await expect(inComment).toHaveText('Getafix');
    await expect(page.locator('.post-body [data-term="Getafix"]')).toHaveAttribute('aria-label', `Getafix: ${custom.expansion}`);
    await inComment.scrollIntoViewIfNeeded();
    await inComment.focus();
    const tooltip = page.locator(TOOLTIP);
    await expect(tooltip.locator('.tl-tooltip__term')).toHaveText(custom.term);
    await expect(tooltip.locator('.tl-tooltip__expansion')).toHaveText(custom.expansion);
    await expect(tooltip.locator('.tl-tooltip__definition')).toHaveText(custom.definition);
    await expect(tooltip.locator('.tl-tooltip__note')).toHaveText('Your own definition');
  });

  test('a custom term written straight to storage.sync is marked after a reload', async ({ page, writeExtensionStorage }) => {
    const custom = {
      term: 'Windrush',
      expansion: 'The Windrush generation',
      definition: 'People who came to the UK from the Caribbean between 1948 and 1971.',
    };
    await writeExtensionStorage('sync', { 'glossary.custom.v1:windrush': custom });
    await openPost(page);
    const term = page.locator('.post-body [data-term="Windrush"]');
    await expect(term).toHaveText('Windrush');
    await expect(term).toHaveAttribute('aria-label', `Windrush: ${custom.expansion}`);
    // Post-body terms use the same tooltip (in the shadow root) on focus.
    await term.scrollIntoViewIfNeeded();
    await term.focus();
    await expect(page.locator(TOOLTIP).locator('.tl-tooltip__definition')).toHaveText(custom.definition);
  });

  test('comments far below the screen are marked only as the reader nears them; the Glossary panel counts the whole page', async ({ page }) => {
    const big = fixtureByName('threaded-v2-640');
    await openPost(page, big.url);
    const comments = page.locator(`${ROOT} [data-thread-comment]`);
    await expect.poll(async () => (await commentIdsInView(page)).length, { timeout: 30_000 }).toBe(big.commentCount);
    const marked = () => page.locator(`${ROOT} [data-thread-comment]:has([data-term])`).count();
    const markedNearTop = await marked();
    expect(markedNearTop, 'some comments near the screen are marked').toBeGreaterThan(0);
    expect(markedNearTop, 'comments far below are not scanned yet').toBeLessThan(big.commentCount / 4);

    // Scrolling to the end builds and marks what the reader reaches there.
    await buildComment(page, (await commentIdsInView(page)).at(-1)!.id);
    await comments.last().scrollIntoViewIfNeeded();
    await expect.poll(marked).toBeGreaterThan(markedNearTop);

    // Page-wide counts need every comment: opening the panel builds and scans the rest, and its counts match the marks.
    await (await toolbarAction(page, 'glossary')).click();
    await expect(page.locator(`${ROOT} [data-thread-standin]`)).toHaveCount(0, { timeout: 30_000 });
    await expect.poll(marked, { timeout: 20_000 }).toBeGreaterThan(big.commentCount / 4);
    const sfoCount = () => page.locator(`${ROOT} [data-term="SFO"]`).count();
    // Both sides read at the same moment: the rest of the page is still being scanned in idle slices, so a mark count
    // read once up front can be short of the panel's final count.
    const panelAndMarks = async () => [
      (await page.locator(`${ROOT} [data-glossary-step="SFO"] .tl-glossary-panel__count`).textContent())?.trim(),
      `(${await sfoCount()})`,
    ];
    await expect.poll(async () => new Set(await panelAndMarks()).size, { timeout: 15_000 }).toBe(1);
    expect(await sfoCount()).toBeGreaterThan(0);
  });

  test('axe-core finds no violations in the comments with the tooltip open', async ({ page }) => {
    await openPost(page);
    await renderEveryThreadGroup(page);
    const hmip = await termIn(page, HMIP_COMMENT, 'HMIP');
    await hmip.scrollIntoViewIfNeeded();
    await hmip.focus();
    await expect(page.locator(TOOLTIP)).toBeVisible();
    const results = await new AxeBuilder({ page }).include(ROOT).analyze();
    await expect(page.locator(TOOLTIP)).toBeVisible();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
  });
});
