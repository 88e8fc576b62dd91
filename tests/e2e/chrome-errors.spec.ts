/** Chromium validates the unpacked build: no manifest errors, install warnings or runtime errors after real use. */
import { fixtureByName } from '../fixtures/serve';
import { expect, test } from './fixtures';

interface ExtensionErrors {
  manifestErrors: unknown[];
  installWarnings: unknown[];
  runtimeErrors: unknown[];
}

/** chrome://extensions may call chrome.developerPrivate, which reports what the extensions page would show. */
async function extensionErrors(page: import('@playwright/test').Page, id: string): Promise<ExtensionErrors> {
  return page.evaluate(async (extensionId) => {
    const api = (globalThis as unknown as { chrome: { developerPrivate: { getExtensionInfo(id: string): Promise<ExtensionErrors> } } }).chrome;
    const info = await api.developerPrivate.getExtensionInfo(extensionId);
    return { manifestErrors: info.manifestErrors, installWarnings: info.installWarnings, runtimeErrors: info.runtimeErrors };
  }, id);
}

test('Chromium loads the unpacked build without manifest errors, warnings or runtime errors', async ({
  browserName,
  context,
  page,
  extensionOrigin,
  openExtensionPage,
}) => {
  test.skip(
    browserName !== 'chromium',
    'chrome://extensions is Chromium’s; Firefox validates the same manifest through web-ext lint and the temporary install',
  );
  const id = new URL(extensionOrigin).host;
  const extensionsPage = await context.newPage();
  await extensionsPage.goto(`chrome://extensions/?id=${id}`);
  // Developer mode makes Chromium collect runtime errors from the extension's pages and workers.
  await extensionsPage.evaluate(() =>
    (
      globalThis as unknown as { chrome: { developerPrivate: { updateProfileConfiguration(c: object): Promise<void> } } }
    ).chrome.developerPrivate.updateProfileConfiguration({
      inDeveloperMode: true,
    }),
  );

  for (const name of ['threaded-v2-001', 'threaded-v2-640']) {
    await page.goto(fixtureByName(name).url);
    await expect(page.locator('[data-thread-root][data-state="ready"]')).toBeAttached();
  }
  await page.locator('[data-thread-action="save"]').first().click();
  for (const path of ['options.html', 'popup.html', 'sidebar.html']) {
    const extensionPage = await openExtensionPage(path);
    await expect(extensionPage.locator('#app')).not.toBeEmpty();
  }

  await expect.poll(() => extensionErrors(extensionsPage, id)).toEqual({ manifestErrors: [], installWarnings: [], runtimeErrors: [] });
  await extensionsPage.close();
});
