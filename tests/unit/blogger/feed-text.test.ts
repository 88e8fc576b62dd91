// @vitest-environment node
/** Feed records as plain text without a DOM (the background's service worker has none), equal to the view's text. */
import { describe, expect, it } from 'vitest';
import { htmlToPlainText, parseFeedTextPage } from '../../../src/blogger/feed-text';

describe('feed records as text, without a DOM', () => {
  it('has no DOM to lean on here', () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
  });

  it('turns line breaks, paragraphs and quotes into newlines, drops tags and decodes entities', () => {
    expect(htmlToPlainText('@21:07 &quot;too many&quot;<br>Agreed &amp; signed<br/>- Getafix')).toBe('@21:07 "too many"\nAgreed & signed\n- Getafix');
    expect(htmlToPlainText('<p>One</p><blockquote>Two</blockquote>three &#8217;s &#x2014; &nbsp;end')).toBe('One\nTwo\nthree ’s — end');
    expect(htmlToPlainText('<i>words</i>   spaced\n\n\n out')).toBe('words spaced\nout');
  });

  it('keeps nothing of scripts, styles or comments, and leaves unknown entities as written', () => {
    expect(htmlToPlainText('a<script>alert(1)</script>b<style>p{}</style>c<!-- x -->d')).toBe('abcd');
    expect(htmlToPlainText('&bogus; &#0; &#xD800;')).toBe('&bogus; &#0; &#xD800;');
  });

  it('reads entries with Blogger’s parent, time and author, and the announced total', () => {
    const page = parseFeedTextPage({
      feed: {
        openSearch$totalResults: { $t: '41' },
        entry: [
          {
            id: { $t: 'tag:blogger.com,1999:blog-1.post-123' },
            published: { $t: '2026-11-20T21:30:00.000Z' },
            content: { $t: 'Hi <b>there</b>' },
            link: [{ rel: 'related', href: 'http://www.blogger.com/feeds/1/2/comments/default/99' }],
            author: [{ name: { $t: 'Getafix' } }],
            gd$extendedProperty: [{ name: 'blogger.displayTime', value: '21:30' }],
          },
          { id: { $t: 'no id here' } },
        ],
      },
    });
    expect(page.total).toBe(41);
    expect(page.entryCount).toBe(2);
    expect(page.records).toEqual([expect.objectContaining({ id: '123', parentId: '99', author: 'Getafix', displayTime: '21:30', text: 'Hi there' })]);
    expect(parseFeedTextPage({ feed: {} }).total).toBeNull();
    expect(() => parseFeedTextPage('nope')).toThrow(TypeError);
  });
});
