// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { findBlogId, findPostId, readAnnouncedCount } from '../../../src/blogger/post-info';
import { parse } from './markup';

const doc = (head: string, body = '') => parse(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`);

describe('findPostId sources', () => {
  it('reads meta itemprop=postId first', () => {
    expect(findPostId(doc('<meta itemprop="postId" content="111">', '<div class="post-body" id="post-body-222"></div>'))).toBe('111');
  });

  it('reads the post-body-<id> element id', () => {
    expect(findPostId(doc('', '<div class="post-body entry-content" id="post-body-222"></div>'))).toBe('222');
  });

  it('reads .loadmore[data-post-id]', () => {
    expect(findPostId(doc('', '<div class="loadmore hidden" data-post-id="333"></div>'))).toBe('333');
  });

  it('reads po= and postID= from the comment editor source', () => {
    expect(findPostId(doc('', '<a id="comment-editor-src" href="https://www.blogger.com/comment/frame/9?po=444&hl=en"></a>'))).toBe('444');
    expect(findPostId(doc('', '<a id="comment-editor-src" href="https://www.blogger.com/comment-iframe.g?blogID=9&postID=555"></a>'))).toBe('555');
  });

  it('reads the comment feed link', () => {
    expect(
      findPostId(doc('<link rel="alternate" type="application/atom+xml" title="x" href="https://b.blogspot.com/feeds/666/comments/default">')),
    ).toBe('666');
  });

  it('reads the _WidgetManager data context', () => {
    const script = `<script>_WidgetManager._SetDataContext([{'name': 'blog', 'data': {'blogId': '12', 'pageType': 'item', 'postId': '777'}}]);</script>`;
    expect(findPostId(doc('', script))).toBe('777');
    expect(findBlogId(doc('', script))).toBe('12');
  });

  it('never takes the comment id of a delete-comment.g link', () => {
    const trap =
      '<a href="https://www.blogger.com/delete-comment.g?blogID=9&postID=8195449246400116162">Delete</a><a href="https://www.blogger.com/comment/delete/9/8195449246400116162">Delete</a>';
    expect(findPostId(doc('', trap))).toBeNull();
    expect(findPostId(doc('', `${trap}<div class="post-body" id="post-body-888"></div>`))).toBe('888');
  });
});

describe('findBlogId', () => {
  it('reads meta itemprop=blogId, then the comment frame URL', () => {
    expect(findBlogId(doc('<meta itemprop="blogId" content="99">'))).toBe('99');
    expect(findBlogId(doc('', '<a id="comment-editor-src" href="https://www.blogger.com/comment/frame/98?po=1"></a>'))).toBe('98');
    expect(findBlogId(doc('', '<a id="comment-editor-src" href="comment-iframe.g?blogID=97&postID=1"></a>'))).toBe('97');
  });
});

describe('readAnnouncedCount', () => {
  const section = (html: string) => parse(`<!DOCTYPE html><body>${html}</body>`).getElementById('comments')!;

  it('reads "N comments:", "1 comment:" and "No comments:" headings', () => {
    expect(readAnnouncedCount(section('<div id="comments"><h4>327 comments:</h4></div>'))).toBe(327);
    expect(readAnnouncedCount(section('<div id="comments"><h4>1 comment:</h4></div>'))).toBe(1);
    expect(readAnnouncedCount(section('<div id="comments"><h4>1,204 comments:</h4></div>'))).toBe(1204);
    expect(readAnnouncedCount(section('<div id="comments"><h4>No comments:</h4></div>'))).toBe(0);
  });

  it('reads the number of a heading in any language, and nothing from a heading without one (issue #15)', () => {
    expect(readAnnouncedCount(section('<div id="comments"><h4>1 Meinungen:</h4></div>'))).toBe(1);
    expect(readAnnouncedCount(section('<div id="comments"><h4>1 Kommentar:</h4></div>'))).toBe(1);
    expect(readAnnouncedCount(section('<div id="comments"><h4>15 komentárov:</h4></div>'))).toBe(15);
    expect(readAnnouncedCount(section('<div id="comments"><h4>1.204 Kommentare:</h4></div>'))).toBe(1204);
    expect(readAnnouncedCount(section('<div id="comments"><h4>Kommentare:</h4></div>'))).toBeNull();
  });

  it('prefers data-num-comments', () => {
    expect(readAnnouncedCount(section('<section id="comments" data-num-comments="42"><h3>Comments</h3></section>'))).toBe(42);
  });

  it('is null when nothing announces a count', () => {
    expect(readAnnouncedCount(section('<section id="comments"><h3 class="title">Comments</h3></section>'))).toBeNull();
  });
});
