/** Analyses a page's comments (reply inference, handles, signers) off the page's main thread, over the analysis port. */
import { onRuntimeConnect, type MessagePort } from '../shared/browser';
import { analyseThreads, analysisParts } from '../threads/analysis';
import { ANALYSIS_BATCH, ANALYSIS_PORT, type AnalysisReply, parseAnalysisRequest } from '../threads/analysis-protocol';
import type { InferenceComment } from '../threads/types';

/** Answer one port: take the batches, analyse on "analyse", send the parts back; a bad message ends the port with "failed". */
export function serveAnalysisPort(port: MessagePort): void {
  const comments: InferenceComment[] = [];
  const reply = (message: AnalysisReply) => port.postMessage(message);
  const stop = port.onMessage((raw) => {
    const parsed = parseAnalysisRequest(raw, comments.length);
    if (!parsed.ok) {
      stop();
      reply({ type: 'failed', reason: parsed.error });
      return;
    }
    const message = parsed.message;
    if (message.type === 'comments') {
      for (const comment of message.comments) comments.push(comment);
      return;
    }
    stop();
    try {
      const analysis = analyseThreads({
        comments,
        postBodyText: message.postBodyText,
        ...(message.blogAuthorNames ? { blogAuthorNames: message.blogAuthorNames } : {}),
      });
      for (const part of analysisParts(analysis, ANALYSIS_BATCH)) reply({ type: 'part', ...part });
      reply({ type: 'done' });
    } catch (error) {
      reply({ type: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  });
}

/** Serve every analysis port content scripts open (call in the background's first turn). */
export function startAnalysisService(): () => void {
  return onRuntimeConnect((port) => {
    if (port.name === ANALYSIS_PORT) serveAnalysisPort(port);
  });
}
