/** What the thread view learns from the comments' texts (links, handles, signers), in one call, and in parts for a port. */
import { conversationHandles } from './handles';
import { inferReplies } from './infer';
import { type SignerMark, signerMarks } from './signers';
import type { InferenceInput, ReplyLink } from './types';

/** Everything text analysis gives the model: inference's links, anonymous commenters' handles, the signers. */
export interface ThreadAnalysis {
  inferred: Map<string, ReplyLink>;
  handles: Map<string, string>;
  signers: Map<string, SignerMark>;
}

/** The whole analysis, in one go: what the background runs for a page (see src/background/analysis.ts). */
export function analyseThreads(input: InferenceInput): ThreadAnalysis {
  const inferred = inferReplies(input);
  return { inferred, handles: conversationHandles(input.comments, inferred), signers: signerMarks(input.comments) };
}

/** One slice of an analysis as sent over a port: Maps do not cross (Chrome sends JSON), so entries. */
export interface AnalysisPart {
  links: Array<[string, ReplyLink]>;
  handles: Array<[string, string]>;
  signers: Array<[string, SignerMark]>;
}

/** An analysis cut into parts of at most `size` comments' links each (handles and signers go with their comments' part). */
export function analysisParts(analysis: ThreadAnalysis, size: number): AnalysisPart[] {
  const links = [...analysis.inferred];
  const parts: AnalysisPart[] = [];
  for (let start = 0; start < links.length || start === 0; start += size) {
    const slice = links.slice(start, start + size);
    parts.push({
      links: slice,
      handles: slice.flatMap(([id]) => {
        const handle = analysis.handles.get(id);
        return handle === undefined ? [] : [[id, handle] as [string, string]];
      }),
      signers: slice.flatMap(([id]) => {
        const signer = analysis.signers.get(id);
        return signer === undefined ? [] : [[id, signer] as [string, SignerMark]];
      }),
    });
  }
  return parts;
}

/** Puts parts back together, in the order they were cut. */
export function joinAnalysisParts(parts: readonly AnalysisPart[]): ThreadAnalysis {
  const analysis: ThreadAnalysis = { inferred: new Map(), handles: new Map(), signers: new Map() };
  for (const part of parts) {
    for (const [id, link] of part.links) analysis.inferred.set(id, link);
    for (const [id, handle] of part.handles) analysis.handles.set(id, handle);
    for (const [id, signer] of part.signers) analysis.signers.set(id, signer);
  }
  return analysis;
}
