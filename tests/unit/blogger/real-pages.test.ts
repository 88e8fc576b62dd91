// @vitest-environment jsdom
/**
 * The reader against the pages shaped like real saved Blogger pages and feeds (tests/fixtures/real, built by
 * scripts/fixtures/real-pages.ts from blogger-markup.md §10): each reads like its record, and each thing real pages
 * show that the classic fixtures do not is held here (issue #15).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { FixtureRecord, RecordComment } from '../../../scripts/fixtures/records';
import { loadAllFeedComments } from '../../../src/blogger/feed';
import { mergeComments } from '../../../src/blogger/merge';
import { readPage } from '../../../src/blogger/read-page';
import type { Comment } from '../../../src/blogger/types';
import { safeHtmlToText } from '../../../src/shared/sanitize';
import { displayedClock } from '../../../src/threads/display-time';
import { authorKeysOf, listAuthorOptions } from '../../../src/threads/filter-authors';
import { inferReplies } from '../../../src/threads/infer';
import { fixtureResponse, realIndex, type FeedServerOptions } from '../../fixtures/serve';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const pages = realIndex().pages;

function recordsOf(name: string): FixtureRecord {
  const entry = pages.find((page) => page.name === name)!;
  return JSON.parse(readFileSync(join(__dirname, '../../fixtures', entry.records), 'utf8')) as FixtureRecord;
}

function comparable(comment: Comment | RecordComment) {
  const text = 'html' in comment ? safeHtmlToText(comment.html) : comment.text;
  return {
    id: comment.id,
    parentId: comment.parentId,
    author: comment.author,
    authorUrl: comment.authorUrl,
    isBlogOwner: comment.isBlogOwner,
    // JSON writes NaN as null: a record without a time says null.
    publishedMs: comment.publishedMs === null || Number.isNaN(comment.publishedMs) ? null : comment.publishedMs,
    displayTime: comment.displayTime,
    removed: comment.removed,
    text: squash(text),
  };
}

function read(name: string) {
  const entry = pages.find((page) => page.name === name)!;
  const doc = new JSDOM(fixtureResponse(entry.url)!.body, { url: entry.url }).window.document;
  return { entry, result: readPage(doc, entry.url), records: recordsOf(name) };
}

/** The whole feed through the loader, served as the fixture's server serves it (or as `server` says), with the URLs asked. */
async function loadFeed(name: string, have: ReadonlySet<string> = new Set(), server?: FeedServerOptions) {
  const entry = pages.find((page) => page.name === name)!;
  const urls: string[] = [];
  const result = await loadAllFeedComments({
    origin: new URL(entry.url).origin,
    postId: entry.postId!,
    have,
    fetchJson: async (url) => {
      urls.push(url);
      return JSON.parse(fixtureResponse(url, server ? { feedServer: server } : {})!.body);
    },
  });
  return { result, urls };
}

describe.each(pages.filter((page) => page.commentCount > 0).map((page) => [page.name, page] as const))('real-page fixture %s', (name, page) => {
  const { result, records } = read(name);

  it(`is read as ${page.layout}, every on-page comment equal to its record`, () => {
    expect(result?.layout).toBe(page.layout);
    expect(result?.comments.map(comparable)).toEqual(records.comments.filter((c) => c.onPage).map(comparable));
  });

  it('counts every comment the post has, whatever the heading says', () => {
    expect(result?.post.totalCount).toBe(page.commentCount);
    expect(result?.loadMore !== null).toBe(page.onPage < page.commentCount);
  });

  it('flags every removed comment from the markup, whatever language its sentence is in', () => {
    const removed = records.comments.filter((c) => c.onPage && c.removed).map((c) => c.id);
    expect(removed.length).toBeGreaterThan(0);
    expect(result?.comments.filter((c) => c.removed).map((c) => c.id)).toEqual(removed);
  });

  it('its feed holds every comment with the same fields (the owner flag aside), times included', async () => {
    const { result: feed } = await loadFeed(name);
    expect(feed.total).toBe(page.commentCount);
    const byId = new Map(feed.comments.map((c) => [c.id, comparable(c)]));
    for (const record of records.comments) {
      const expected = { ...comparable(record), isBlogOwner: false };
      const got = byId.get(record.id);
      // The static page's records have no time (its permalinks carry none); its feed has them from `published`.
      expect(got && { ...got, publishedMs: expected.publishedMs === null ? null : got.publishedMs }, record.id).toEqual(expected);
    }
  });
});

