// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readPage } from '../../../src/blogger/read-page';
import { loadAllFeedComments, parseFeedPage } from '../../../src/blogger/feed';
import { ReaderError } from '../../../src/blogger/errors';
import { mergeComments } from '../../../src/blogger/merge';
import type { Comment } from '../../../src/blogger/types';
import { safeHtmlToText, sanitizeChildren } from '../../../src/shared/sanitize';
import { purifyHtml } from '../../../src/shared/sanitize-purify';
import type { FixtureRecord, RecordComment } from '../../../scripts/fixtures/records';
import { fixtureIndex, fixturePage, fixtureRecords, fixtureResponse } from '../../fixtures/serve';

type PageRecords = FixtureRecord;

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The fields a record and a read comment must agree on (body compared as text, modulo whitespace). */
function comparable(comment: Comment | RecordComment) {
  const text = 'html' in comment ? safeHtmlToText(comment.html) : comment.text;
  return {
    id: comment.id,
    parentId: comment.parentId,
    author: comment.author,
    authorUrl: comment.authorUrl,
    isBlogOwner: comment.isBlogOwner,
    publishedMs: comment.publishedMs,
    displayTime: comment.displayTime,
    removed: comment.removed,
    text: squash(text),
  };
}

const pages = fixtureIndex().pages;

describe.each(pages.map((page) => [page.name, page] as const))('fixture %s', (name, page) => {
  const records = fixtureRecords<PageRecords>(name);
  const doc = new JSDOM(fixturePage(name), { url: page.url }).window.document;

  if (page.layout === null) {
    it('is left alone: readPage returns null', () => {
      expect(readPage(doc, page.url)).toBeNull();
    });
    return;
  }

  const result = readPage(doc, page.url);

  it(`is read as ${page.layout}`, () => {
    expect(result?.layout).toBe(page.layout);
    expect(result?.warnings).toEqual([]);
  });

  it('yields every on-page comment, in page order, equal to its record', () => {
    const expected = records.comments.filter((comment) => comment.onPage).map(comparable);
    expect(result?.comments.map(comparable)).toEqual(expected);
  });

  it('reads the post facts', () => {
    const post = records.post!;
    expect(result?.post).toMatchObject({ postId: post.postId, blogId: post.blogId, url: post.url, title: post.title, totalCount: post.count });
    expect(squash(result?.post.bodyText ?? '')).toBe(squash(post.bodyText));
  });

  it('sanitizes each body from the parsed page exactly as DOMPurify would from its HTML', () => {
    const bodies = [...doc.querySelectorAll('.comment-content, .comment-body')];
    expect(bodies.length).toBeGreaterThan(0);
    const differing = bodies.filter((body) => sanitizeChildren(body) !== purifyHtml(body.innerHTML));
    expect(differing.map((body) => body.innerHTML)).toEqual([]);
  });

  it('asks for more exactly when the page holds fewer comments than the post has', () => {
    expect(result?.loadMore ?? null).toEqual(records.loadMore ?? null);
  });

  it('hands over a container with every comment and without the comment form', () => {
    const container = result!.container;
    expect(container.querySelector('#comment-editor, iframe, form')).toBeNull();
    const idsInside = new Set([...container.querySelectorAll('[id^="c"]')].map((element) => element.id));
    expect(result!.comments.filter((comment) => !idsInside.has(`c${comment.id}`))).toEqual([]);
  });

  if (page.feed && page.postId) {
    it('matches its comment feed: the feed holds the same comments as the records', { timeout: 60_000 }, () => {
      const feedUrl = `${new URL(page.url).origin}/feeds/${page.postId}/comments/default?alt=json&orderby=published&reverse=false&start-index=1&max-results=1000`;
      const response = fixtureResponse(feedUrl);
      expect(response?.status).toBe(200);
      const feed = parseFeedPage(JSON.parse(response!.body));
      expect(feed.total).toBe(records.comments.length);
      const fromFeed = new Map(feed.comments.map((comment) => [comment.id, comparable(comment)]));
      for (const record of records.comments) {
        expect(fromFeed.get(record.id), record.id).toEqual({ ...comparable(record), isBlogOwner: false });
      }
    });

    it("formats display times from the feed's published times exactly as the page shows them", { timeout: 60_000 }, () => {
      const response = fixtureResponse(
        `${new URL(page.url).origin}/feeds/${page.postId}/comments/default?alt=json&orderby=published&reverse=false&start-index=1&max-results=1000`,
      );
      const json = JSON.parse(response!.body) as { feed: { entry: { gd$extendedProperty?: { name: string }[] }[] } };
      for (const entry of json.feed.entry) {
        entry.gd$extendedProperty = (entry.gd$extendedProperty ?? []).filter((p) => p.name !== 'blogger.displayTime');
      }
      const times = new Map(parseFeedPage(json).comments.map((c) => [c.id, c.displayTime]));
      expect(records.comments.filter((r) => times.get(r.id) !== r.displayTime).map((r) => r.id)).toEqual([]);
    });

    it('merges page and feed into every comment exactly once, keeping page order and parents first', () => {
      const response = fixtureResponse(
        `${new URL(page.url).origin}/feeds/${page.postId}/comments/default?alt=json&orderby=published&reverse=false&start-index=1&max-results=1000`,
      );
      const feed = parseFeedPage(JSON.parse(response!.body));
      const merged = mergeComments(result!.comments, feed.comments);
      expect(new Set(merged.map((c) => c.id))).toEqual(new Set(records.comments.map((c) => c.id)));
      expect(merged).toHaveLength(records.comments.length);
      const onPage = new Set(result!.comments.map((c) => c.id));
      expect(merged.filter((c) => onPage.has(c.id)).map((c) => c.id)).toEqual(result!.comments.map((c) => c.id));
      const position = new Map(merged.map((c, index) => [c.id, index]));
      for (const comment of merged) {
        if (comment.parentId) expect(position.get(comment.parentId)!).toBeLessThan(position.get(comment.id)!);
      }
    });
  }
});

