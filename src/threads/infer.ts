/** Reply inference: combines time references, quotes and names with Blogger's own parents into one link per comment. */
import { displayedClock } from './display-time';
import { extractQuotes, isQuoteLongEnough, normalisedWords, openingSentenceWords, ownText, QuoteIndex, type QuotedSpan } from './quote-index';
import { findNameMentions, findSignature, isAddressableName, nameKey, type Signature } from './signatures';
import { ClockIndex, findTimeRefs } from './time-refs';
import type { InferenceComment, InferenceInput, LinkSource, ReplyLink } from './types';

/** The On Probation blog's author signs "JB" and is called "Jim": naming him means answering the post. */
export const DEFAULT_BLOG_AUTHOR_NAMES: readonly string[] = ['JB', 'Jim', 'Jim Brown'];

/** How much each kind of evidence is trusted. */
export const CONFIDENCE = {
  blogger: 1,
  markedTime: 0.95,
  quote: 0.9,
  bareTime: 0.85,
  name: 0.75,
  /** An opening sentence that repeats an earlier comment's words without quote marks. */
  echo: 0.7,
  /** Subtracted when several earlier comments fit the same evidence. */
  ambiguityPenalty: 0.1,
} as const;

/**
 * Evidence strong enough to move a Blogger reply out of the thread it was posted in: only a marked time ("@21:07").
 * Clicking Reply chose the thread; a quote in a reply usually quotes what the thread is about.
 */
const LEAVE_THREAD_CONFIDENCE = CONFIDENCE.markedTime;
const EVIDENCE_MAX_CHARS = 80;

interface Candidate {
  /** Chronological rank of the target comment, or -1 for the post. */
  target: number;
  source: Exclude<LinkSource, 'blogger'>;
  evidence: string;
  confidence: number;
  position: number;
}

/**
 * One link per comment id: Blogger's parent by default, moved only on evidence in the text (a time reference,
 * a quote, a name). Targets are always earlier comments, so the result has no cycles; it is deterministic.
 * The map lists the comments in page order.
 */
export function inferReplies(input: InferenceInput): Map<string, ReplyLink> {
  const steps = inferenceSteps(input);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** Options of inferRepliesInSlices. */
export interface SliceOptions {
  /** Work at most about this long before giving the main thread back (default 8 ms). */
  sliceMs?: number;
  /** How to give the main thread back (default: a zero-delay timeout). */
  yieldToMain?: () => Promise<void>;
}

/**
 * The same result as inferReplies, computed in slices of about `sliceMs` with the main thread given back in between,
 * so a page of hundreds of comments never blocks input for long.
 */
export async function inferRepliesInSlices(input: InferenceInput, options: SliceOptions = {}): Promise<Map<string, ReplyLink>> {
  const sliceMs = options.sliceMs ?? 8;
  const yieldToMain = options.yieldToMain ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const steps = inferenceSteps(input);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await yieldToMain();
      sliceStart = performance.now();
    }
  }
}

/** Comments handled between two chances to yield. */
const COMMENTS_PER_STEP = 8;

/** The inference as a generator: each `next()` handles a few comments, in the order they were posted. */
function* inferenceSteps(input: InferenceInput): Generator<void, Map<string, ReplyLink>, void> {
  const comments = uniqueById(input.comments);
  const order = chronologicalOrder(comments);
  const byRank = order.map((pageIndex) => comments[pageIndex]!);
  const rankOfId = new Map(byRank.map((comment, rank) => [comment.id, rank]));
  const threadOfId = new Map(comments.map((c) => [c.id, c.parentId ?? c.id]));

  const clocks = byRank.map((c) => displayedClock(c.displayTime, c.publishedMs));
  const blogUsesTwelveHour = clocks.some((clock) => clock?.twelveHour === true);
  const clockIndex = new ClockIndex<number>();
  const quoteIndex = new QuoteIndex<number>();
  const postIndex = new QuoteIndex<number>();
  postIndex.add(-1, input.postBodyText);
  const names = new NameBook(input, comments);
  yield;

  const links = new Map<string, ReplyLink>();
  for (let rank = 0; rank < byRank.length; rank += 1) {
    const comment = byRank[rank]!;
    const thread = comment.parentId ?? comment.id;
    const text = comment.removed ? null : analyse(comment.text);
    const candidates = text
      ? [
          ...timeCandidates(comment, thread, clockIndex, blogUsesTwelveHour),
          ...quoteCandidates(text, thread, quoteIndex, postIndex, byRank, threadOfId),
          ...nameCandidates(text, names),
        ]
      : [];
    links.set(comment.id, chooseLink(comment, thread, candidates, byRank, threadOfId, rankOfId));
    if (clocks[rank]) clockIndex.add(rank, clocks[rank]!, thread);
    if (text) remember(comment, text, rank, quoteIndex, names);
    if (rank % COMMENTS_PER_STEP === COMMENTS_PER_STEP - 1) yield;
  }
  return new Map(comments.map((c) => [c.id, links.get(c.id)!]));
}

