// @vitest-environment jsdom
/** The hostile fixture's payloads, from the page and from the feed, leave nothing live after the reader and sanitizer. */
import { describe, expect, it } from 'vitest';
import { parseFeedPage } from '../../../src/blogger/feed';
import { readPage } from '../../../src/blogger/read-page';
import { safeFragment, sanitizeHtml } from '../../../src/shared/sanitize';
import { purifyHtml, purifyHtmlEach } from '../../../src/shared/sanitize-purify';
import { HOSTILE_PAYLOADS, LONG_WORD } from '../../../scripts/fixtures/hostile';
import { fixtureResponse, stressIndex } from '../../fixtures/serve';

const ALLOWED_TAGS = new Set(['a', 'b', 'i', 'em', 'strong', 'br', 'p', 'blockquote']);

/** Every element and attribute the sanitized HTML would build, as "tag" and "tag[attr=value]" strings. */
function inventory(safe: string): { tags: string[]; attributes: string[] } {
  const fragment = safeFragment(safe as never);
  const elements = [...fragment.querySelectorAll('*')];
  return {
    tags: elements.map((element) => element.tagName.toLowerCase()),
    attributes: elements.flatMap((element) =>
      element.getAttributeNames().map((name) => `${element.tagName.toLowerCase()}[${name}=${element.getAttribute(name)}]`),
    ),
  };
}

/** Attributes a comment body may keep: a web or mail link and the link hardening the sanitizer adds. */
function isHarmless(attribute: string): boolean {
  const match = /^a\[(href|rel|target)=(.*)\]$/s.exec(attribute);
  if (!match) return false;
  if (match[1] === 'href') return /^(https?:|mailto:)/i.test(match[2] ?? '');
  return match[1] === 'rel' ? match[2] === 'noopener nofollow ugc' : match[2] === '_blank';
}

describe('hostile payloads through the sanitizer', () => {
  for (const payload of HOSTILE_PAYLOADS) {
    for (const [where, html] of [
      ['page', payload.pageHtml],
      ['feed', payload.feedHtml],
    ] as const) {
      it(`${payload.name} (${where}): only allowed tags, only http(s) links, no data-/aria-/event attributes`, () => {
        const walked = inventory(sanitizeHtml(html));
        const purified = inventory(purifyHtml(html));
        const batched = inventory(purifyHtmlEach([html, html])[0] as string);
        for (const result of [walked, purified, batched]) {
          expect(result.tags.filter((tag) => !ALLOWED_TAGS.has(tag))).toEqual([]);
          expect(result.attributes.filter((attribute) => !isHarmless(attribute))).toEqual([]);
        }
      });
    }
  }

  it('keeps the text of a 20,000-character word whole (it is wrapped by CSS, not cut)', () => {
    expect(safeFragment(sanitizeHtml(LONG_WORD)).textContent).toBe(LONG_WORD);
  });
});

describe('the hostile fixture as the reader sees it', () => {
  const entry = stressIndex().pages.find((page) => page.name === 'hostile');
  if (!entry) throw new Error('no hostile stress fixture: run npm run fixtures');

  it('reads every on-page comment once, with bodies that build no element outside the allow-list', () => {
    const doc = new DOMParser().parseFromString(fixtureResponse(entry.url)!.body, 'text/html');
    const page = readPage(doc, entry.url)!;
    expect(page.comments.length).toBe(entry.onPage);
    expect(new Set(page.comments.map((comment) => comment.id)).size).toBe(entry.onPage);
    for (const comment of page.comments) {
      const { tags, attributes } = inventory(comment.html);
      expect(
        tags.filter((tag) => !ALLOWED_TAGS.has(tag)),
        comment.id,
      ).toEqual([]);
      expect(
        attributes.filter((attribute) => !isHarmless(attribute)),
        comment.id,
      ).toEqual([]);
      expect(comment.authorUrl ?? 'https:').toMatch(/^https?:/);
    }
  });

  it('parses the feed (raw hostile content.$t) into comments whose bodies and author links are inert', () => {
    const feed = fixtureResponse(`${new URL(entry.url).origin}/feeds/${entry.postId}/comments/default?alt=json&max-results=500`);
    const { comments } = parseFeedPage(JSON.parse(feed!.body));
    expect(comments.length).toBe(entry.commentCount);
    for (const comment of comments) {
      const { tags, attributes } = inventory(comment.html);
      expect(
        tags.filter((tag) => !ALLOWED_TAGS.has(tag)),
        comment.id,
      ).toEqual([]);
      expect(
        attributes.filter((attribute) => !isHarmless(attribute)),
        comment.id,
      ).toEqual([]);
      expect(comment.authorUrl ?? 'https:').toMatch(/^https?:/);
    }
  });
});
