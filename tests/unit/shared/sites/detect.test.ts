// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isBloggerPage, readBloggerSignals } from '../../../../src/shared/sites/detect';

function doc(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('Blogger detection on a custom domain', () => {
  it('takes the generator meta as proof', () => {
    const signals = readBloggerSignals(doc('<html><head><meta content="blogger" name="generator"></head><body></body></html>'));
    expect(signals.generator).toBe(true);
    expect(isBloggerPage(signals)).toBe(true);
  });

  it('accepts Blogger’s widget script together with its comment holder when the meta was removed', () => {
    const page = doc(`<body><script>_WidgetManager._Init('//www.blogger.com/rearrange?blogID=1');</script>
      <div id="comment-holder"></div></body>`);
    expect(isBloggerPage(readBloggerSignals(page))).toBe(true);
  });

  it('accepts the widget script with a Blogger feed link', () => {
    const page = doc(`<head><link rel="service.post" href="https://www.blogger.com/feeds/123/posts/default"></head>
      <body><script>_WidgetManager._SetDataContext([]);</script></body>`);
    expect(isBloggerPage(readBloggerSignals(page))).toBe(true);
  });

  it('does not take a page that merely has a #comment-holder, or mentions _WidgetManager in an external script', () => {
    expect(isBloggerPage(readBloggerSignals(doc('<body><div id="comment-holder"></div></body>')))).toBe(false);
    expect(isBloggerPage(readBloggerSignals(doc('<body><script src="_WidgetManager._Init.js"></script></body>')))).toBe(false);
    expect(isBloggerPage(readBloggerSignals(doc('<head><meta name="generator" content="WordPress 6.5"></head>')))).toBe(false);
  });

  it('is self-contained, so it survives being serialised for scripting.executeScript', () => {
    const rebuilt = new Function(`return (${readBloggerSignals.toString()})`)() as typeof readBloggerSignals;
    expect(rebuilt(doc('<head><meta name="generator" content="Blogger"></head>')).generator).toBe(true);
  });
});
