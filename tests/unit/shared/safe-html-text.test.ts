// @vitest-environment jsdom
/** safeHtmlToText reads the SafeHtml string; it must give exactly what the parsed fragment's text gives. */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parseFeedPage } from '../../../src/blogger/feed';
import { readPage } from '../../../src/blogger/read-page';
import type { SafeHtml } from '../../../src/blogger/types';
import { safeFragment, safeHtmlToText, sanitizeHtml } from '../../../src/shared/sanitize';
import { purifyHtml } from '../../../src/shared/sanitize-purify';
import { fixtureIndex, fixturePage, fixtureResponse } from '../../fixtures/serve';

/** The text the way it was read before: parse into a template, mark the line breaks, take textContent. */
function parsedText(safe: SafeHtml): string {
  const fragment = safeFragment(safe);
  const doc = fragment.ownerDocument;
  for (const br of fragment.querySelectorAll('br')) br.replaceWith(doc.createTextNode('\n'));
  for (const block of fragment.querySelectorAll('p, blockquote')) {
    block.before(doc.createTextNode('\n'));
    block.after(doc.createTextNode('\n'));
  }
  return (fragment.textContent ?? '')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}

/** Every comment body of every fixture post: from its page (our sanitizer) and from its feed (DOMPurify). */
function fixtureBodies(): SafeHtml[] {
  const bodies: SafeHtml[] = [];
  for (const page of fixtureIndex().pages) {
    if (page.layout === null) continue;
    const doc = new JSDOM(fixturePage(page.name), { url: page.url }).window.document;
    for (const comment of readPage(doc, page.url)?.comments ?? []) bodies.push(comment.html);
    if (!page.feed || !page.postId) continue;
    const feedUrl = `${new URL(page.url).origin}/feeds/${page.postId}/comments/default?alt=json&orderby=published&reverse=false&start-index=1&max-results=1000`;
    const response = fixtureResponse(feedUrl);
    if (response) for (const comment of parseFeedPage(JSON.parse(response.body)).comments) bodies.push(comment.html);
  }
  return bodies;
}

const tricky = [
  'a &amp; b &lt;c&gt; &quot;d&quot; e&nbsp;f',
  '<a href="https://example.org/?q=a>b&amp;c">link &gt; text</a> after',
  'one<br>two<br/>three\nfour',
  '<p>a   b</p><p>c</p><blockquote>q<br>r</blockquote>d',
  '<b>bold</b><i>it</i><u>u</u> <span>s</span>',
  '<!-- a comment --> text',
  '<p></p><p> </p>x',
  '   lead and trail   ',
  '<P>upper</P>',
];

describe('safeHtmlToText', () => {
  it('gives the parsed text for tricky bodies through both sanitizers', () => {
    for (const html of tricky) {
      for (const safe of [sanitizeHtml(html), purifyHtml(html)]) expect(safeHtmlToText(safe), safe).toBe(parsedText(safe));
    }
  });

  it('gives the parsed text for every comment body of every fixture, page and feed', { timeout: 60_000 }, () => {
    const bodies = fixtureBodies();
    expect(bodies.length).toBeGreaterThan(1000);
    const different = bodies.filter((safe) => safeHtmlToText(safe) !== parsedText(safe));
    expect(different.slice(0, 3)).toEqual([]);
  });
});
