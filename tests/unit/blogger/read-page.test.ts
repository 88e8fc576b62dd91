// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readPage, ReaderError } from '../../../src/blogger/read-page';
import { safeHtmlToText } from '../../../src/shared/sanitize';
import { BLOG, POST, POST_URL, flatV2Page, flatV3Page, labelPage, parse, threadedV2Page, threadedV3Page, type SnippetComment } from './markup';

const PROFILE = 'https://www.blogger.com/profile/01234567890123456789';

const THREAD: SnippetComment[] = [
  {
    id: '8195449246400116162',
    ms: 1708376820000,
    time: '19 February 2024 at 21:07',
    body: 'First line<br>second line &amp; more',
    replies: [
      {
        id: '8195449246400116163',
        author: 'Jim Brown',
        authorUrl: PROFILE,
        owner: true,
        ms: 1708377000000,
        time: '19 February 2024 at 21:10',
        body: 'Thanks 21:07',
      },
      { id: '2195449246400116164', ms: 1708378000000, removed: 'author' },
    ],
  },
  { id: '995449246400116165', author: 'Getafix', ms: 1708379000000, time: '19 February 2024 at 21:43', body: 'Top two' },
  { id: '1195449246400116166', author: 'Unknown', authorUrl: 'javascript:alert(1)', ms: 1708380000000, removed: 'admin' },
];

describe('readPage on threaded v2 markup', () => {
  const result = readPage(parse(threadedV2Page(THREAD)), POST_URL);

  it('detects the classic threaded layout', () => {
    expect(result?.layout).toBe('threaded-v2');
  });

  it('reads every comment in page order with Blogger parents', () => {
    expect(result?.comments.map((c) => [c.id, c.parentId])).toEqual([
      ['8195449246400116162', null],
      ['8195449246400116163', '8195449246400116162'],
      ['2195449246400116164', '8195449246400116162'],
      ['995449246400116165', null],
      ['1195449246400116166', null],
    ]);
  });

  it('reads authors, profile links and the blog-owner flag', () => {
    const [first, owner, , named, unknown] = result?.comments ?? [];
    expect(first).toMatchObject({ author: 'Anonymous', authorUrl: null, isBlogOwner: false });
    expect(owner).toMatchObject({ author: 'Jim Brown', authorUrl: PROFILE, isBlogOwner: true });
    expect(named).toMatchObject({ author: 'Getafix', authorUrl: null });
    expect(unknown).toMatchObject({ author: 'Unknown', authorUrl: null });
  });

  it('takes times from the showComment permalink and the display text verbatim', () => {
    expect(result?.comments[0]).toMatchObject({ publishedMs: 1708376820000, displayTime: '19 February 2024 at 21:07' });
  });

  it('keeps line breaks and entities in the sanitized body', () => {
    const first = result?.comments[0];
    expect(first?.html).toContain('<br>');
    expect(safeHtmlToText(first!.html)).toBe('First line\nsecond line & more');
  });

  it('flags both kinds of removed comment', () => {
    expect(result?.comments.map((c) => c.removed)).toEqual([false, false, true, false, true]);
  });

  it('reads the post facts', () => {
    expect(result?.post).toEqual({
      postId: POST,
      blogId: BLOG,
      url: POST_URL,
      title: 'Probation Must Be Free',
      totalCount: 5,
      bodyText: 'The post says something.\nSecond line.',
    });
  });

  it('hands over #comment-holder as the container, leaving the form outside it', () => {
    expect(result?.container.id).toBe('comment-holder');
    expect(result?.container.querySelector('#comment-editor')).toBeNull();
  });

  it('asks for no more when every announced comment is on the page', () => {
    expect(result?.loadMore).toBeNull();
    expect(result?.warnings).toEqual([]);
  });
});

describe('readPage layouts', () => {
  it('reads threaded v3 (section.comments.threaded) with data-num-comments', () => {
    const result = readPage(parse(threadedV3Page(THREAD)), POST_URL);
    expect(result?.layout).toBe('threaded-v3');
    expect(result?.post.totalCount).toBe(5);
    expect(result?.comments.map((c) => c.parentId)).toEqual([null, THREAD[0]!.id, THREAD[0]!.id, null, null]);
  });

  it('reads flat v2 dt/dd/dd triples without the "said..." text', () => {
    const flat = [THREAD[0]!, THREAD[1]!, { ...THREAD[0]!.replies![0]!, id: '7000000000000000001' }, THREAD[4 - 2]!];
    const result = readPage(parse(flatV2Page(flat)), POST_URL);
    expect(result?.layout).toBe('flat-v2');
    expect(result?.comments.map((c) => [c.id, c.author, c.parentId])).toEqual([
      ['8195449246400116162', 'Anonymous', null],
      ['995449246400116165', 'Getafix', null],
      ['7000000000000000001', 'Jim Brown', null],
      ['1195449246400116166', 'Unknown', null],
    ]);
    expect(result?.comments[2]).toMatchObject({ authorUrl: PROFILE, isBlogOwner: true, displayTime: '19 February 2024 at 21:10' });
    expect(result?.comments.map((c) => c.removed)).toEqual([false, false, false, true]);
    expect(safeHtmlToText(result!.comments[0]!.html)).toBe('First line\nsecond line & more');
    expect(result?.container.id).toBe('Blog1_comments-block-wrapper');
    expect(result?.post.totalCount).toBe(4);
  });

  it('does not take a delete-comment.g postID (a comment id) for the post id', () => {
    const html = flatV2Page([THREAD[1]!], { head: '' }).replace(`id="post-body"`, 'id="post-body-x"');
    const result = readPage(parse(html), POST_URL);
    expect(result?.post.postId).toBeNull();
  });

  it('reads flat v3 div.comment entries and div.comment-body.deleted', () => {
    const flat = [THREAD[1]!, { ...THREAD[2]!, removed: 'author' as const }];
    const result = readPage(parse(flatV3Page(flat)), POST_URL);
    expect(result?.layout).toBe('flat-v3');
    expect(result?.comments.map((c) => [c.id, c.author, c.removed, c.publishedMs])).toEqual([
      ['995449246400116165', 'Getafix', false, 1708379000000],
      ['1195449246400116166', 'Unknown', true, 1708380000000],
    ]);
    expect(result?.container.id).toBe('Blog1_comments-block-wrapper');
    expect(result?.container.querySelector('#comment-editor')).toBeNull();
  });

  it('reports the mobile layout from body.mobile and reads &m=1 permalinks', () => {
    const result = readPage(parse(threadedV2Page(THREAD, { mobile: true })), `${POST_URL}?m=1`);
    expect(result?.layout).toBe('mobile');
    expect(result?.comments[1]?.publishedMs).toBe(1708377000000);
    expect(result?.post.url).toBe(POST_URL);
  });

  it('reports the mobile layout from ?m=1 alone', () => {
    expect(readPage(parse(threadedV2Page(THREAD)), `${POST_URL}?m=1#c1`)?.layout).toBe('mobile');
  });
});

