// @vitest-environment jsdom
/** The list-page reader: every list kind, classic v2 and v3 layouts, counts from the link text, pages without links. */
import { describe, expect, it } from 'vitest';
import { countFromLinkText, listKindOf, readPostList } from '../../../src/blogger/post-list';
import { fixturePage } from '../../fixtures/serve';
import { listFixture, listFixtureText } from '../../fixtures/serve-lists';

const BLOG = 'https://probationmatters.blogspot.com';
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('listKindOf', () => {
  it.each([
    [`${BLOG}/`, 'home'],
    [`${BLOG}/?updated-max=2024-02-04T08:12:00Z&max-results=20`, 'home'],
    [`${BLOG}/?m=1`, 'home'],
    [`${BLOG}/search/label/UPW`, 'label'],
    [`${BLOG}/search/label/civil%20service?updated-max=2021-01-01T00:00:00Z`, 'label'],
    [`${BLOG}/search?q=napo`, 'search'],
    [`${BLOG}/search?updated-max=2023-01-01T00:00:00Z&max-results=7`, 'search'],
    [`${BLOG}/2024/02/`, 'archive'],
    [`${BLOG}/2021/`, 'archive'],
    [`${BLOG}/2021/09/14/`, 'archive'],
  ])('%s is a %s page', (url, kind) => {
    expect(listKindOf(url)).toBe(kind);
  });

  it.each([`${BLOG}/2024/02/some-thoughts.html`, `${BLOG}/p/about.html`, `${BLOG}/feeds/posts/default`, 'not a url'])('%s is no list page', (url) => {
    expect(listKindOf(url)).toBeNull();
  });
});

describe('countFromLinkText', () => {
  it.each([
    ['23 comments:', 23],
    ['23 comments', 23],
    ['1 comment:', 1],
    ['No comments:', 0],
    ['No comments', 0],
    ['Post a Comment', 0],
    [' 5 ', 5],
    ['1,234 comments', 1234],
    ['12 Kommentare', 12],
    ['Comments', null],
    ['', null],
  ])('"%s" counts %s', (text, count) => {
    expect(countFromLinkText(text)).toBe(count);
  });
});

describe('readPostList on the list fixtures', () => {
  it.each(['home', 'label-upw', 'archive-2024-02', 'search-v3'])(
    '%s: every post once, in page order, with its URL, id, title, link and count',
    (name) => {
      const entry = listFixture(name);
      const list = readPostList(parse(listFixtureText(name)), entry.url);
      expect(list?.kind).toBe(entry.kind);
      expect(list?.posts.map(({ url, postId, title, count }) => ({ url, postId, title, count }))).toEqual(entry.posts);
      for (const post of list?.posts ?? []) {
        expect(post.commentLink.matches('a.comment-link')).toBe(true);
        expect(Number.isFinite(post.publishedMs)).toBe(true);
      }
    },
  );

  it('a v3 theme that shows no count gives the posts with no count (the feed is asked instead)', () => {
    const entry = listFixture('label-hmpps-v3-no-count');
    const list = readPostList(parse(listFixtureText('label-hmpps-v3-no-count')), entry.url);
    expect(list?.posts.map((post) => post.postId)).toEqual(entry.posts?.map((post) => post.postId));
    expect(list?.posts.every((post) => post.count === null)).toBe(true);
  });

  it('reads the older label and archive fixtures too', () => {
    const list = readPostList(parse(fixturePage('archive-2021-09')), `${BLOG}/2021/09/`);
    expect(list?.posts.length).toBeGreaterThan(3);
    expect(list?.posts.every((post) => post.count !== null && post.postId !== null)).toBe(true);
  });

  it('finds nothing on a list page without comment links, and nothing on a post page', () => {
    const bare = listFixtureText('home').replace(/<a class="comment-link"[^>]*>[^<]*<\/a>/g, '');
    expect(readPostList(parse(bare), `${BLOG}/`)?.posts).toEqual([]);
    expect(readPostList(parse(fixturePage('threaded-v2-001')), `${BLOG}/2024/02/probation-must-be-free-of-civil-service.html`)).toBeNull();
  });

  it('reads the mobile index (?m=1), where the link wraps the title', () => {
    const doc = parse(`<div class="mobile-date-outer date-outer"><div class="mobile-post-outer">
      <a href="${BLOG}/2020/01/a.html?m=1"><h3 class="mobile-index-title entry-title">A post</h3><div class="mobile-index-arrow">›</div></a>
      <div class="mobile-index-comment"><a class="comment-link" href="${BLOG}/2020/01/a.html?m=1#comment-form" onclick="">12 comments:</a></div>
      </div></div>`);
    expect(readPostList(doc, `${BLOG}/?m=1`)?.posts.map(({ url, title, count }) => ({ url, title, count }))).toEqual([
      { url: `${BLOG}/2020/01/a.html`, title: 'A post', count: 12 },
    ]);
  });

  it('ignores comment links outside posts (a sidebar widget) and reads a relative link against the page', () => {
    const doc = parse(`<div class="post-outer"><div class="post"><h3 class="post-title"><a href="/2020/01/a.html">A</a></h3>
      <div class="post-footer"><a class="comment-link" href="/2020/01/a.html#comment-form">3 comments:</a></div></div></div>
      <aside><a class="comment-link" href="/2020/01/b.html#comment-form">9 comments</a></aside>`);
    const list = readPostList(doc, `${BLOG}/2020/01/`);
    expect(list?.posts).toHaveLength(1);
    expect(list?.posts[0]).toMatchObject({ url: `${BLOG}/2020/01/a.html`, title: 'A', count: 3, postId: null });
  });
});
