/**
 * Other Blogger blogs: a second blog (the fixtures served at another-blog.blogspot.com) is off until the reader enables
 * it; enabling asks for that host only, registers the content script (and the early script) there, and disabling
 * takes them back.
 *
 * Granting in tests: Firefox runs with `extensions.webextOptionalPermissionPrompts` false (support/launch.ts), so
 * permissions.request() from a click resolves at once. Chromium has no switch or CDP command that answers the
 * optional-permission prompt, so there the flow is driven up to the prompt: the toolbar click is simulated with
 * CDP `Extensions.triggerAction` (which grants activeTab, as a real click does), the popup offers "Enable on this
 * site" after detecting Blogger, and the click opens the browser's prompt for exactly that host.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { OTHER_BLOG_HOST } from '../../scripts/fixtures/other-blog';
import { fixtureByName, fixturePage } from '../fixtures/serve';
import { expect } from './fixtures';
import { settingsIn, tabIdOf, test } from './options-support';

const POST = fixtureByName('threaded-v2-004');
const OTHER_URL = POST.url.replace(new URL(POST.url).hostname, OTHER_BLOG_HOST);
const ROOT = '[data-thread-root]';

async function expectNoThreads(page: Page) {
  // The blog's own comments stay, and no Threadline root appears (given time to start, were it registered).
  await expect(page.locator('#comment-holder')).toBeVisible();
  await page.waitForTimeout(1000);
  await expect(page.locator(ROOT)).toHaveCount(0);
}

/** Chromium: what a click on Threadline's toolbar button does for `page` (opens the popup, grants activeTab). */
async function clickToolbarButton(context: BrowserContext, page: Page, extensionOrigin: string): Promise<void> {
  const session = await context.browser()!.newBrowserCDPSession();
  const { targetInfos } = (await session.send('Target.getTargets', { filter: [{}] } as never)) as {
    targetInfos: { type: string; targetId: string; url: string }[];
  };
  const tab = targetInfos.find((target) => target.type === 'tab' && target.url === page.url());
  if (!tab) throw new Error(`no tab target for ${page.url()}`);
  await session.send('Extensions.triggerAction' as never, { id: new URL(extensionOrigin).host, targetId: tab.targetId } as never);
  await session.detach();
}

test('Firefox: enable another blogspot blog, see its threads, disable it from the popup', async ({
  page,
  browserName,
  openExtensionPage,
  readExtensionStorage,
}) => {
  test.skip(browserName !== 'firefox', 'Chromium cannot answer the permission prompt headless: see the Chromium test');
  // Whether the early script had marked the page by DOMContentLoaded (it is registered with the content script).
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      (window as unknown as { __marked: boolean }).__marked = document.documentElement.hasAttribute('data-threadline-waiting');
    });
  });
  const markedAtParse = () => page.evaluate(() => (window as unknown as { __marked?: boolean }).__marked);
  await page.goto(OTHER_URL);
  await expectNoThreads(page);
  expect(await markedAtParse()).toBe(false);

  const options = await openExtensionPage('options.html#sites');
  await options.getByLabel('Add a blogspot blog').fill(OTHER_BLOG_HOST);
  await options.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(options.locator(`li[data-site="${OTHER_BLOG_HOST}"]`).getByLabel('Threadline on')).toBeChecked();
  await expect.poll(async () => (await settingsIn(readExtensionStorage)).sites?.[OTHER_BLOG_HOST]).toEqual({ enabled: true, glossary: false });

  // The registered content script runs on the next visit.
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.locator(`${ROOT}[data-state="ready"]`).count();
      },
      { timeout: 15_000 },
    )
    .toBe(1);
  await expect(page.locator('[data-thread-comment]').first()).toBeAttached();
  // The blog's list waited unlaid-out, as on the probation blog, and the mark went once the view was up.
  expect(await markedAtParse()).toBe(true);
  await expect(page.locator('html')).not.toHaveAttribute('data-threadline-waiting', /.*/);

  const popup = await openExtensionPage(`popup.html?tab=${await tabIdOf(options, OTHER_URL)}`);
  await expect(popup.locator('.state')).toHaveText(new RegExp(`^${POST.commentCount} comments`));
  await popup.getByRole('button', { name: `Disable on ${OTHER_BLOG_HOST}` }).click();
  // The open page gives its comments back at once, and later visits stay untouched.
  await expect(page.locator(ROOT)).toHaveCount(0);
  await expect.poll(async () => (await settingsIn(readExtensionStorage)).sites?.[OTHER_BLOG_HOST]?.enabled).toBe(false);
  await page.reload();
  await expectNoThreads(page);
  expect(await markedAtParse()).toBe(false);
  const stillGranted = await options.evaluate(
    (host) =>
      (globalThis as unknown as { browser: typeof import('webextension-polyfill') }).browser.permissions.contains({ origins: [`https://${host}/*`] }),
    OTHER_BLOG_HOST,
  );
  expect(stillGranted).toBe(false);
});

test('Chromium: the popup detects Blogger on a custom domain, offers to enable, and asks for that host only', async ({
  context,
  browserName,
  extensionOrigin,
  openExtensionPage,
}) => {
  test.skip(browserName !== 'chromium', 'Extensions.triggerAction is a Chromium DevTools command');
  const customUrl = 'https://www.custom-domain-blog.example/2023/08/memo-to-justin.html';
  const plainUrl = 'https://plain-site.example/';
  await context.route(customUrl, (route) => route.fulfill({ contentType: 'text/html', body: fixturePage(POST.name) }));
  await context.route(plainUrl, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>plain</title><p>Not a blog.</p>' }),
  );
  try {
    for (const [url, offer] of [
      [OTHER_URL, true],
      [customUrl, true],
      [plainUrl, false],
    ] as const) {
      const page = await context.newPage(); // a tab of its own: each toolbar click grants activeTab to one tab
      await page.goto(url);
      if (offer) await expectNoThreads(page);
      else await expect(page.locator(ROOT)).toHaveCount(0);
      await clickToolbarButton(context, page, extensionOrigin);
      const probe = await openExtensionPage('popup.html');
      const popup = await openExtensionPage(`popup.html?tab=${await tabIdOf(probe, url)}`);
      const host = new URL(url).hostname;
      if (!offer) {
        await expect(popup.getByText('This page is not a Blogger blog.')).toBeVisible();
        continue;
      }
      await expect(popup.getByText(`${host} is a Blogger blog.`)).toBeVisible();
      await popup.getByRole('button', { name: 'Enable on this site' }).click();
      await expect(popup.locator('[data-status="popup"]')).toHaveText(`Asking your browser for access to ${host}…`);
    }
  } finally {
    await context.unroute(customUrl);
    await context.unroute(plainUrl);
  }
});