describe('a static page (/p/<slug>.html): permalinks without showComment', () => {
  const { result, records } = read('real-static-page');

  it('reads every comment, with NaN times, in page order, and says so in one warning', () => {
    expect(result?.comments).toHaveLength(records.comments.length);
    expect(result?.comments.every((c) => Number.isNaN(c.publishedMs))).toBe(true);
    expect(result?.comments.map((c) => c.displayTime)).toEqual(records.comments.map((c) => c.displayTime));
    expect(result?.warnings).toHaveLength(1);
    expect(result?.warnings?.[0]).toMatch(/^14 of 14 comments have no showComment time in their permalink \(c\d+, .* and 9 more\)/);
  });

  it('takes each comment’s time from the feed when it is loaded, keeping page order', async () => {
    const { result: feed } = await loadFeed('real-static-page');
    const merged = mergeComments(result!.comments, feed.comments);
    expect(merged.map((c) => c.id)).toEqual(result!.comments.map((c) => c.id));
    expect(merged.every((c) => Number.isFinite(c.publishedMs))).toBe(true);
    const fromFeed = new Map(feed.comments.map((c) => [c.id, c.publishedMs]));
    expect(merged.map((c) => c.publishedMs)).toEqual(merged.map((c) => fromFeed.get(c.id)));
  });

  it('threads comments without times: Blogger parents kept, nothing thrown', () => {
    const links = inferReplies({
      comments: result!.comments.map((c) => ({ ...c, text: safeHtmlToText(c.html) })),
      postBodyText: result!.post.bodyText,
    });
    for (const comment of result!.comments) {
      if (comment.parentId) expect(links.get(comment.id)?.parentId).toBe(comment.parentId);
    }
  });
});

describe('localised pages', () => {
  it('German: a heading with no number ("Kommentare:") counts the comments read; German times match from the permalink', () => {
    const { result } = read('real-german-threaded');
    expect(result?.post.totalCount).toBe(18);
    expect(result?.warnings).toEqual([]);
    const comment = result!.comments[0]!;
    expect(comment.displayTime).toMatch(
      /^\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4} um \d\d:\d\d$/,
    );
    for (const c of result!.comments) {
      const clock = displayedClock(c.displayTime, c.publishedMs)!;
      const berlin = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Berlin',
        day: 'numeric',
        month: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(new Date(c.publishedMs))
        .reduce<Record<string, number>>((all, part) => ({ ...all, [part.type]: Number(part.value) }), {});
      expect([clock.day, clock.month, clock.hour, clock.minute]).toEqual([berlin.day, berlin.month, berlin.hour, berlin.minute]);
    }
  });

  it('German: the owner is read from "icon user blog-author", the others from "icon user " (trailing space) are not owners', () => {
    const { result, records } = read('real-german-threaded');
    expect(result?.comments.filter((c) => c.isBlogOwner).map((c) => c.id)).toEqual(records.comments.filter((c) => c.isBlogOwner).map((c) => c.id));
    expect(result?.comments.some((c) => c.isBlogOwner)).toBe(true);
  });

  it('Slovak: "N komentárov:" is the count; the removal sentence is Slovak; times shown as a bare clock match from the permalink', () => {
    const { result } = read('real-slovak-flat');
    expect(result?.post.totalCount).toBe(15);
    expect(result?.comments.filter((c) => c.removed).map((c) => safeHtmlToText(c.html))).toContain('Tento komentár bol odstránený autorom.');
    for (const c of result!.comments) {
      expect(c.displayTime).toMatch(/^\d\d:\d\d$/);
      const clock = displayedClock(c.displayTime, c.publishedMs)!;
      const wall = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Bratislava', day: 'numeric', month: 'numeric' })
        .formatToParts(new Date(c.publishedMs))
        .reduce<Record<string, number>>((all, part) => ({ ...all, [part.type]: Number(part.value) }), {});
      expect([clock.day, clock.month]).toEqual([wall.day, wall.month]);
    }
  });

  it('Slovak flat: real avatars (35px stock with a hovercard, .vcard delay-loaded) do not leak into names; owner marks read', () => {
    const { result, records } = read('real-slovak-flat');
    expect(result?.comments.map((c) => [c.author, c.authorUrl])).toEqual(records.comments.map((c) => [c.author, c.authorUrl]));
    expect(result?.comments.filter((c) => c.isBlogOwner).length).toBeGreaterThan(0);
  });

  it('Spanish: "30/12/14 2:07 a. m." times are kept verbatim and matched on the 12-hour clock', () => {
    const { result } = read('real-newest-first');
    const morning = result!.comments.find((c) => / a\. m\.$/.test(c.displayTime))!;
    const evening = result!.comments.find((c) => / p\. m\.$/.test(c.displayTime))!;
    for (const c of [morning, evening]) {
      const clock = displayedClock(c.displayTime, c.publishedMs)!;
      const madrid = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Madrid', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
        new Date(c.publishedMs),
      );
      expect(`${String(clock.hour).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}`).toBe(madrid);
      expect(clock.twelveHour).toBe(true);
    }
  });
});

