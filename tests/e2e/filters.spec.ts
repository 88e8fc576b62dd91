/** Filters in the built extension, in Chromium and Firefox: every filter, counts, clear, views, mutes, new since last visit. */
import AxeBuilder from '@axe-core/playwright';
import type { Page, Worker } from '@playwright/test';
import { writeStorageIn } from './support/extension-pages';
import { expect, test } from './fixtures';
import { fixtureByName, fixtureRecords, isRemoved, type RecordComment } from './support/fixture-catalog';
import { fixtureResponse } from './support/fixture-source';
import { ROOT, commentIdsInView, commentLocator, renderEveryThreadGroup, waitForReady } from './support/thread-view';
import { openFilterArea } from './support/toolbar';

const FIXTURE = fixtureByName('threaded-v2-001');
const RECORDS = fixtureRecords(FIXTURE.name).comments;
/** Anonymous in the filter's sense: named Anonymous or Unknown with no profile link (a linked one is an account). */
const isAnonymous = (r: { author: string; authorUrl?: string | null }) => /^(anonymous|unknown)$/i.test(r.author) && !r.authorUrl;
const BIG = fixtureByName('threaded-v2-640');
const DAY = 24 * 3_600_000;

/** What the reader sees of each comment, read in one pass inside the shadow root. */
interface SeenComment {
  id: string;
  parent: string;
  source: string;
  displayed: boolean;
  context: boolean;
  isNew: boolean;
  muted: boolean;
  marks: string[];
}

async function seen(page: Page): Promise<SeenComment[]> {
  return page.evaluate((rootSelector) => {
    const scope = document.querySelector(rootSelector)!.shadowRoot!;
    return [...scope.querySelectorAll<HTMLElement>('[data-thread-comment]')].map((element) => {
      const main = element.querySelector(':scope > .comment-main')!;
      return {
        id: element.dataset.threadComment!,
        parent: element.dataset.threadParent ?? '',
        source: element.dataset.threadSource ?? '',
        displayed: getComputedStyle(element).display !== 'none' && element.getClientRects().length > 0,
        context: element.classList.contains('is-context'),
        isNew: element.hasAttribute('data-thread-new'),
        muted: main.querySelector('.muted-stub') !== null,
        marks: [...main.querySelectorAll('mark[data-thread-match]')].map((mark) => mark.textContent ?? ''),
      };
    });
  }, ROOT);
}

/** Ids that pass the filters: displayed and not dimmed context. */
const passing = (view: SeenComment[]) => view.filter((c) => c.displayed && !c.context).map((c) => c.id);

async function expectCount(page: Page, shown: number, total: number): Promise<void> {
  await expect(page.locator('[data-thread-count]')).toHaveText(`Showing ${shown} of ${total}`);
}

/** The ids `ids` plus every ancestor of them in the current view (what a filtered view must keep displayed). */
function withAncestors(view: SeenComment[], ids: Iterable<string>): Set<string> {
  const parentOf = new Map(view.map((c) => [c.id, c.parent]));
  const out = new Set<string>();
  for (const id of ids) {
    let at: string | undefined = id;
    while (at && !out.has(at)) {
      out.add(at);
      at = parentOf.get(at) || undefined;
    }
  }
  return out;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ');
}

/** A plain word that several (2..6) comments contain, chosen from the fixture's own text. */
function wordInSeveralComments(records: RecordComment[]): { word: string; ids: string[] } {
  const candidates = new Map<string, Set<string>>();
  for (const record of records) {
    if (isRemoved(record)) continue;
    for (const word of fold(record.text).match(/\b[a-z]{8,}\b/g) ?? []) {
      if (!candidates.has(word)) candidates.set(word, new Set());
      candidates.get(word)!.add(record.id);
    }
  }
  const word = [...candidates.keys()].sort().find((w) => {
    const count = records.filter((r) => fold(r.text).includes(w)).length;
    return count >= 2 && count <= 6;
  });
  if (!word) throw new Error('no word shared by 2-6 comments in the fixture');
  return { word, ids: records.filter((r) => fold(r.text).includes(word)).map((r) => r.id) };
}

/** Open the post with its filter area open (the filter controls live behind the toolbar's Filter button). */
async function open(page: Page, url = FIXTURE.url): Promise<void> {
  await page.goto(url);
  await waitForReady(page);
  await openFilterArea(page);
}

async function search(page: Page, text: string): Promise<void> {
  await page.locator('input[data-thread-filter="text"]').fill(text);
}

