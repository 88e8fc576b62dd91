/** The harness itself: fixtures served at the blog's URLs, nothing else reachable, storage isolated between tests. */
import { expect, test } from './fixtures';
import { postFixtures } from './support/fixture-catalog';

const POST_URL = postFixtures()[0]!.url;

test('a blog URL is answered by the fixture server and every other host is refused and recorded', async ({ page, requests }) => {
  const response = await page.goto(POST_URL);
  expect(response?.status()).toBe(200);
  const outside = await page.evaluate(() =>
    fetch('https://example.org/', { mode: 'no-cors' }).then(
      () => 'reached',
      () => 'refused',
    ),
  );
  expect(outside).toBe('refused');
  expect(requests).toContainEqual({ url: POST_URL, resourceType: 'document', outcome: 'served' });
  expect(requests).toContainEqual({ url: 'https://example.org/', resourceType: 'fetch', outcome: 'aborted' });
});

// The next two run in order in one worker: the second sees what the first left behind, unless the harness clears it.
test('extension storage written in one test can be read back', async ({ writeExtensionStorage, readExtensionStorage }) => {
  await writeExtensionStorage('local', { harnessMarker: 1 });
  await writeExtensionStorage('sync', { harnessMarker: 2 });
  expect(await readExtensionStorage('local')).toMatchObject({ harnessMarker: 1 });
  expect(await readExtensionStorage('sync')).toMatchObject({ harnessMarker: 2 });
});

test('the next test starts with that storage cleared', async ({ readExtensionStorage, extensionOrigin }) => {
  expect(extensionOrigin).toMatch(/^(chrome|moz)-extension:\/\/[\w-]+$/);
  expect(await readExtensionStorage('local')).not.toHaveProperty('harnessMarker');
  expect(await readExtensionStorage('sync')).not.toHaveProperty('harnessMarker');
});