describe('fixtures beyond the page', () => {
  const cutShort = pages.find((page) => page.layout !== null && page.onPage < page.commentCount && page.postId);

  it('loads the comments a cut-short page leaves off from its feed, page by page', { timeout: 60_000 }, async () => {
    expect(cutShort).toBeDefined();
    const doc = new JSDOM(fixturePage(cutShort!.name), { url: cutShort!.url }).window.document;
    const result = readPage(doc, cutShort!.url)!;
    const asked: string[] = [];
    const fetchJson = async (url: string) => {
      asked.push(url);
      const response = fixtureResponse(url);
      if (!response || response.status !== 200) throw new Error(`HTTP ${response?.status ?? 'none'}`);
      return JSON.parse(response.body) as unknown;
    };
    const loaded = await loadAllFeedComments({
      origin: new URL(cutShort!.url).origin,
      postId: result.post.postId!,
      have: new Set(result.comments.map((c) => c.id)),
      fetchJson,
    });
    expect(asked).toHaveLength(Math.ceil(cutShort!.commentCount / 200));
    expect(loaded.total).toBe(cutShort!.commentCount);
    expect(loaded.comments).toHaveLength(cutShort!.commentCount - result.comments.length);
    expect(mergeComments(result.comments, loaded.comments)).toHaveLength(cutShort!.commentCount);
  });

  it('refuses a real fixture page whose comment classes were renamed', () => {
    const threaded = pages.find((page) => page.layout === 'threaded-v2')!;
    const renamed = fixturePage(threaded.name).replace(/class="comment-block"/g, 'class="cmt-block"');
    const doc = new JSDOM(renamed, { url: threaded.url }).window.document;
    expect(() => readPage(doc, threaded.url)).toThrow(ReaderError);
  });
});