async function openMoreFilters(page: Page): Promise<void> {
  const details = page.locator(`${ROOT} details.more-filters`);
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
}

const total = RECORDS.length;

test.describe(`filters on ${FIXTURE.name}`, () => {
  test('shows "Showing N of N" before any filter, with Clear filters disabled', async ({ page }) => {
    await open(page);
    await expectCount(page, total, total);
    await expect(page.locator('[data-thread-action="clear-filters"]')).toBeDisabled();
  });

  test('text search is case- and accent-insensitive, highlights matches, dims ancestors, and clear brings all back', async ({ page }) => {
    const { word, ids } = wordInSeveralComments(RECORDS);
    await open(page);
    // Upper case and an accent on the first vowel: still the same comments.
    const accented = word.toUpperCase().replace(/[AEIOU]/, (vowel) => `${vowel}\u0301`.normalize('NFC'));
    expect(accented).not.toBe(word.toUpperCase());
    await search(page, accented);
    await expectCount(page, ids.length, total);
    await expect.poll(async () => passing(await seen(page)).sort()).toEqual([...ids].sort());
    const view = await seen(page);
    const mustDisplay = withAncestors(view, ids);
    for (const comment of view) {
      expect(comment.displayed, `comment ${comment.id} displayed`).toBe(mustDisplay.has(comment.id));
      expect(comment.context, `comment ${comment.id} context`).toBe(mustDisplay.has(comment.id) && !ids.includes(comment.id));
    }
    for (const id of ids) {
      const marks = view.find((c) => c.id === id)!.marks;
      expect(marks.length, `highlights in ${id}`).toBeGreaterThan(0);
      for (const mark of marks) expect(fold(mark)).toBe(word);
    }
    // Hidden comments stay in the document.
    await expect(page.locator('[data-thread-comment]')).toHaveCount(total);

    await page.locator('[data-thread-action="clear-filters"]').click();
    await expectCount(page, total, total);
    await expect(page.locator('input[data-thread-filter="text"]')).toHaveValue('');
    await expect.poll(async () => (await seen(page)).filter((c) => !c.displayed || c.context || c.marks.length > 0).length).toBe(0);
  });

  test('a quoted phrase must appear as written; separate words must all appear', async ({ page }) => {
    const source = RECORDS.find((r) => !isRemoved(r) && (fold(r.text).match(/\b[a-z]{5,}\b/g) ?? []).length > 8)!;
    const words = fold(source.text)
      .match(/\b[a-z]{5,} [a-z]{5,}\b/)![0]!
      .split(' ');
    const phrase = words.join(' ');
    const reversed = `${words[1]} ${words[0]}`;
    const hasAll = RECORDS.filter((r) => words.every((w) => fold(r.text).includes(w))).map((r) => r.id);
    const hasPhrase = RECORDS.filter((r) => fold(r.text).includes(phrase)).map((r) => r.id);
    const hasReversedPhrase = RECORDS.filter((r) => fold(r.text).includes(reversed)).map((r) => r.id);
    await open(page);
    await search(page, `"${phrase}"`);
    await expectCount(page, hasPhrase.length, total);
    await search(page, `"${reversed}"`);
    await expectCount(page, hasReversedPhrase.length, total);
    await search(page, reversed);
    await expectCount(page, hasAll.length, total);
    expect(hasAll.length).toBeGreaterThanOrEqual(hasPhrase.length);
  });

  test('next and previous match walk through the matches in display order, wrapping', async ({ page }) => {
    const { word } = wordInSeveralComments(RECORDS);
    await open(page);
    await search(page, word);
    await expect(page.locator('[data-thread-match-count]')).toHaveText(/\d+ match/);
    const order = passing(await seen(page));
    expect(order.length).toBeGreaterThan(1);
    const next = page.locator('[data-thread-action="next-match"]');
    const previous = page.locator('[data-thread-action="previous-match"]');
    await next.click();
    await expect(commentLocator(page, order[0]!)).toHaveAttribute('data-thread-highlight', '');
    await expect(page.locator('[data-thread-match-count]')).toHaveText(`1 of ${order.length}`);
    await next.click();
    await expect(commentLocator(page, order[1]!)).toHaveAttribute('data-thread-highlight', '');
    await expect(commentLocator(page, order[1]!)).toBeInViewport();
    await previous.click();
    await previous.click();
    await expect(commentLocator(page, order.at(-1)!)).toHaveAttribute('data-thread-highlight', '');
    // Enter in the search box goes to the next match too.
    await page.locator('input[data-thread-filter="text"]').press('Enter');
    await expect(commentLocator(page, order[0]!)).toHaveAttribute('data-thread-highlight', '');
  });

  test('author filter: Anonymous, a named commenter and the blog author', async ({ page }) => {
    await open(page);
    const select = page.locator('select[data-thread-filter="author"]');
    const anonymous = RECORDS.filter(isAnonymous).map((r) => r.id);
    await select.selectOption('anonymous');
    await expectCount(page, anonymous.length, total);
    expect(passing(await seen(page)).sort()).toEqual(anonymous.sort());

    const named = RECORDS.find((r) => !isAnonymous(r) && !r.isBlogOwner)!;
    const byNamed = RECORDS.filter((r) => r.author === named.author).map((r) => r.id);
    await select.selectOption(`name:${named.author.toLowerCase()}`);
    // Every comment posted under the name, plus any anonymous comment signed with it; nobody else.
    await expect
      .poll(async () =>
        passing(await seen(page))
          .filter((id) => byNamed.includes(id))
          .sort(),
      )
      .toEqual(byNamed.sort());
    for (const id of passing(await seen(page))) {
      const record = RECORDS.find((r) => r.id === id)!;
      if (!byNamed.includes(id)) expect(isAnonymous(record)).toBe(true);
    }

    const owner = RECORDS.filter((r) => r.isBlogOwner).map((r) => r.id);
    await select.selectOption('owner');
    await expectCount(page, owner.length, total);
    expect(passing(await seen(page)).sort()).toEqual(owner.sort());
  });

  test('time filter: last day and last week count from now; a date range takes whole days', async ({ page }) => {
    // Serve the post with every comment moved so the newest is two hours old (the reader reads times from permalinks).
    const newest = Math.max(...RECORDS.map((r) => r.publishedMs));
    const shift = Date.now() - 2 * 3_600_000 - newest;
    const body = fixtureResponse(FIXTURE.url)!.body.replace(/showComment=(\d+)/g, (_, ms: string) => `showComment=${Number(ms) + shift}`);
    await page.route(FIXTURE.url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
    await open(page);
    const now = Date.now();
    const within = (ms: number) => RECORDS.filter((r) => r.publishedMs + shift >= now - ms).length;
    const time = page.locator('select[data-thread-filter="time"]');
    await time.selectOption('day');
    await expectCount(page, within(DAY), total);
    expect(within(DAY)).toBeGreaterThan(0);
    await time.selectOption('week');
    await expectCount(page, within(7 * DAY), total);

    await time.selectOption('range');
    const middle = [...RECORDS].sort((a, b) => a.publishedMs - b.publishedMs)[Math.floor(total / 2)]!.publishedMs + shift;
    const { value, start, end } = await page.evaluate((ms) => {
      const day = new Date(ms);
      const pad = (n: number) => String(n).padStart(2, '0');
      return {
        value: `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`,
        start: new Date(day.getFullYear(), day.getMonth(), day.getDate()).getTime(),
        end: new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1).getTime(),
      };
    }, middle);
    await page.locator('input[data-thread-filter="from"]').fill(value);
    await page.locator('input[data-thread-filter="to"]').fill(value);
    const inRange = RECORDS.filter((r) => r.publishedMs + shift >= start && r.publishedMs + shift < end).length;
    expect(inRange).toBeGreaterThan(0);
    await expectCount(page, inRange, total);
  });

  test('hide removed, shorter than N words, threads with at least N replies, inferred links only', async ({ page }) => {
    await open(page);
    await openMoreFilters(page);
    const removed = RECORDS.filter(isRemoved).map((r) => r.id);
    expect(removed.length).toBeGreaterThan(0);
    const hideRemoved = page.locator('input[data-thread-filter="hide-removed"]');
    await hideRemoved.check();
    await expect.poll(async () => passing(await seen(page)).filter((id) => removed.includes(id))).toEqual([]);
    await expectCount(page, total - removed.length, total);
    await hideRemoved.uncheck();
    await expectCount(page, total, total);

    // Word counts: a word is a run of letters/digits, as the unit tests pin down; here only the wiring is checked.
    const words = (text: string) => (text.match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? []).length;
    const minWords = page.locator('input[data-thread-filter="min-words"]');
    await minWords.fill('40');
    const long = RECORDS.filter((r) => !isRemoved(r) && words(r.text) >= 40).map((r) => r.id);
    await expectCount(page, long.length, total);
    expect(passing(await seen(page)).sort()).toEqual(long.sort());
    await minWords.fill('');
    await expectCount(page, total, total);

    // Threads as the current view builds them: a top-level comment and everything under it.
    const view = await seen(page);
    const rootOf = (id: string): string => {
      const parent = view.find((c) => c.id === id)!.parent;
      return parent ? rootOf(parent) : id;
    };
    const size = new Map<string, number>();
    for (const c of view) size.set(rootOf(c.id), (size.get(rootOf(c.id)) ?? 0) + 1);
    const biggest = Math.max(...size.values()) - 1;
    const minReplies = page.locator('input[data-thread-filter="min-replies"]');
    await minReplies.fill(String(biggest));
    const inBigThreads = view.filter((c) => size.get(rootOf(c.id))! - 1 >= biggest).map((c) => c.id);
    await expectCount(page, inBigThreads.length, total);
    await minReplies.fill('');

    const inferred = view.filter((c) => c.source !== 'blogger').map((c) => c.id);
    await page.locator('input[data-thread-filter="inferred"]').check();
    await expectCount(page, inferred.length, total);
    const filtered = await seen(page);
    expect(passing(filtered).sort()).toEqual(inferred.sort());
    for (const c of filtered) expect(c.displayed).toBe(withAncestors(filtered, inferred).has(c.id));
  });

  test('filters combine with AND and both views respect them', async ({ page }) => {
    const { word, ids } = wordInSeveralComments(RECORDS);
    const anonymous = new Set(RECORDS.filter(isAnonymous).map((r) => r.id));
    const both = ids.filter((id) => anonymous.has(id));
    await open(page);
    await search(page, word);
    await page.locator('select[data-thread-filter="author"]').selectOption('anonymous');
    await expectCount(page, both.length, total);
    await page.locator('[data-thread-view="posted"]').click();
    await expect(page.locator('[data-thread-view="posted"]')).toHaveAttribute('aria-pressed', 'true');
    await expectCount(page, both.length, total);
    await expect.poll(async () => passing(await seen(page)).sort()).toEqual([...both].sort());
    const posted = await seen(page);
    for (const c of posted) expect(c.displayed).toBe(withAncestors(posted, both).has(c.id));
  });

  test('a muted word folds its comments to a stub that opens; the list lives in settings', async ({ page, readExtensionStorage }) => {
    const { word, ids } = wordInSeveralComments(RECORDS);
    const whole = new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'u');
    const muted = RECORDS.filter((r) => !isRemoved(r) && whole.test(fold(r.text))).map((r) => r.id);
    expect(muted.length).toBeGreaterThan(0);
    await open(page);
    await openMoreFilters(page);
    await page.locator('input[data-thread-filter="mute-word"]').fill(word);
    await page.locator('[data-thread-action="mute-word"]').click();
    await expect
      .poll(async () =>
        (await seen(page))
          .filter((c) => c.muted)
          .map((c) => c.id)
          .sort(),
      )
      .toEqual(muted.sort());
    const stub = page.locator(`[data-thread-comment="${muted[0]}"] [data-thread-action="unmute"]`).first();
    await expect(stub).toHaveText(new RegExp(`muted \\(${word}\\)`));
    await stub.click();
    await expect(page.locator(`[data-thread-comment="${muted[0]}"] .muted-stub`)).toHaveCount(0);
    await expect
      .poll(async () => ((await readExtensionStorage('sync')).settings as { mutedWords?: string[] } | undefined)?.mutedWords)
      .toEqual([word]);
    // Muting folds, it does not hide or count out.
    await expectCount(page, total, total);
    expect(ids.length).toBeGreaterThan(0);

    await page.locator('[data-thread-action="unmute-word"]').click();
    await expect.poll(async () => (await seen(page)).filter((c) => c.muted).length).toBe(0);
  });

  test('mute words set in the options apply to an open page at once', async ({ page, extensionBrowser }) => {
    const { word } = wordInSeveralComments(RECORDS);
    await open(page);
    const realm = await extensionBrowser.storageRealm();
    await writeStorageIn(realm, 'sync', { settings: { mutedWords: [word.toUpperCase()] } });
    await expect.poll(async () => (await seen(page)).filter((c) => c.muted).length).toBeGreaterThan(0);
  });

  test('new since my last visit: marked, counted in the toolbar, shown alone; leaving records the visit', async ({
    page,
    extensionBrowser,
    readExtensionStorage,
  }) => {
    const sorted = [...RECORDS].sort((a, b) => a.publishedMs - b.publishedMs);
    const lastVisit = sorted[Math.floor(total * 0.75)]!.publishedMs;
    const fresh = RECORDS.filter((r) => r.publishedMs > lastVisit).map((r) => r.id);
    expect(fresh.length).toBeGreaterThan(0);
    const postId = FIXTURE.url && (fixtureRecords(FIXTURE.name) as unknown as { post: { postId: string } }).post.postId;
    await writeStorageIn(await extensionBrowser.storageRealm(), 'local', { [`visit:${postId}`]: { v: 1, at: lastVisit } });
    await open(page);
    await expect(page.locator('[data-thread-action="show-new"]')).toHaveText(`${fresh.length} new`);
    await expect
      .poll(async () =>
        (await seen(page))
          .filter((c) => c.isNew)
          .map((c) => c.id)
          .sort(),
      )
      .toEqual([...fresh].sort());
    for (const id of fresh) await expect(page.locator(`[data-thread-comment="${id}"] .badge-new`).first()).toHaveText('new');

    await page.locator('[data-thread-action="show-new"]').click();
    await expect(page.locator('[data-thread-action="show-new"]')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('input[data-thread-filter="new"]')).toBeChecked();
    await expectCount(page, fresh.length, total);
    expect(passing(await seen(page)).sort()).toEqual([...fresh].sort());

    // Nothing is recorded while reading; leaving the page records the visit.
    expect((await readExtensionStorage('local'))[`visit:${postId}`]).toEqual({ v: 1, at: lastVisit });
    const leftAt = Date.now();
    await page.goto('about:blank');
    await expect
      .poll(async () => ((await readExtensionStorage('local'))[`visit:${postId}`] as { at: number }).at)
      .toBeGreaterThanOrEqual(leftAt - 1000);
    await open(page);
    await expect(page.locator('[data-thread-action="show-new"]')).toHaveCount(0);
    await expect(page.locator('[data-thread-new]')).toHaveCount(0);
  });

  test('the extension button shows the number of new comments for the tab (Chromium)', async ({ page, extensionBrowser, browserName }) => {
    test.skip(browserName !== 'chromium', 'the badge is read through the Chromium service worker');
    const sorted = [...RECORDS].sort((a, b) => a.publishedMs - b.publishedMs);
    const lastVisit = sorted[Math.floor(total / 2)]!.publishedMs;
    const fresh = RECORDS.filter((r) => r.publishedMs > lastVisit).length;
    const postId = (fixtureRecords(FIXTURE.name) as unknown as { post: { postId: string } }).post.postId;
    const realm = await extensionBrowser.storageRealm();
    await writeStorageIn(realm, 'local', { [`visit:${postId}`]: { v: 1, at: lastVisit } });
    await open(page);
    await expect(page.locator('[data-thread-action="show-new"]')).toHaveText(`${fresh} new`);
    const badge = () =>
      (realm as Worker).evaluate(async (url: string) => {
        const api = (globalThis as unknown as { chrome: any }).chrome;
        const tabs = await api.tabs.query({ url });
        return tabs.length === 1 ? api.action.getBadgeText({ tabId: tabs[0].id }) : `tabs: ${tabs.length}`;
      }, FIXTURE.url);
    await expect.poll(badge).toBe(String(fresh));
  });

  test('filters are kept per post when "remember filters" is on', async ({ page, extensionBrowser }) => {
    const { word, ids } = wordInSeveralComments(RECORDS);
    await writeStorageIn(await extensionBrowser.storageRealm(), 'sync', { settings: { rememberFilters: true } });
    await open(page);
    await search(page, word);
    await expectCount(page, ids.length, total);
    await page.waitForTimeout(800); // the state is written a moment after the last change
    await page.reload();
    await waitForReady(page);
    await expect(page.locator('input[data-thread-filter="text"]')).toHaveValue(word);
    await expectCount(page, ids.length, total);
  });

  test('without "remember filters" a reload starts unfiltered', async ({ page }) => {
    const { word } = wordInSeveralComments(RECORDS);
    await open(page);
    await search(page, word);
    await page.waitForTimeout(800);
    await page.reload();
    await waitForReady(page);
    await expect(page.locator('input[data-thread-filter="text"]')).toHaveValue('');
    await expectCount(page, total, total);
  });

  test('axe-core finds no violations with the filter bar open and a filter applied', async ({ page }) => {
    const { word } = wordInSeveralComments(RECORDS);
    await open(page);
    await openMoreFilters(page);
    await search(page, word);
    await page.locator('select[data-thread-filter="time"]').selectOption('range');
    await expect(page.locator('[data-thread-count]')).not.toHaveText(`Showing ${total} of ${total}`);
    await renderEveryThreadGroup(page);
    const results = await new AxeBuilder({ page }).include(ROOT).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
  });
});