describe('readPage edge cases', () => {
  it('returns null on a label page with no comment section', () => {
    expect(readPage(parse(labelPage()), 'https://probationmatters.blogspot.com/search/label/UPW')).toBeNull();
  });

  it('throws a ReaderError naming the problem when comment classes are renamed', () => {
    const renamed = threadedV2Page(THREAD).replaceAll('class="comment"', 'class="kommentar"');
    expect(() => readPage(parse(renamed), POST_URL)).toThrow(ReaderError);
    expect(() => readPage(parse(renamed), POST_URL)).toThrow(/expected li\.comment/);
  });

  it('throws a ReaderError when the comment body class is renamed', () => {
    const renamed = threadedV2Page(THREAD).replaceAll('comment-content', 'comment-text');
    expect(() => readPage(parse(renamed), POST_URL)).toThrow(/no \.comment-content/);
  });

  it('throws a ReaderError when comments have no ids', () => {
    const noIds = threadedV2Page(THREAD).replace(/<li class="comment" id="c\d+">/g, '<li class="comment">');
    expect(() => readPage(parse(noIds), POST_URL)).toThrow(/without a "c<digits>" id/);
  });

  it('throws a ReaderError when the list containers are renamed but comments remain', () => {
    const renamed = threadedV2Page(THREAD).replace('id="comment-holder"', 'id="holder"');
    expect(() => readPage(parse(renamed), POST_URL)).toThrow(ReaderError);
  });

  it('throws a ReaderError when the page announces comments it does not show', () => {
    expect(() => readPage(parse(threadedV2Page([], { count: 3 }).replace('<ol id="top-ra">', '<ol id="top">')), POST_URL)).toThrow(ReaderError);
  });

  it('reads an empty section as no comments with a zero count', () => {
    const result = readPage(parse(threadedV2Page([])), POST_URL);
    expect(result?.comments).toEqual([]);
    expect(result?.post.totalCount).toBe(0);
  });

  it('keeps the first of duplicated ids and warns about the rest', () => {
    const twice = [THREAD[1]!, { ...THREAD[1]!, body: 'copy' }];
    const result = readPage(parse(threadedV2Page(twice)), POST_URL);
    expect(result?.comments).toHaveLength(1);
    expect(safeHtmlToText(result!.comments[0]!.html)).toBe('Top two');
    expect(result?.warnings).toEqual(['duplicate comment id c995449246400116165 skipped (the first one is kept)']);
  });

  it('asks for more when the page holds fewer comments than announced', () => {
    const result = readPage(parse(threadedV2Page(THREAD, { count: 327, publishedMin: 1708380000000 })), POST_URL);
    expect(result?.post.totalCount).toBe(327);
    expect(result?.loadMore).toEqual({ publishedMinMs: 1708380000000 });
  });

  it('asks for more without a published-min when only the count says so', () => {
    const result = readPage(parse(threadedV2Page(THREAD, { count: 6 })), POST_URL);
    expect(result?.loadMore).toEqual({ publishedMinMs: null });
  });

  it('gives NaN for a comment without a permalink and says so', () => {
    const html = threadedV2Page(THREAD).replace(/href="[^"]*showComment=1708379000000[^"]*"/, 'href="#"');
    const result = readPage(parse(html), POST_URL);
    expect(result?.comments[3]?.publishedMs).toBeNaN();
  });

  it('never lets comment markup run or keep event handlers', () => {
    const hostile = [
      { id: '3000000000000000001', body: '<img src=x onerror="alert(1)">hi <a href="javascript:alert(1)">x</a><script>alert(2)</script>' },
    ];
    const html = readPage(parse(threadedV2Page(hostile)), POST_URL)?.comments[0]?.html ?? '';
    expect(html).not.toMatch(/onerror|script|javascript|<img/i);
    expect(html).toContain('hi');
  });
});