/** What the text of one comment offers, worked out once. */
interface TextAnalysis {
  text: string;
  quotes: QuotedSpan[];
  /** The text without its quoted passages. */
  own: string;
  ownWords: string[];
  signature: Signature | null;
}

function analyse(text: string): TextAnalysis {
  const quotes = extractQuotes(text);
  const own = ownText(text, quotes);
  return { text, quotes, own, ownWords: normalisedWords(own), signature: findSignature(text) };
}

function uniqueById(comments: InferenceComment[]): InferenceComment[] {
  const seen = new Set<string>();
  return comments.filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)));
}

/**
 * Page indices in the order the comments were posted. A comment without a creation time takes the time of the
 * comment before it on the page; page order breaks ties.
 */
function chronologicalOrder(comments: InferenceComment[]): number[] {
  let lastKnown = -Infinity;
  const keys = comments.map((c) => {
    if (Number.isFinite(c.publishedMs)) lastKnown = c.publishedMs;
    return lastKnown;
  });
  return comments.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);
}

/** Where each known name points: the latest comment signed with it, or the post (-1). */
class NameBook {
  private readonly targets = new Map<string, number>();
  private readonly firstWordSet = new Set<string>();
  private readonly blogAuthorKeys = new Set<string>();

  constructor(input: InferenceInput, comments: InferenceComment[]) {
    const postSignature = findSignature(input.postBodyText);
    if (postSignature) this.point(nameKey(postSignature.name), -1);
    for (const match of input.postBodyText.matchAll(/(?<![\p{L}\p{N}])['‘](\p{Lu}[\p{L}-]+)(?![\p{L}'’])/gu)) {
      if (isAddressableName(match[1]!)) this.point(nameKey(match[1]!), -1); // "regular reader 'Getafix"
    }
    const authorNames = [...(input.blogAuthorNames ?? DEFAULT_BLOG_AUTHOR_NAMES)];
    for (const c of comments) if (c.isBlogOwner && isAddressableName(c.author)) authorNames.push(c.author);
    for (const name of authorNames) {
      this.point(nameKey(name), -1);
      this.blogAuthorKeys.add(nameKey(name));
    }
  }

  private point(key: string, rank: number): void {
    this.targets.set(key, rank);
    this.firstWordSet.add(key.split(' ')[0]!);
  }

  firstWords(): Iterable<string> {
    return this.firstWordSet;
  }

  has(key: string): boolean {
    return this.targets.has(key);
  }

  target(key: string): number {
    return this.targets.get(key) ?? -1;
  }

  /** A later signature takes the name over, except the blog author's names, which always mean the post. */
  sign(name: string, rank: number): void {
    const key = nameKey(name);
    if (!this.blogAuthorKeys.has(key)) this.point(key, rank);
  }
}

function timeCandidates(comment: InferenceComment, thread: string, clockIndex: ClockIndex<number>, blogUsesTwelveHour: boolean): Candidate[] {
  const candidates: Candidate[] = [];
  for (const ref of findTimeRefs(comment.text, blogUsesTwelveHour)) {
    const found = clockIndex.resolve(ref, thread);
    if (!found) continue;
    const base = ref.explicit ? CONFIDENCE.markedTime : CONFIDENCE.bareTime;
    candidates.push({
      target: found.value,
      source: 'time',
      evidence: ref.evidence,
      confidence: base - (found.ambiguous ? CONFIDENCE.ambiguityPenalty : 0),
      position: ref.index,
    });
  }
  return candidates;
}

