/** Hostile comments (script-bearing HTML on the page and raw in the feed): nothing runs, the page stays readable, each comment shows once. */
import type { Dialog, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { HOSTILE_PAYLOADS, PWNED_FLAG } from '../../scripts/fixtures/hostile';
import { stressIndex } from '../fixtures/serve';
import { REPO_ROOT } from './support/launch';
import { ROOT, duplicates, readThreadView, waitForReady } from './support/thread-view';
import { toolbarAction } from './support/toolbar';

const hostile = stressIndex().pages.find((page) => page.name === 'hostile')!;
/** The truth for the hostile page (stress pages are served but kept out of the main index). */
const records = JSON.parse(readFileSync(join(REPO_ROOT, 'tests', 'fixtures', hostile.records), 'utf8')) as {
  comments: { id: string; author: string }[];
};

/** Dialogs the page opened (each dismissed at once so nothing blocks). */
function watchDialogs(page: Page): Dialog[] {
  const opened: Dialog[] = [];
  page.on('dialog', (dialog) => {
    opened.push(dialog);
    void dialog.dismiss().catch(() => undefined);
  });
  return opened;
}

const pwned = (page: Page) => page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag] ?? null, PWNED_FLAG);

/** Loads the hostile page and waits until Threadline shows every comment, the feed-only ones included. */
async function openHostilePage(page: Page): Promise<void> {
  await page.goto(hostile.url);
  await waitForReady(page);
  await expect(page.locator('[data-thread-feed="done"]')).toBeAttached({ timeout: 20_000 });
  await (await toolbarAction(page, 'expand-all')).click();
}