test.describe(`filters on the 640-comment post (${BIG.name})`, () => {
  const bigRecords = fixtureRecords(BIG.name).comments;

  test('a filter set before the feed finishes applies to the comments that arrive', async ({ page }) => {
    const removed = bigRecords.filter(isRemoved).map((r) => r.id);
    await open(page, BIG.url);
    await openMoreFilters(page);
    await page.locator('input[data-thread-filter="hide-removed"]').check();
    await expect(page.locator('[data-thread-count]')).toHaveText(new RegExp(`of ${bigRecords.length}$`), { timeout: 20_000 });
    await expect.poll(async () => passing(await seen(page)).filter((id) => removed.includes(id))).toEqual([]);
    await expectCount(page, bigRecords.length - removed.length, bigRecords.length);
  });

  test('applying and clearing filters on 640 comments: no long task over 50 ms', async ({ page, browserName }, testInfo) => {
    test.skip(browserName !== 'chromium', 'the Long Tasks API is Chromium-only');
    test.setTimeout(90_000);
    const { word } = wordInSeveralComments(bigRecords);
    const all = bigRecords.length;
    await open(page, BIG.url);
    await expect(page.locator('[data-thread-count]')).toHaveText(`Showing ${all} of ${all}`, { timeout: 20_000 });
    await expect.poll(async () => (await commentIdsInView(page)).length).toBe(all);
    await openMoreFilters(page);
    await page.waitForTimeout(1000);
    // Each action is done and awaited inside the page, so Playwright's own polling adds no work to the main thread.
    const longest: Record<string, number[]> = {};
    const act = async (label: string, action: { set?: [string, string, 'input' | 'change']; click?: string }, done: string) => {
      const ms = await page.evaluate(
        async ({ root, action, done }) => {
          const scope = document.querySelector(root)!.shadowRoot!;
          const durations: number[] = [];
          const observer = new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) durations.push(entry.duration);
          });
          observer.observe({ type: 'longtask' });
          if (action.set) {
            const [selector, value, event] = action.set;
            const field = scope.querySelector<HTMLInputElement | HTMLSelectElement>(selector)!;
            field.value = value;
            field.dispatchEvent(new Event(event, { bubbles: true }));
          } else if (action.click) {
            scope.querySelector<HTMLElement>(action.click)!.click();
          }
          const count = scope.querySelector('[data-thread-count]')!;
          const started = performance.now();
          while (!new RegExp(done).test(count.textContent ?? '') && performance.now() - started < 10_000) {
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
          await new Promise((resolve) => setTimeout(resolve, 1500)); // the chunks that follow the count
          observer.disconnect();
          return Math.round(Math.max(0, ...durations));
        },
        { root: ROOT, action, done },
      );
      (longest[label] ??= []).push(ms);
    };
    const narrowed = `^Showing (?!${all} )\\d+ of ${all}$`;
    const everything = `^Showing ${all} of ${all}$`;
    // Three rounds: a task on a busy machine can be stretched by other processes, so each action's best round counts.
    for (let round = 0; round < 3; round += 1) {
      await act('search', { set: ['input[data-thread-filter="text"]', word, 'input'] }, narrowed);
      await act('clear search', { click: '[data-thread-action="clear-filters"]' }, everything);
      await act('author: anonymous', { set: ['select[data-thread-filter="author"]', 'anonymous', 'change'] }, narrowed);
      await act('clear author', { click: '[data-thread-action="clear-filters"]' }, everything);
      await act('min words 60', { set: ['input[data-thread-filter="min-words"]', '60', 'input'] }, narrowed);
      await act('clear min words', { click: '[data-thread-action="clear-filters"]' }, everything);
    }
    testInfo.annotations.push({ type: 'longest task (ms)', description: JSON.stringify(longest) });
    console.log(`[filters bench] longest task per action on ${all} comments (ms): ${JSON.stringify(longest)}`);
    for (const [label, rounds] of Object.entries(longest)) expect(Math.min(...rounds), label).toBeLessThanOrEqual(50);
  });
});
