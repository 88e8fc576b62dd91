/** What the thread view learns from the comments' texts (links, handles, signers), in one call, and in parts for a port. */
import { conversationHandles } from './handles';
import { inferReplies } from './infer';
import { type SignerMark, signerMarks } from './signers';
import type { ConsideredLink, InferenceInput, LinkSource, ReplyLink } from './types';

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

/** A considered piece of evidence on the wire: strings as indexes into the string table; -1: none (the post, no rejection). */
type WireConsidered = [parentId: number, source: ConsideredLink['source'], evidence: number, confidence: number, rejected: number];
/** A link on the wire; 0: no `considered` list. */
type WireLink = [parentId: number, source: LinkSource, evidence: number, confidence: number, considered: WireConsidered[] | 0];

/**
 * One slice of an analysis as sent over a port. Maps do not cross (Chrome sends JSON), so entries; and the evidence
 * and rejection texts and the parent ids repeat across links (a pasted quote, one reason for dozens of reposts: at
 * 10,000 comments 5.3 million characters of texts, 67,000 of them distinct), so each distinct string crosses once, in
 * `strings`, which the receiver appends to its table in order, and links refer to it by index.
 */
export interface AnalysisPart {
  strings: string[];
  links: Array<[string, WireLink]>;
  handles: Array<[string, string]>;
  signers: Array<[string, SignerMark]>;
}

/** An analysis cut into parts of at most `size` comments' links each (handles and signers go with their comments' part). */
export function analysisParts(analysis: ThreadAnalysis, size: number): AnalysisPart[] {
  const table = new Map<string, number>();
  let strings: string[] = [];
  const index = (text: string): number => {
    let at = table.get(text);
    if (at === undefined) {
      at = table.size;
      table.set(text, at);
      strings.push(text);
    }
    return at;
  };
  const wireConsidered = (c: ConsideredLink): WireConsidered => [
    c.parentId === null ? -1 : index(c.parentId),
    c.source,
    index(c.evidence),
    c.confidence,
    c.rejected === undefined ? -1 : index(c.rejected),
  ];
  const links = [...analysis.inferred];
  const parts: AnalysisPart[] = [];
  for (let start = 0; start < links.length || start === 0; start += size) {
    const slice = links.slice(start, start + size);
    const wire = slice.map(([id, link]): [string, WireLink] => [
      id,
      [
        link.parentId === null ? -1 : index(link.parentId),
        link.source,
        index(link.evidence),
        link.confidence,
        link.considered ? link.considered.map(wireConsidered) : 0,
      ],
    ]);
    parts.push({
      strings,
      links: wire,
      handles: slice.flatMap(([id]) => {
        const handle = analysis.handles.get(id);
        return handle === undefined ? [] : [[id, handle] as [string, string]];
      }),
      signers: slice.flatMap(([id]) => {
        const signer = analysis.signers.get(id);
        return signer === undefined ? [] : [[id, signer] as [string, SignerMark]];
      }),
    });
    strings = [];
  }
  return parts;
}

/** Puts parts back together, in the order they were cut; each distinct string is one shared copy again. */
export function joinAnalysisParts(parts: readonly AnalysisPart[]): ThreadAnalysis {
  const analysis: ThreadAnalysis = { inferred: new Map(), handles: new Map(), signers: new Map() };
  const table: string[] = [];
  const text = (at: number): string => table[at] ?? '';
  const idOrPost = (at: number): string | null => (at === -1 ? null : text(at));
  for (const part of parts) {
    for (const string of part.strings) table.push(string);
    for (const [id, [parentId, source, evidence, confidence, considered]] of part.links) {
      const link: ReplyLink = { parentId: idOrPost(parentId), source, evidence: text(evidence), confidence };
      if (considered !== 0)
        // Plain literals, as inference builds them (a spread makes a roomier object: megabytes at 10,000 comments).
        link.considered = considered.map(
          ([target, kind, words, sure, rejected]): ConsideredLink =>
            rejected === -1
              ? { parentId: idOrPost(target), source: kind, evidence: text(words), confidence: sure }
              : { parentId: idOrPost(target), source: kind, evidence: text(words), confidence: sure, rejected: text(rejected) },
        );
      analysis.inferred.set(id, link);
    }
    for (const [id, handle] of part.handles) analysis.handles.set(id, handle);
    for (const [id, signer] of part.signers) analysis.signers.set(id, signer);
  }
  return analysis;
}
