/**
 * Bench: sanitizing the 640-comment post's feed bodies each on its own (what ships) against the joined single parse
 * it replaced (one string of wrapped bodies: fast, but one body's <textarea> could swallow the next). jsdom, in Node.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AlgorithmResult } from './algorithms';

/** The old joined parse, kept here only as the reference it is measured against. */
function joinedParse(purify: { sanitize(html: string, config: object): unknown }, bodies: readonly string[]): string[] {
  const wrapped = bodies.map((html) => `<marquee>${html}</marquee>`).join('');
  const body = purify.sanitize(wrapped, {
    ALLOWED_TAGS: ['a', 'b', 'i', 'em', 'strong', 'br', 'p', 'blockquote', 'marquee'],
    ALLOWED_ATTR: ['href'],
    RETURN_DOM: true,
  }) as Element;
  return [...body.children].map((wrapper) => wrapper.innerHTML);
}

export async function measureFeedSanitizing(root: string): Promise<AlgorithmResult> {
  const { JSDOM } = await import('jsdom');
  const dom = new JSDOM('<!doctype html><body></body>');
  const saved = { window: globalThis.window, document: globalThis.document };
  Object.assign(globalThis, { window: dom.window, document: dom.window.document });
  try {
    const index = JSON.parse(readFileSync(join(root, 'tests/fixtures/index.json'), 'utf8')) as { pages: Array<{ name: string; feed?: string }> };
    const feedFile = index.pages.find((page) => page.name === 'threaded-v2-640')!.feed!;
    const feed = JSON.parse(readFileSync(join(root, 'tests/fixtures', feedFile), 'utf8')) as {
      feed: { entry: Array<{ content?: { $t?: string } }> };
    };
    const bodies = feed.feed.entry.map((entry) => entry.content?.$t ?? '');
    const { purifyHtmlEach } = await import('../../src/shared/sanitize-purify');
    const DOMPurify = (await import('dompurify')).default(dom.window as unknown as Window & typeof globalThis);
    const each: number[] = [];
    const joined: number[] = [];
    for (let run = 0; run < 7; run++) {
      let start = performance.now();
      purifyHtmlEach(bodies);
      each.push(performance.now() - start);
      start = performance.now();
      joinedParse(DOMPurify, bodies);
      joined.push(performance.now() - start);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[3]!;
    const oursMs = median(each);
    const naiveMs = median(joined);
    return {
      name: 'feed sanitizing, each body on its own (vs one joined parse)',
      input: `${bodies.length} feed bodies (jsdom)`,
      oursMs,
      naiveMs,
      speedup: naiveMs / oursMs,
    };
  } finally {
    Object.assign(globalThis, saved);
  }
}
