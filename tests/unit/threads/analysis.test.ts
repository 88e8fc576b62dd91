import { describe, expect, it } from 'vitest';
import { loadRecordPages } from '../../../scripts/bench-threads';
import { analyseThreads, analysisParts, joinAnalysisParts } from '../../../src/threads/analysis';
import { ANALYSIS_BATCH, MAX_ANALYSED_COMMENTS, parseAnalysisRequest } from '../../../src/threads/analysis-protocol';
import { conversationHandles } from '../../../src/threads/handles';
import { inferReplies } from '../../../src/threads/infer';
import { signerMarks } from '../../../src/threads/signers';

const pages = loadRecordPages();
const comment = (id: string, text = 'words') => ({
  id,
  parentId: null,
  author: 'Anonymous',
  isBlogOwner: false,
  publishedMs: 1_700_000_000_000,
  displayTime: '21:07',
  removed: false,
  text,
});

describe('the text analysis in one call', () => {
  it('gives the links, handles and signers the model computes one by one, on every fixture page', () => {
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const input = { comments: page.comments, postBodyText: page.postBodyText };
      const analysis = analyseThreads(input);
      const inferred = inferReplies(input);
      expect([...analysis.inferred]).toEqual([...inferred]);
      expect([...analysis.handles]).toEqual([...conversationHandles(input.comments, inferred)]);
      expect([...analysis.signers]).toEqual([...signerMarks(input.comments)]);
    }
  });

  it('crosses a port in parts and comes back whole, through JSON as Chrome sends it', () => {
    const page = pages.reduce((largest, candidate) => (candidate.comments.length > largest.comments.length ? candidate : largest));
    const analysis = analyseThreads({ comments: page.comments, postBodyText: page.postBodyText });
    const parts = analysisParts(analysis, 50);
    expect(parts.length).toBe(Math.ceil(page.comments.length / 50));
    const rebuilt = joinAnalysisParts(parts.map((part) => JSON.parse(JSON.stringify(part))));
    expect([...rebuilt.inferred]).toEqual([...analysis.inferred]);
    expect([...rebuilt.handles]).toEqual([...analysis.handles]);
    expect([...rebuilt.signers]).toEqual([...analysis.signers]);
  });

  it('sends each distinct evidence and reason text once, however many links carry it', () => {
    const page = pages.reduce((largest, candidate) => (candidate.comments.length > largest.comments.length ? candidate : largest));
    const analysis = analyseThreads({ comments: page.comments, postBodyText: page.postBodyText });
    const strings = analysisParts(analysis, 50).flatMap((part) => part.strings);
    const carried = [...analysis.inferred.values()].flatMap((link) => [
      link.evidence,
      ...(link.considered ?? []).flatMap((c) => [c.evidence, c.rejected ?? '']),
    ]);
    expect(new Set(strings).size).toBe(strings.length);
    expect(strings.length).toBeLessThan(carried.length / 2);
  });

  it('sends one empty part for a post without comments', () => {
    const parts = analysisParts(analyseThreads({ comments: [], postBodyText: '' }), ANALYSIS_BATCH);
    expect(parts).toEqual([{ strings: [], links: [], handles: [], signers: [] }]);
  });
});

describe('the background validator of the analysis port', () => {
  it('rebuilds a batch from known fields only', () => {
    const parsed = parseAnalysisRequest({ type: 'comments', comments: [{ ...comment('1'), html: '<b>x</b>', extra: 1 }] }, 0);
    expect(parsed).toEqual({ ok: true, message: { type: 'comments', comments: [comment('1')] } });
  });

  it('refuses a comment with a field of the wrong type, naming it', () => {
    const parsed = parseAnalysisRequest({ type: 'comments', comments: [comment('1'), { ...comment('2'), publishedMs: '12' }] }, 0);
    expect(parsed).toEqual({ ok: false, error: 'analysis port: comment 1: publishedMs must be a number' });
  });

  it('refuses batches over the batch size and comments past the total bound', () => {
    const big = Array.from({ length: ANALYSIS_BATCH + 1 }, (_, index) => comment(String(index)));
    expect(parseAnalysisRequest({ type: 'comments', comments: big }, 0).ok).toBe(false);
    expect(parseAnalysisRequest({ type: 'comments', comments: [comment('x')] }, MAX_ANALYSED_COMMENTS).ok).toBe(false);
  });

  it('refuses an oversized text, an unknown type and a non-object', () => {
    expect(parseAnalysisRequest({ type: 'comments', comments: [comment('1', 'x'.repeat(200_001))] }, 0).ok).toBe(false);
    expect(parseAnalysisRequest({ type: 'eval', code: '1' }, 0)).toEqual({ ok: false, error: 'analysis port: unknown message type "eval"' });
    expect(parseAnalysisRequest(null, 0).ok).toBe(false);
  });

  it('takes "analyse" with the post text and optional author names', () => {
    expect(parseAnalysisRequest({ type: 'analyse', postBodyText: 'post' }, 3)).toEqual({
      ok: true,
      message: { type: 'analyse', postBodyText: 'post' },
    });
    expect(parseAnalysisRequest({ type: 'analyse', postBodyText: 'post', blogAuthorNames: ['JB'] }, 3)).toEqual({
      ok: true,
      message: { type: 'analyse', postBodyText: 'post', blogAuthorNames: ['JB'] },
    });
    expect(parseAnalysisRequest({ type: 'analyse', postBodyText: 7 }, 3).ok).toBe(false);
    expect(parseAnalysisRequest({ type: 'analyse', postBodyText: '', blogAuthorNames: [1] }, 3).ok).toBe(false);
  });
});