describe('display times with U+202F and "Anonymous" accounts', () => {
  const { result, records } = read('real-narrow-space');

  it('keeps U+202F before AM/PM in the display text', () => {
    expect(result!.comments.every((c) => /\d \u202f?[AP]M$|\d\u202f[AP]M$/.test(c.displayTime))).toBe(true);
    expect(result!.comments.map((c) => c.displayTime)).toEqual(records.comments.map((c) => c.displayTime));
    expect(result!.comments[0]!.displayTime).toContain('\u202f');
  });

  it('matches those times all the same', () => {
    const c = result!.comments[0]!;
    const clock = displayedClock(c.displayTime, c.publishedMs)!;
    const ny = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
      new Date(c.publishedMs),
    );
    expect(`${String(clock.hour).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}`).toBe(ny);
  });

  it('an "Anonymous" with a profile link is that account: its link kept, not filed under Anonymous', () => {
    const accounts = result!.comments.filter((c) => c.author === 'Anonymous' && c.authorUrl);
    expect(accounts.length).toBeGreaterThan(0);
    for (const c of accounts) expect(authorKeysOf(c, safeHtmlToText(c.html))).not.toContain('anonymous');
    const options = listAuthorOptions(result!.comments.map((record) => ({ record, text: safeHtmlToText(record.html) })));
    const anonymous = result!.comments.filter((c) => c.author === 'Anonymous' && !c.authorUrl).length;
    expect(options.find((o) => o.key === 'anonymous')?.count).toBe(anonymous);
    expect(options.find((o) => o.key === 'name:anonymous')).toMatchObject({ label: 'Anonymous (with a profile)', count: accounts.length });
  });
});

describe('feeds served as real servers serve them', () => {
  it('a server that answers 25 per page whatever is asked: all 640 comments, 26 requests', async () => {
    const onPage = read('real-feed-25').result!.comments;
    const { result, urls } = await loadFeed('real-feed-25', new Set(onPage.map((c) => c.id)));
    expect(urls).toHaveLength(26);
    expect(result.total).toBe(640);
    expect(result.comments).toHaveLength(440);
    expect(mergeComments(onPage, result.comments)).toHaveLength(640);
  });

  it('a server that ignores orderby and answers newest first: the loader still returns oldest first', async () => {
    const page = read('real-newest-first');
    const { result, urls } = await loadFeed('real-newest-first', new Set());
    expect(urls.every((url) => /orderby=published&reverse=false/.test(url))).toBe(true);
    const raw = JSON.parse(fixtureResponse(urls[0]!)!.body) as { feed: { entry: { published: { $t: string } }[] } };
    const firstTwo = raw.feed.entry.slice(0, 2).map((e) => Date.parse(e.published.$t));
    expect(firstTwo[0]!).toBeGreaterThan(firstTwo[1]!); // the server really answers newest first
    const times = result.comments.map((c) => c.publishedMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(result.comments).toHaveLength(page.entry.commentCount);
  });

  it('the same feeds page by 25 and newest first at once when a test asks the server to', async () => {
    const { result, urls } = await loadFeed('real-newest-first', new Set(), { pageSize: 25, newestFirst: true });
    expect(urls).toHaveLength(10);
    const times = result.comments.map((c) => c.publishedMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(result.comments).toHaveLength(230);
  });
});

describe('a v3 post with no comments', () => {
  it('is a post with 0 comments: no warning, no error, no loader', () => {
    const { result } = read('real-v3-none');
    expect(result).toMatchObject({ layout: 'flat-v3', comments: [], loadMore: null, warnings: [] });
    expect(result?.post.totalCount).toBe(0);
  });
});
