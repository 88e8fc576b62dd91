// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readPage } from '../../../src/blogger/read-page';
import { sanitizeChildren } from '../../../src/shared/sanitize';
import { purifyHtml } from '../../../src/shared/sanitize-purify';
import { POST_URL, parse, threadedV2Page, type SnippetComment } from './markup';

/** `topLevel` comments with 3 replies each, bodies of a few lines with links and emphasis. */
function bigThread(topLevel: number): SnippetComment[] {
  const body = (n: number) =>
    `Comment ${n}: the SFO and PQiP numbers don't add up.<br><br>@21:07 <i>quite</i> right, see <a href="https://example.org/${n}">this</a>.<br>'Getafix`;
  let next = 0;
  const id = () => String(4000000000000000000n + BigInt(next++));
  return Array.from({ length: topLevel }, () => ({
    id: id(),
    body: body(next),
    ms: 1708376820000 + next * 1000,
    replies: Array.from({ length: 3 }, () => ({ id: id(), body: body(next), ms: 1708376820000 + next * 1000 })),
  }));
}

/** Median CPU time (user + system, ms) of `runs` calls after one warm-up call: steadier than wall time on a busy machine. */
function medianMs(work: () => void, runs = 5): number {
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

describe('readPage speed (ratios within one run, so machine load cancels out)', () => {
  it('grows linearly with the number of comments; walking parsed bodies beats re-parsing them', () => {
    const small = parse(threadedV2Page(bigThread(40)));
    const large = parse(threadedV2Page(bigThread(160)));
    expect(readPage(large, POST_URL)?.comments).toHaveLength(640);
    const smallMs = medianMs(() => readPage(small, POST_URL));
    const largeMs = medianMs(() => readPage(large, POST_URL));
    const elements = [...large.querySelectorAll('.comment-content')];
    const bodies = elements.map((element) => element.innerHTML);
    const walkMs = medianMs(() => elements.forEach((element) => sanitizeChildren(element)));
    const oneByOneMs = medianMs(() => bodies.forEach((body) => purifyHtml(body)));
    console.info(
      `readPage (jsdom, CPU): 160 comments ${smallMs.toFixed(1)} ms, 640 comments ${largeMs.toFixed(1)} ms ` +
        `(ratio ${(largeMs / smallMs).toFixed(1)}; linear = 4). Sanitizing 640 bodies: DOM walk ${walkMs.toFixed(1)} ms, ` +
        `DOMPurify one by one ${oneByOneMs.toFixed(1)} ms`,
    );
    expect(largeMs / smallMs).toBeLessThan(8); // quadratic work would give ~16
    expect(walkMs * 5).toBeLessThan(oneByOneMs); // the reason readPage walks instead of re-parsing
  }, 120_000);
});
