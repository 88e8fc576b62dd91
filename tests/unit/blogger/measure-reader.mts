/** Measures the reader's CPU time on a 640-comment page and the sanitizer variants: npx tsx tests/unit/blogger/measure-reader.mts */
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';

const host = new JSDOM('<!DOCTYPE html><body></body>');
Object.assign(globalThis, { window: host.window, document: host.window.document });
const { readPage } = await import('../../../src/blogger/read-page');
const { sanitizeChildren } = await import('../../../src/shared/sanitize');
const { purifyHtml: sanitizeHtml, purifyHtmlEach: sanitizeHtmlBatch } = await import('../../../src/shared/sanitize-purify');
const { threadedV2Page } = await import('./markup');

/** Median CPU milliseconds (user + system) of `runs` calls, after two warm-up calls: robust to a busy machine. */
function cpuMs(work: () => void, runs = 9): number {
  work();
  work();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = process.cpuUsage();
    work();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const pageUrl = 'https://probationmatters.blogspot.com/2023/04/latest-from-napo-234.html';
let next = 0;
const nextId = () => String(4000000000000000000n + BigInt(next++));
const body = (n: number) =>
  `Comment ${n}: the SFO and PQiP numbers don't add up.<br><br>@21:07 <i>quite</i> right, see <a href="https://example.org/${n}">this</a>.<br>'Getafix`;
const thread = Array.from({ length: 160 }, () => ({
  id: nextId(),
  body: body(next),
  ms: 1708376820000 + next * 1000,
  replies: Array.from({ length: 3 }, () => ({ id: nextId(), body: body(next), ms: 1708376820000 + next * 1000 })),
}));
const doc = new JSDOM(threadedV2Page(thread), { url: pageUrl }).window.document;
const elements = [...doc.querySelectorAll('.comment-content')];
const strings = elements.map((element) => element.innerHTML);

const read = cpuMs(() => readPage(doc, pageUrl));
const walk = cpuMs(() => elements.forEach((element) => sanitizeChildren(element)));
const batch = cpuMs(() => sanitizeHtmlBatch(strings));
const each = cpuMs(() => strings.forEach((html) => sanitizeHtml(html)));
console.log(`640 comments (jsdom, CPU ms, median of 9): readPage ${read.toFixed(1)}`);
console.log(
  `  sanitizing the 640 bodies: DOM walk ${walk.toFixed(1)} | DOMPurify batch ${batch.toFixed(1)} | DOMPurify one by one ${each.toFixed(1)}`,
);

const fixtureUrl = 'https://probationmatters.blogspot.com/2021/02/grand-plans.html';
const fixtureHtml = readFileSync(new URL('../../fixtures/pages/threaded-v2-200.html', import.meta.url), 'utf8');
const fixture = new JSDOM(fixtureHtml, { url: fixtureUrl }).window.document;
console.log(`fixture threaded-v2-200 (200 comments): readPage ${cpuMs(() => readPage(fixture, fixtureUrl)).toFixed(1)}`);
