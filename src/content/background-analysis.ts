/** Asks the background to analyse the comments (src/background/analysis.ts), so the work leaves the blog page's main thread. */
import { connectToBackground, type MessagePort } from '../shared/browser';
import { type AnalysisPart, joinAnalysisParts, type ThreadAnalysis } from '../threads/analysis';
import { ANALYSIS_BATCH, ANALYSIS_PORT, type AnalysisRequest, isAnalysisReply } from '../threads/analysis-protocol';
import type { InferenceInput } from '../threads/types';

/** How long the page waits for the background before analysing by itself (a stopped worker wakes in well under this). */
export const BACKGROUND_ANALYSIS_TIMEOUT_MS = 5_000;

const yieldToMain = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The analysis done in the background, or null when it could not be (no background, a refused or failed port, no
 * answer in time): the caller then analyses in the page, so the reader never loses threads to this.
 */
export async function analyseInBackground(
  input: InferenceInput,
  connect: (name: string) => MessagePort = connectToBackground,
  timeoutMs = BACKGROUND_ANALYSIS_TIMEOUT_MS,
): Promise<ThreadAnalysis | null> {
  let port: MessagePort;
  try {
    port = connect(ANALYSIS_PORT);
  } catch {
    return null;
  }
  let parts: AnalysisPart[] = [];
  let settle: (analysis: ThreadAnalysis | null) => void = () => undefined;
  const answered = new Promise<ThreadAnalysis | null>((resolve) => {
    settle = resolve;
  });
  let settled = false;
  // Everything is let go once settled: a port the browser keeps until collected must not keep the parts alive.
  const finish = (analysis: ThreadAnalysis | null) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    parts = [];
    try {
      stopListening();
      stopWatching();
      port.disconnect();
    } catch {
      // An extension that went away under the page throws on a dead port; the answer stands all the same.
    } finally {
      settle(analysis);
    }
  };
  const timer = setTimeout(() => finish(null), timeoutMs);
  const stopListening = port.onMessage((reply) => {
    if (!isAnalysisReply(reply) || reply.type === 'failed') return finish(null);
    if (reply.type === 'part') parts.push(reply);
    else {
      let analysis: ThreadAnalysis | null = null;
      try {
        analysis = joinAnalysisParts(parts);
      } catch {
        // A part of the wrong shape: the page analyses by itself.
      }
      finish(analysis);
    }
  });
  const stopWatching = port.onDisconnect(() => finish(null));
  const send = (message: AnalysisRequest) => port.postMessage(message);
  try {
    // Each batch is serialized in its own task: thousands of comments in one message would be one long task.
    for (let start = 0; start < input.comments.length && !settled; start += ANALYSIS_BATCH) {
      if (start > 0) await yieldToMain();
      if (!settled) send({ type: 'comments', comments: input.comments.slice(start, start + ANALYSIS_BATCH).map(inferenceFields) });
    }
    if (!settled)
      send({ type: 'analyse', postBodyText: input.postBodyText, ...(input.blogAuthorNames ? { blogAuthorNames: input.blogAuthorNames } : {}) });
  } catch {
    finish(null);
  }
  return answered;
}

/** Only the fields inference reads (the model's records carry the HTML and more, which need not cross). */
function inferenceFields(comment: InferenceInput['comments'][number]): InferenceInput['comments'][number] {
  const { id, parentId, author, isBlogOwner, publishedMs, displayTime, removed, text } = comment;
  return { id, parentId, author, isBlogOwner, publishedMs, displayTime, removed, text };
}