function quoteCandidates(
  analysis: TextAnalysis,
  thread: string,
  quoteIndex: QuoteIndex<number>,
  postIndex: QuoteIndex<number>,
  byRank: InferenceComment[],
  threadOfId: Map<string, string>,
): Candidate[] {
  const candidates: Candidate[] = [];
  for (const quote of analysis.quotes) {
    const words = normalisedWords(quote.text);
    if (!isQuoteLongEnough(words) || postIndex.contains(words)) continue;
    const sources = quoteIndex.find(words).sort((a, b) => a - b);
    if (sources.length === 0) continue;
    const sameThread = sources.filter((rank) => threadOfId.get(byRank[rank]!.id) === thread);
    const target = (sameThread.length > 0 ? sameThread : sources).at(-1)!;
    candidates.push({
      target,
      source: 'quote',
      evidence: shorten(quote.text),
      confidence: CONFIDENCE.quote - (sources.length > 1 ? CONFIDENCE.ambiguityPenalty : 0),
      position: quote.start,
    });
  }
  const own = analysis.own;
  const opening = openingSentenceWords(own);
  if (opening && !postIndex.contains(opening)) {
    const sources = quoteIndex.find(opening);
    if (sources.length === 1) {
      candidates.push({
        target: sources[0]!,
        source: 'quote',
        evidence: shorten(own.trim().split('\n')[0]!),
        confidence: CONFIDENCE.echo,
        position: own.search(/\S/),
      });
    }
  }
  return candidates;
}

function nameCandidates(analysis: TextAnalysis, names: NameBook): Candidate[] {
  const { signature, text } = analysis;
  const searched = signature ? text.slice(0, signature.index) : text;
  return findNameMentions(searched, names).map((mention) => ({
    target: names.target(mention.key),
    source: 'name' as const,
    evidence: mention.evidence,
    confidence: CONFIDENCE.name,
    position: mention.index,
  }));
}

/**
 * Precedence: stronger evidence first, then what comes first in the text. A Blogger reply stays in its thread
 * unless an unambiguous marked time points elsewhere; quotes and names never take a reply out of its thread.
 */
function chooseLink(
  comment: InferenceComment,
  thread: string,
  candidates: Candidate[],
  byRank: InferenceComment[],
  threadOfId: Map<string, string>,
  rankOfId: Map<string, number>,
): ReplyLink {
  const bloggerLink: ReplyLink = { parentId: comment.parentId, source: 'blogger', evidence: '', confidence: CONFIDENCE.blogger };
  const isReply = comment.parentId !== null && rankOfId.has(comment.parentId);
  const inThread = (c: Candidate): boolean => c.target >= 0 && threadOfId.get(byRank[c.target]!.id) === thread;
  const allowed = candidates.filter(
    (c) => !isReply || inThread(c) || (c.target >= 0 && c.source === 'time' && c.confidence >= LEAVE_THREAD_CONFIDENCE),
  );
  allowed.sort((a, b) => Number(isReply && inThread(b)) - Number(isReply && inThread(a)) || b.confidence - a.confidence || a.position - b.position);
  const best = allowed[0];
  if (!best) return bloggerLink;
  const parentId = best.target >= 0 ? byRank[best.target]!.id : null;
  if (parentId === comment.parentId && parentId !== null) return { ...bloggerLink, evidence: best.evidence };
  return { parentId, source: best.source, evidence: best.evidence, confidence: best.confidence };
}

/** Makes a comment findable by later ones: its own words for quotes, its signature and name for names. */
function remember(comment: InferenceComment, analysis: TextAnalysis, rank: number, quoteIndex: QuoteIndex<number>, names: NameBook): void {
  quoteIndex.addWords(rank, analysis.ownWords);
  if (analysis.signature) names.sign(analysis.signature.name, rank);
  if (isAddressableName(comment.author) && !comment.isBlogOwner) names.sign(comment.author, rank);
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EVIDENCE_MAX_CHARS ? flat : `${flat.slice(0, EVIDENCE_MAX_CHARS - 1)}…`;
}
