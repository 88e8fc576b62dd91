// @vitest-environment jsdom
/** Reply opens the blog's own comment form, at an address only Blogger's form may give: never one a comment chose. */
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));

import { isBloggerCommentFormUrl, openBlogReplyForm } from '../../../src/ui/controller';

const FORM = 'https://www.blogger.com/comment/frame/2?po=7&hl=en-GB#%7B%22color%22%3A%22%23000%22%7D';

function page(commentBodies: string, form = `<a id="comment-editor-src" href="${FORM}"></a>`): HTMLIFrameElement {
  document.body.innerHTML = `
    <div id="comments"><div id="comment-holder"><div class="comment-content">${commentBodies}</div></div>
    <div class="comment-form">${form}<iframe id="comment-editor" src="about:blank"></iframe></div></div>`;
  return document.querySelector<HTMLIFrameElement>('.comment-form iframe#comment-editor')!;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Reply through the blog’s own comment form', () => {
  it('points the blog’s iframe at a reply to the thread, keeping the form’s hash', () => {
    HTMLElement.prototype.scrollIntoView = () => {};
    const iframe = page('a comment');
    expect(openBlogReplyForm(document, '123')).toBe(true);
    expect(iframe.src).toBe('https://www.blogger.com/comment/frame/2?po=7&hl=en-GB&parentID=123#%7B%22color%22%3A%22%23000%22%7D');
  });

  it('ignores an element inside a comment body that takes the form’s id, even when it comes first', () => {
    HTMLElement.prototype.scrollIntoView = () => {};
    const iframe = page('<a id="comment-editor-src" href="https://evil.example/comment/frame/1">x</a>');
    expect(openBlogReplyForm(document, '9')).toBe(true);
    expect(iframe.src.startsWith('https://www.blogger.com/comment/frame/2?')).toBe(true);
  });

  it('opens nothing when the only address on offer is not Blogger’s form', () => {
    HTMLElement.prototype.scrollIntoView = () => {};
    for (const href of [
      'https://evil.example/comment/frame/2',
      'javascript:alert(1)',
      'http://www.blogger.com/comment/frame/2',
      'https://www.blogger.com/logout',
    ]) {
      const iframe = page('a comment', `<a id="comment-editor-src" href="${href}"></a>`);
      expect(openBlogReplyForm(document, '9'), href).toBe(false);
      expect(iframe.getAttribute('src'), href).toBe('about:blank');
    }
  });

  it('accepts Blogger’s comment form addresses and the blog’s own /comment/ path only', () => {
    const blog = 'https://probationmatters.blogspot.com';
    expect(isBloggerCommentFormUrl('https://www.blogger.com/comment/frame/2?po=7', blog)).toBe(true);
    expect(isBloggerCommentFormUrl('https://www.blogger.com/comment-iframe.g?blogID=2&postID=7', blog)).toBe(true);
    expect(isBloggerCommentFormUrl(`${blog}/comment/frame/2?po=7`, blog)).toBe(true);
    expect(isBloggerCommentFormUrl('https://www.blogger.com.evil.example/comment/frame/2', blog)).toBe(false);
    expect(isBloggerCommentFormUrl(`${blog}/2024/02/post.html`, blog)).toBe(false);
  });
});
