import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadRecordPages } from '../../../scripts/bench-threads';
import { serveAnalysisPort } from '../../../src/background/analysis';
import { analyseInBackground } from '../../../src/content/background-analysis';
import type { MessagePort } from '../../../src/shared/browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../support/fake-browser')).createFakeBrowser() }));
import { analyseThreads } from '../../../src/threads/analysis';
import { ANALYSIS_BATCH, ANALYSIS_PORT } from '../../../src/threads/analysis-protocol';

/** Two connected ports, each message JSON-cloned and delivered in a later task, as Chrome's messaging does. */
function portPair(name: string): { page: MessagePort; background: MessagePort; sent: unknown[] } {
  const listeners: Array<Array<(message: unknown) => void>> = [[], []];
  const disconnects: Array<Array<() => void>> = [[], []];
  const sent: unknown[] = [];
  let open = true;
  const end = (self: 0 | 1): MessagePort => ({
    name,
    postMessage(message) {
      if (!open) throw new Error('Attempting to use a disconnected port object');
      if (self === 0) sent.push(message);
      const copy = JSON.parse(JSON.stringify(message));
      setTimeout(() => {
        if (open) for (const listener of [...listeners[1 - self]!]) listener(copy);
      }, 0);
    },
    onMessage(listener) {
      listeners[self]!.push(listener);
      return () => listeners[self]!.splice(listeners[self]!.indexOf(listener), 1);
    },
    onDisconnect(listener) {
      disconnects[self]!.push(listener);
      return () => disconnects[self]!.splice(disconnects[self]!.indexOf(listener), 1);
    },
    disconnect() {
      if (!open) return;
      open = false;
      setTimeout(() => {
        for (const listener of disconnects[1 - self]!) listener();
      }, 0);
    },
  });
  return { page: end(0), background: end(1), sent };
}

const pages = loadRecordPages();
const largest = pages.reduce((a, b) => (b.comments.length > a.comments.length ? b : a));
const input = { comments: largest.comments, postBodyText: largest.postBodyText };

afterEach(() => {
  vi.useRealTimers();
});

describe('the text analysis in the background', () => {
  it('answers with exactly what the page would compute, the comments sent in batches', async () => {
    const pair = portPair(ANALYSIS_PORT);
    serveAnalysisPort(pair.background);
    const analysis = await analyseInBackground(input, () => pair.page);
    const local = analyseThreads(input);
    expect(analysis).not.toBeNull();
    expect([...analysis!.inferred]).toEqual([...local.inferred]);
    expect([...analysis!.handles]).toEqual([...local.handles]);
    expect([...analysis!.signers]).toEqual([...local.signers]);
    const batches = pair.sent.filter((message) => (message as { type: string }).type === 'comments') as Array<{ comments: object[] }>;
    expect(batches.length).toBe(Math.ceil(input.comments.length / ANALYSIS_BATCH));
    // Only what inference reads crosses: not the bodies' HTML.
    expect(Object.keys(batches[0]!.comments[0]!).sort()).toEqual([
      'author',
      'displayTime',
      'id',
      'isBlogOwner',
      'parentId',
      'publishedMs',
      'removed',
      'text',
    ]);
  });

  it('gives null (the page then infers by itself) when the background refuses a message', async () => {
    const pair = portPair(ANALYSIS_PORT);
    serveAnalysisPort(pair.background);
    const bad = { comments: [{ ...input.comments[0]!, publishedMs: 'soon' as unknown as number }], postBodyText: '' };
    await expect(analyseInBackground(bad, () => pair.page)).resolves.toBeNull();
  });

  it('gives null when there is no background to connect to', async () => {
    await expect(
      analyseInBackground(input, () => {
        throw new Error('Extension context invalidated.');
      }),
    ).resolves.toBeNull();
  });

  it('gives null when the background goes away before answering', async () => {
    const pair = portPair(ANALYSIS_PORT);
    pair.background.onMessage(() => pair.background.disconnect());
    await expect(analyseInBackground(input, () => pair.page)).resolves.toBeNull();
  });

  it('gives null when a part has the wrong shape, and when the port throws as it is closed', async () => {
    const pair = portPair(ANALYSIS_PORT);
    pair.background.onMessage((message) => {
      if ((message as { type: string }).type !== 'analyse') return;
      pair.background.postMessage({ type: 'part', strings: [], links: [['1', 'not a link']], handles: [], signers: [] });
      pair.background.postMessage({ type: 'done' });
    });
    await expect(analyseInBackground(input, () => pair.page)).resolves.toBeNull();

    const dead = portPair(ANALYSIS_PORT);
    serveAnalysisPort(dead.background);
    const page: MessagePort = {
      ...dead.page,
      disconnect() {
        throw new Error('Extension context invalidated.');
      },
    };
    const analysis = await analyseInBackground({ comments: input.comments.slice(0, 5), postBodyText: '' }, () => page);
    expect(analysis?.inferred.size).toBe(5);
  });

  it('gives null when no answer comes in time', async () => {
    vi.useFakeTimers();
    const pair = portPair(ANALYSIS_PORT);
    const answer = analyseInBackground({ comments: input.comments.slice(0, 3), postBodyText: '' }, () => pair.page, 5_000);
    await vi.advanceTimersByTimeAsync(5_001);
    await expect(answer).resolves.toBeNull();
  });
});
