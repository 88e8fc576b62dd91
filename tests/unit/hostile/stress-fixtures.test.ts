/** The stress fixtures (hostile and broken pages) are what `npm run fixtures` builds, and carry what they claim to. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOSTILE_PAYLOADS, LONG_WORD } from '../../../scripts/fixtures/hostile';
import { fixtureResponse, stressIndex } from '../../fixtures/serve';

const repo = resolve(__dirname, '../../..');
const committed = join(repo, 'tests/fixtures/stress');
const files = (dir: string) => [
  'index.json',
  ...['pages', 'feeds', 'records'].flatMap((sub) =>
    readdirSync(join(dir, sub))
      .sort()
      .map((f) => join(sub, f)),
  ),
];

describe('stress fixtures', () => {
  it('are rebuilt byte for byte by npm run fixtures', () => {
    const out = mkdtempSync(join(tmpdir(), 'threadline-stress-'));
    try {
      execFileSync(process.execPath, [join(repo, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build-fixtures.ts', '--out', out], {
        cwd: repo,
        stdio: 'pipe',
      });
      const built = join(out, 'stress');
      expect(files(built)).toEqual(files(committed));
      for (const file of files(built)) expect(readFileSync(join(built, file)).equals(readFileSync(join(committed, file))), file).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);

  it('are served at their URLs but kept out of the main index', () => {
    const main = JSON.parse(readFileSync(join(repo, 'tests/fixtures/index.json'), 'utf8')) as { pages: { url: string }[] };
    for (const page of stressIndex().pages) {
      expect(fixtureResponse(page.url)?.body).toBe(readFileSync(join(repo, 'tests/fixtures', page.file), 'utf8'));
      expect(main.pages.some((entry) => entry.url === page.url)).toBe(false);
    }
  });

  it('the hostile page carries every payload on the page and raw in the feed-only comments', () => {
    const hostile = stressIndex().pages.find((page) => page.name === 'hostile')!;
    const html = fixtureResponse(hostile.url)!.body;
    const feed = readFileSync(join(repo, 'tests/fixtures', hostile.feed!), 'utf8');
    const entries = (JSON.parse(feed) as { feed: { entry: { id: { $t: string }; content: { $t: string } }[] } }).feed.entry;
    const onPage = new Set([...html.matchAll(/<li class="comment" id="c(\d+)">/g)].map((m) => m[1]));
    const feedOnly = entries.filter((entry) => !onPage.has(/post-(\d+)$/.exec(entry.id.$t)?.[1]));
    expect(feedOnly.length).toBe(hostile.commentCount - hostile.onPage);
    for (const payload of HOSTILE_PAYLOADS) {
      expect(html, payload.name).toContain(payload.pageHtml);
      expect(
        feedOnly.some((entry) => entry.content.$t.includes(payload.feedHtml)),
        payload.name,
      ).toBe(true);
    }
    expect(LONG_WORD.length).toBe(20_000);
  });
});
