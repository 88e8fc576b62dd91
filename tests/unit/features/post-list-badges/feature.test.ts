// @vitest-environment jsdom
/**
 * The post-list badges on every list layout: placed beside the blog's own comment link from stored visits, the posts
 * feed asked once (and cached) only where the theme shows no count, and taken away when the site is disabled.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeBrowser } from '../../support/fake-browser';

const fake = createFakeBrowser();
// The content script also answers the popup: a runtime that takes listeners is all it needs here.
Object.assign(fake.runtime, { onMessage: { addListener: () => undefined, removeListener: () => undefined } });
vi.mock('webextension-polyfill', () => ({ default: fake }));

const { readPostList } = await import('../../../../src/blogger/post-list');
const { liveSettings, DEFAULT_SETTINGS, SETTINGS_KEY } = await import('../../../../src/shared/settings');
const { showBadges } = await import('../../../../src/features/post-list-badges/list-badges');
const { TOTALS_CACHE_KEY, TOTALS_TTL_MS } = await import('../../../../src/features/post-list-badges/post-totals');
const { lastVisitKey } = await import('../../../../src/features/new-comments/last-visit');
const { start } = await import('../../../../src/content/start');
const { FEATURES } = await import('../../../../src/features');
const { listFixture, listFixtureIndex, listFixtureText } = await import('../../../fixtures/serve-lists');

const growing = listFixtureIndex().growing;
const BEFORE_GROWTH = growing.lastBaseCommentMs + 60_000;

function loadPage(name: string, variant: 'base' | 'more' = 'more'): Document {
  document.open();
  document.write(listFixtureText(name, variant).replace(/<script[\s\S]*?<\/script>/g, ''));
  document.close();
  return document;
}

function context(name: string, doc: Document, signal: AbortSignal) {
  const url = listFixture(name).url;
  const list = readPostList(doc, url);
  if (!list) throw new Error(`${name} is no list page`);
  return { settings: liveSettings(DEFAULT_SETTINGS, signal), host: new URL(url).hostname, url, list, doc, win: window };
}

const badges = (doc: Document) =>
  [...doc.querySelectorAll<HTMLElement>('[data-thread-new-count]')].map((badge) => ({
    count: badge.getAttribute('data-thread-new-count'),
    newPost: badge.hasAttribute('data-thread-new-post'),
    after: (badge.previousElementSibling as HTMLAnchorElement | null)?.getAttribute('href'),
    text: badge.shadowRoot?.querySelector('a')?.textContent,
    href: badge.shadowRoot?.querySelector('a')?.getAttribute('href'),
  }));

beforeEach(async () => {
  fake.reset();
  // The reader has used Threadline since before every fixture post, and last saw the growing post with its first comments.
  await fake.storage.local.set({
    'firstUse:probationmatters.blogspot.com': Date.parse('2000-01-01T00:00:00Z'),
    [lastVisitKey(growing.postId)]: { v: 1, at: BEFORE_GROWTH, count: growing.before },
  });
});
afterEach(() => vi.restoreAllMocks());

describe('badges beside the comment links', () => {
  it.each(['home', 'label-upw', 'archive-2024-02', 'search-v3'])(
    '%s: "5 new" right after the growing post’s own link, "new post" for the unopened ones',
    async (name) => {
      const doc = loadPage(name);
      const life = new AbortController();
      const fetchJson = vi.fn();
      await showBadges(context(name, doc, life.signal), life.signal, [], { fetchJson });
      const shown = badges(doc);
      const added = growing.after - growing.before;
      expect(shown.filter((badge) => !badge.newPost)).toEqual([
        {
          count: String(added),
          newPost: false,
          after: expect.stringContaining(growing.url),
          text: `${added} new`,
          href: `${growing.url}?showComment=${BEFORE_GROWTH + 1}#comments`,
        },
      ]);
      // Every other post of the page is unopened and newer than the first use in 2000.
      expect(shown.filter((badge) => badge.newPost)).toHaveLength((listFixture(name).posts?.length ?? 0) - 1);
      expect(fetchJson).not.toHaveBeenCalled(); // the links give every count
    },
  );

  it('nothing at all when the reader has seen every comment and every post is older than the first use', async () => {
    await fake.storage.local.set({ 'firstUse:probationmatters.blogspot.com': Date.now() });
    const doc = loadPage('home', 'base');
    const before = doc.body.innerHTML;
    const life = new AbortController();
    await showBadges(context('home', doc, life.signal), life.signal, []);
    expect(badges(doc)).toEqual([]);
    expect(doc.body.innerHTML).toBe(before);
  });

  it('records the first use when none is recorded, so nothing already published is a "new post"', async () => {
    await fake.storage.local.remove('firstUse:probationmatters.blogspot.com');
    const doc = loadPage('home', 'base');
    const life = new AbortController();
    await showBadges(context('home', doc, life.signal), life.signal, [], { now: () => Date.parse('2030-01-01T00:00:00Z') });
    expect(badges(doc)).toEqual([]);
    expect(fake.storage.local.data.get('firstUse:probationmatters.blogspot.com')).toBe(Date.parse('2030-01-01T00:00:00Z'));
  });
});

describe('where the theme shows no count', () => {
  const name = 'label-hmpps-v3-no-count';
  const feed = () => JSON.parse(listFixtureText('posts-feed', 'more')) as unknown;

  it('asks the posts feed once, on the page’s own origin, and badges from its totals', async () => {
    const doc = loadPage(name);
    const life = new AbortController();
    const fetchJson = vi.fn(async (_url: string) => feed());
    await showBadges(context(name, doc, life.signal), life.signal, [], { fetchJson });
    expect(fetchJson).toHaveBeenCalledTimes(1);
    const asked = new URL(fetchJson.mock.calls[0]![0]);
    expect(asked.origin).toBe('https://probationmatters.blogspot.com');
    expect(asked.pathname).toBe('/feeds/posts/default/-/HMPPS');
    expect(badges(doc).find((badge) => !badge.newPost)?.count).toBe(String(growing.after - growing.before));
  });

  it('reuses the feed’s totals for a few minutes, then asks again', async () => {
    let now = Date.parse('2026-01-01T12:00:00Z');
    const fetchJson = vi.fn(async () => feed());
    for (const step of [0, 60_000, TOTALS_TTL_MS]) {
      now += step;
      const doc = loadPage(name);
      const life = new AbortController();
      await showBadges(context(name, doc, life.signal), life.signal, [], { fetchJson, now: () => now });
    }
    expect(fetchJson).toHaveBeenCalledTimes(2);
    expect(fake.storage.local.data.get(TOTALS_CACHE_KEY)).toHaveLength(1);
  });

  it('a failed feed leaves the posts without a count unbadged and says so once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const doc = loadPage(name);
    const life = new AbortController();
    await showBadges(context(name, doc, life.signal), life.signal, [], { fetchJson: async () => Promise.reject(new Error('HTTP 503')) });
    expect(badges(doc).filter((badge) => !badge.newPost)).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

describe('on the site switch', () => {
  it('the content script badges an enabled Blogger blog’s list, and takes every badge away when the site is disabled', async () => {
    const host = 'another-blog.blogspot.com';
    await fake.storage.sync.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, sites: { [host]: { enabled: true, glossary: false } } } });
    await fake.storage.local.set({ [`firstUse:${host}`]: Date.parse('2000-01-01T00:00:00Z') });
    const doc = loadPage('home');
    const before = loadPage('home').body.innerHTML;
    const run = await start(doc, `https://${host}/`, FEATURES);
    expect(run).not.toBeNull();
    await vi.waitFor(() => expect(badges(doc).length).toBeGreaterThan(0));
    await fake.storage.sync.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, sites: { [host]: { enabled: false, glossary: false } } } });
    await fake.flush();
    await vi.waitFor(() => expect(badges(doc)).toEqual([]));
    expect(doc.body.innerHTML).toBe(before);
    expect(run?.signal.aborted).toBe(true);
  });

  it('a post of the list read in another tab: its badge goes as its visit is recorded', async () => {
    const doc = loadPage('home');
    const run = await start(doc, 'https://probationmatters.blogspot.com/', FEATURES);
    const counted = () => badges(doc).filter((badge) => !badge.newPost);
    await vi.waitFor(() => expect(counted()).toHaveLength(1));
    await fake.storage.local.set({ [lastVisitKey(growing.postId)]: { v: 1, at: Date.now(), count: growing.after } });
    await fake.flush();
    await vi.waitFor(() => expect(counted()).toEqual([]));
    expect(badges(doc).length).toBeGreaterThan(0); // the unopened posts keep theirs
    run?.destroy();
    expect(badges(doc)).toEqual([]);
  });

  it('a page that is no list and no post is left alone', async () => {
    const doc = loadPage('home');
    const before = doc.body.innerHTML;
    expect(await start(doc, 'https://probationmatters.blogspot.com/p/about.html', FEATURES)).toBeNull();
    expect(doc.body.innerHTML).toBe(before);
  });
});
