/**
 * Elements per comment on the 640-comment post, once every comment is built: the reading view should carry
 * few elements and few controls per comment (issue 17). The numbers are written to test-results/density.json and
 * the test fails when either count per comment grows past the aim.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { fixtureByName } from './support/fixture-catalog';
import { REPO_ROOT } from './support/launch';
import { ROOT, buildEveryComment, commentIdsInView, waitForReady } from './support/thread-view';

const BIG = fixtureByName('threaded-v2-640');
/**
 * Aims per comment after issue 17. Before it, Chromium counted 13.34 elements and 5.33 controls per comment; the
 * follow and corrections features' row buttons then took it to 14.57 and 6.89; the per-comment "More actions" menu
 * (items rendered only while open; Reply and Save stay in the row) brought it to 11.23 and 4.48.
 */
const AIM = { elements: 11.3, controls: 4.5 };

test('the 640-comment view carries few elements and controls per comment', async ({ page, browserName }) => {
  test.slow();
  await page.goto(BIG.url);
  await waitForReady(page, 30_000);
  await expect(page.locator('[data-thread-feed="done"]')).toBeAttached({ timeout: 30_000 });
  await expect.poll(async () => (await commentIdsInView(page)).length, { timeout: 30_000 }).toBe(BIG.commentCount);
  // As first shown, far thread groups are not built (a stand-in paragraph per comment); per comment counts built ones.
  const asShown = await page.evaluate((rootSelector) => {
    const shadow = document.querySelector(rootSelector)!.shadowRoot!;
    return { elements: shadow.querySelectorAll('*').length, built: shadow.querySelectorAll('[data-thread-comment]').length };
  }, ROOT);
  await buildEveryComment(page);
  const counts = await page.evaluate((rootSelector) => {
    const shadow = document.querySelector(rootSelector)!.shadowRoot!;
    const list = shadow.querySelector('.thread-list')!;
    const comments = list.querySelectorAll('[data-thread-comment]').length;
    const all = list.querySelectorAll('*').length;
    const inBodies = [...list.querySelectorAll('.comment-body')].reduce((sum, body) => sum + body.querySelectorAll('*').length, 0);
    const controls = list.querySelectorAll('button, a[href], input, select, textarea, [tabindex="0"]').length;
    const kinds: Record<string, number> = {};
    for (const element of list.querySelectorAll('*')) {
      if (element.closest('.comment-body')) continue;
      const kind = `${element.tagName.toLowerCase()}.${(element.getAttribute('class') ?? '').split(' ')[0]}${element.getAttribute('data-thread-action') ? `[${element.getAttribute('data-thread-action')}]` : ''}`;
      kinds[kind] = (kinds[kind] ?? 0) + 1;
    }
    const wholeView = shadow.querySelectorAll('*').length;
    const wholeControls = shadow.querySelectorAll('button, a[href], input, select, textarea, [tabindex="0"]').length;
    return { comments, all, inBodies, controls, wholeView, wholeControls, kinds };
  }, ROOT);
  const report = {
    browser: browserName,
    asShown,
    ...counts,
    elementsPerComment: Number(((counts.all - counts.inBodies) / counts.comments).toFixed(2)),
    controlsPerComment: Number((counts.controls / counts.comments).toFixed(2)),
  };
  mkdirSync(join(REPO_ROOT, 'test-results'), { recursive: true });
  writeFileSync(join(REPO_ROOT, 'test-results', `density-${browserName}.json`), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`density ${JSON.stringify(report)}`);
  expect(report.elementsPerComment).toBeLessThanOrEqual(AIM.elements);
  expect(report.controlsPerComment).toBeLessThanOrEqual(AIM.controls);
});
