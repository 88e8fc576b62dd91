// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { analyseThreads } from '../../../src/threads/analysis';
import { buildModel, buildModelInSlices, type Analyser } from '../../../src/ui/model';
import { comment, POST } from '../support/mount-view';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../support/fake-browser')).createFakeBrowser() }));

/** A post whose replies are found only in the text: "@12:01" answers comment 1, the quote answers comment 2. */
const records = [
  comment('1', 'Who runs the early release scheme?'),
  comment('2', 'Nobody knows what the regional office is doing with caseloads this year.'),
  comment('3', '@12:01 the regional office, allegedly.'),
  comment('4', '"what the regional office is doing with caseloads" - exactly my question.'),
  comment('5', "A standalone remark. 'Getafix"),
];
const more = [...records, comment('6', '@12:05 ha, well said Getafix')];

const linksOf = (model: { links: Map<string, { parentId: string | null; source: string }> }) =>
  [...model.links].map(([id, link]) => [id, link.parentId, link.source]);

describe('building the model with the analysis done elsewhere', () => {
  it('uses the analyser’s answer and says so, with the links, handles and signers the page would compute', async () => {
    const analyse = vi.fn<Analyser>(async (input) => analyseThreads(input));
    const model = await buildModelInSlices(POST, records, undefined, undefined, undefined, analyse);
    const local = buildModel(POST, records);
    expect(analyse).toHaveBeenCalledTimes(1);
    expect(model.analysedIn).toBe('background');
    expect(linksOf(model)).toEqual(linksOf(local));
    expect(linksOf(model).filter(([, , source]) => source !== 'blogger').length).toBeGreaterThan(0);
    expect([...model.handles]).toEqual([...local.handles]);
    expect([...model.signers]).toEqual([...local.signers]);
  });

  it('infers in the page when the analyser cannot answer (null or a rejection), with the same result', async () => {
    for (const analyse of [async () => null, async () => Promise.reject(new Error('gone'))] as Analyser[]) {
      const model = await buildModelInSlices(POST, records, undefined, undefined, undefined, analyse);
      expect(model.analysedIn).toBe('page');
      expect(linksOf(model)).toEqual(linksOf(buildModel(POST, records)));
    }
  });

  it('keeps the analyser for the rebuild with the feed’s comments', async () => {
    const analyse = vi.fn<Analyser>(async (input) => analyseThreads(input));
    const first = await buildModelInSlices(POST, records, undefined, undefined, undefined, analyse);
    const second = await buildModelInSlices(POST, more, first);
    expect(analyse).toHaveBeenCalledTimes(2);
    expect(analyse.mock.calls[1]![0].comments.map((c) => c.id)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(second.analysedIn).toBe('background');
    expect(linksOf(second)).toEqual(linksOf(buildModel(POST, more)));
  });

  it('without an analyser, analyses in the page as before', async () => {
    const model = await buildModelInSlices(POST, records);
    expect(model.analysedIn).toBe('page');
    expect(linksOf(model)).toEqual(linksOf(buildModel(POST, records)));
  });
});