test.describe('hostile comments', () => {
  test('no payload runs: the page-world flag stays unset and no dialog opens, even after hovering and clicking', async ({ page }) => {
    const dialogs = watchDialogs(page);
    await openHostilePage(page);
    for (const text of ['hover me', 'click me']) {
      const target = page.locator(`${ROOT} .comment-body`, { hasText: text }).first();
      await target.hover();
    }
    // Links whose javascript: href the sanitizer removed: clicking them must do nothing at all.
    const urlBefore = page.url();
    await page.locator(`${ROOT} .comment-body a`, { hasText: 'the PQiP guidance' }).first().click();
    await page.waitForTimeout(800); // long enough for an onerror/onload/srcdoc or a navigation to have happened
    expect(page.url()).toBe(urlBefore);
    expect(await pwned(page)).toBeNull();
    expect(dialogs.map((dialog) => dialog.message())).toEqual([]);
  });

  test('every comment is shown exactly once; forged data-thread-* hooks in a body do not count as comments', async ({ page }) => {
    await openHostilePage(page);
    const ids = (await readThreadView(page)).map((comment) => comment.id);
    expect(duplicates(ids)).toEqual([]);
    expect([...ids].sort()).toEqual(records.comments.map((comment) => comment.id).sort());
    expect(await page.locator(`${ROOT} .comment-body [data-thread-comment], ${ROOT} .comment-body [data-thread-action]`).count()).toBe(0);
  });

  test('no element outside the allow-list and no event handler reaches the rendered bodies', async ({ page }) => {
    await openHostilePage(page);
    const found = await page.evaluate((root) => {
      const scope = document.querySelector(root)?.shadowRoot;
      if (!scope) return ['no shadow root'];
      const allowed = new Set(['A', 'B', 'I', 'EM', 'STRONG', 'BR', 'P', 'BLOCKQUOTE', 'MARK', 'ABBR', 'SPAN', 'BUTTON']);
      const bad: string[] = [];
      for (const body of scope.querySelectorAll('.comment-body')) {
        for (const element of body.querySelectorAll('*')) {
          if (!allowed.has(element.tagName)) bad.push(element.tagName);
          for (const name of element.getAttributeNames())
            if (/^on/i.test(name) || name === 'style' || name === 'srcdoc') bad.push(`${element.tagName}[${name}]`);
          const href = element.getAttribute('href');
          if (href !== null && !/^(https?:|mailto:)/i.test(href.trim())) bad.push(`${element.tagName}[href=${href}]`);
        }
      }
      return bad;
    }, ROOT);
    expect(found).toEqual([]);
  });

  test('the page stays readable: no horizontal overflow from a 20,000-character word, nothing covers the post', async ({ page }) => {
    await openHostilePage(page);
    const layout = await page.evaluate((root) => {
      const title = document.querySelector('.post-title, h3.post-title, .post h3') as HTMLElement | null;
      title?.scrollIntoView({ block: 'center' });
      const box = title?.getBoundingClientRect();
      const hit = box ? document.elementFromPoint(box.left + Math.min(20, box.width / 2), box.top + box.height / 2) : null;
      const host = document.querySelector(root) as HTMLElement | null;
      return {
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        titleVisible: Boolean(title && hit && (title === hit || title.contains(hit))),
        hostHeight: host?.getBoundingClientRect().height ?? 0,
        bodyDisplay: getComputedStyle(document.body).display,
      };
    }, ROOT);
    expect(layout.overflow).toBeLessThanOrEqual(1);
    expect(layout.titleVisible).toBe(true);
    expect(layout.hostHeight).toBeGreaterThan(100);
    expect(layout.bodyDisplay).not.toBe('none');
    const longWord = page.locator(`${ROOT} .comment-body`, { hasText: 'ProbationserviceProbationservice' }).first();
    const box = await longWord.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(1280);
  });

  test('a right-to-left override in a name or body does not reorder the text after it', async ({ page }) => {
    await openHostilePage(page);
    // The time link follows the author's name in each header: its characters must still run left to right.
    const reversed = await page.evaluate((root) => {
      const scope = document.querySelector(root)?.shadowRoot;
      const bad: string[] = [];
      let checked = 0;
      for (const comment of scope?.querySelectorAll('[data-thread-comment]') ?? []) {
        const header = comment.querySelector('.comment-header');
        const body = comment.querySelector('.comment-body');
        if (!/\u202E/.test(`${header?.textContent ?? ''}${body?.textContent ?? ''}`)) continue;
        const time = header?.querySelector('.time');
        const text = time?.firstChild;
        if (!time || !text || text.nodeType !== 3 || (text.nodeValue ?? '').length < 2) continue;
        checked++;
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, 1);
        const first = range.getBoundingClientRect().left;
        range.setStart(text, (text.nodeValue ?? '').length - 1);
        range.setEnd(text, (text.nodeValue ?? '').length);
        const last = range.getBoundingClientRect().left;
        if (!(first < last)) bad.push(`${comment.getAttribute('data-thread-comment')}: "${time.textContent}"`);
      }
      return { bad, checked };
    }, ROOT);
    expect(reversed.checked).toBeGreaterThanOrEqual(2); // a name and a body carry the override, on the page and in the feed
    expect(reversed.bad).toEqual([]);
  });

  test("no request leaves the blog's origin: not the payloads' resources, not Threadline's own fetches", async ({ page, requests }) => {
    await openHostilePage(page);
    await page.waitForTimeout(500);
    const origin = new URL(hostile.url).origin;
    expect(requests.filter((request) => /evil\.example/.test(request.url))).toEqual([]);
    const scripted = requests.filter((request) => request.resourceType === 'fetch' || request.resourceType === 'xhr');
    expect(scripted.length).toBeGreaterThan(0); // the feed was read
    expect(scripted.filter((request) => new URL(request.url).origin !== origin)).toEqual([]);
  });

  test('control: the same payloads do run when inserted naively, so the checks above can fail', async ({ page }) => {
    const dialogs = watchDialogs(page);
    await page.goto(hostile.url);
    const onerror = HOSTILE_PAYLOADS.find((payload) => payload.name === 'img onerror')!;
    await page.evaluate((html) => {
      const div = document.createElement('div');
      div.innerHTML = html;
      document.body.append(div);
    }, onerror.feedHtml);
    await expect.poll(() => pwned(page)).toBe(1);
    await expect.poll(() => dialogs.length).toBeGreaterThan(0);
  });
});
