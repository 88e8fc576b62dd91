/** Reply inference: combines time references, quotes and names with Blogger's own parents into one link per comment. */
import { displayedClock } from './display-time';
import {
  extractQuotes,
  isQuoteLongEnough,
  normalisedWords,
  openingSentenceWords,
  ownText,
  QuoteIndex,
  type QuotedSpan,
  quoteQuery,
  textShingles,
  textShinglesOf,
  wordsNeededWhenShared,
} from './quote-index';
import { RankQuoteIndex } from './rank-quote-index';
import { findNameMentions, findSignature, isAddressableName, type NameMention, nameKey, type Signature } from './signatures';
import { isSameText, type KeyedText, sameKey } from './text-key';
import { ClockIndex, findTimeMentions } from './time-refs';
import type { ConsideredLink, InferenceComment, InferenceInput, LinkSource, ReplyLink } from './types';

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
/** At most this many pieces of evidence are kept to explain one link (a repost can match dozens of copies). */
const MAX_CONSIDERED = 8;

interface Candidate {
  /** Chronological rank of the target comment, or -1 for the post. */
  target: number;
  source: Exclude<LinkSource, 'blogger' | 'reader'>;
  evidence: string;
  confidence: number;
  position: number;
  /** Set when the evidence was weighed and turned down: why. */
  rejected?: string;
}

/** Evidence noticed but pointing nowhere usable (no target, or read as prose): kept only to explain the link. */
type Rejection = Omit<Candidate, 'target'> & { target: number | null; rejected: string };

/**
 * One link per comment id: Blogger's parent by default, moved only on evidence in the text (a time reference,
 * a quote, a name). Targets are always earlier comments, so the result has no cycles; it is deterministic.
 * The map lists the comments in page order.
 */
export function inferReplies(input: InferenceInput, memo?: InferenceMemo): Map<string, ReplyLink> {
  const steps = inferenceSteps(input, memo);
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
  /** Analyses of texts seen by an earlier run (the first page of comments, before the feed's): reused, not redone. */
  memo?: InferenceMemo;
}

/**
 * What one inference run learnt about texts, for the next run over the same post (more comments, same texts):
 * each text's quotes, words, shingles and signature depend on the text alone, so they are kept, not recomputed.
 */
export class InferenceMemo {
  /** @internal */
  readonly analysed = new Map<string, TextAnalysis>();
}

/**
 * The same result as inferReplies, computed in slices of about `sliceMs` with the main thread given back in between,
 * so a page of hundreds of comments never blocks input for long.
 */
export async function inferRepliesInSlices(input: InferenceInput, options: SliceOptions = {}): Promise<Map<string, ReplyLink>> {
  const sliceMs = options.sliceMs ?? 8;
  const yieldToMain = options.yieldToMain ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const steps = inferenceSteps(input, options.memo);
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
function* inferenceSteps(input: InferenceInput, memo?: InferenceMemo): Generator<void, Map<string, ReplyLink>, void> {
  const ids = new Set<string>();
  const comments = uniqueById(input.comments, ids);
  const order = chronologicalOrder(comments);
  const byRank = order.map((pageIndex) => comments[pageIndex]!);
  /** The thread each comment was posted in (Blogger's parent, or itself), by rank. */
  const threadOfRank = byRank.map((c) => c.parentId ?? c.id);

  const clocks = byRank.map((c) => displayedClock(c.displayTime, c.publishedMs));
  const blogUsesTwelveHour = clocks.some((clock) => clock?.twelveHour === true);
  const clockIndex = new ClockIndex<number>();
  const quoteIndex = new RankQuoteIndex();
  /** What earlier comments put in quote marks: two comments quoting the same words quote an outside source. */
  const quotedIndex = new RankQuoteIndex();
  const postIndex = new QuoteIndex<number>();
  postIndex.add(-1, input.postBodyText);
  const names = new NameBook(input, comments);
  const analyses: Array<TextAnalysis | null> = [];
  // Texts repeat (double posts, reposts, a pasted slogan): each distinct text is analysed once.
  const analysed = memo?.analysed ?? new Map<string, TextAnalysis>();
  for (let rank = 0; rank < byRank.length; rank += 1) {
    const comment = byRank[rank]!;
    const analysis = comment.removed ? null : analysisOf(comment.text, analysed);
    analyses.push(analysis);
    if (rank % COMMENTS_PER_STEP === COMMENTS_PER_STEP - 1) yield;
  }
  const page: PageContext = { quoteIndex, quotedIndex, postIndex, threadOfRank, analyses };
  yield;

  /** Each comment's link by its place on the page (order maps ranks to places). */
  const linkByPlace = new Array<ReplyLink>(comments.length);
  // Scratch lists of one comment's evidence, emptied for the next (chooseLink copies what it keeps).
  const rejections: Rejection[] = [];
  const candidates: Candidate[] = [];
  for (let rank = 0; rank < byRank.length; rank += 1) {
    const comment = byRank[rank]!;
    const thread = comment.parentId ?? comment.id;
    const text = analyses[rank] ?? null;
    rejections.length = 0;
    candidates.length = 0;
    if (text) {
      timeCandidates(comment, thread, clockIndex, blogUsesTwelveHour, candidates, rejections);
      quoteCandidates(text, rank, thread, page, candidates, rejections);
      nameCandidates(text, names, candidates);
    }
    linkByPlace[order[rank]!] = chooseLink(comment, thread, candidates, rejections, byRank, threadOfRank, ids);
    if (clocks[rank]) clockIndex.add(rank, clocks[rank]!, thread);
    if (text) remember(comment, text, rank, quoteIndex, quotedIndex, names);
    if (rank % COMMENTS_PER_STEP === COMMENTS_PER_STEP - 1) yield;
  }
  const links = new Map<string, ReplyLink>();
  for (let place = 0; place < comments.length; place += 1) links.set(comments[place]!.id, linkByPlace[place]!);
  return links;
}

/** What the text of one comment offers, worked out once (its key, for telling reposts apart, when first needed). */
interface TextAnalysis extends KeyedText {
  quotes: QuotedSpan[];
  /** The text without its quoted passages. */
  own: string;
  /** The own words' shingles, as the quote index stores them. */
  ownShingles: number[];
  /** Each quoted passage's normalised words, in the order of `quotes`. */
  quoteWords: string[][];
  /** Each quoted passage's shingles (as stored) and lookup query (as searched for), in the order of `quotes`. */
  quoteShingles: number[][];
  quoteQueries: number[][];
  /** The opening sentence's words when long enough to be an unmarked echo (openingSentenceWords), and their query. */
  opening: string[] | null;
  openingQuery: number[] | null;
  signature: Signature | null;
  /** Evidence strings, shortened the first time a comment with this text needs them. */
  quoteEvidence: Array<string | undefined>;
  openingEvidence?: string;
  openingPosition?: number;
  /** The names mentioned, as of the name book with `size` names. */
  nameMentions?: { names: NameBook; size: number; mentions: NameMention[] };
}

/** The text's analysis, from `analysed` when the same text was seen before (an analysis is never changed once made). */
function analysisOf(text: string, analysed: Map<string, TextAnalysis>): TextAnalysis {
  let analysis = analysed.get(text);
  if (!analysis) {
    analysis = analyse(text);
    analysed.set(text, analysis);
  }
  return analysis;
}

function analyse(text: string): TextAnalysis {
  const quotes = extractQuotes(text);
  const own = ownText(text, quotes);
  const quoteWords = quotes.map((quote) => normalisedWords(quote.text));
  const opening = openingSentenceWords(own);
  return {
    text,
    quotes,
    own,
    ownShingles: textShinglesOf(own),
    quoteWords,
    quoteShingles: quoteWords.map(textShingles),
    quoteQueries: quoteWords.map(quoteQuery),
    opening,
    openingQuery: opening ? quoteQuery(opening) : null,
    signature: findSignature(text),
    quoteEvidence: [],
  };
}

/** What quote evidence is weighed against: the earlier comments' own words, what they quoted, the post. */
interface PageContext {
  quoteIndex: RankQuoteIndex;
  quotedIndex: RankQuoteIndex;
  postIndex: QuoteIndex<number>;
  threadOfRank: string[];
  analyses: Array<TextAnalysis | null>;
}

/** The comments without repeated ids (the first of each kept); `ids` gets every id. */
function uniqueById(comments: InferenceComment[], ids: Set<string>): InferenceComment[] {
  const unique: InferenceComment[] = [];
  for (const comment of comments)
    if (!ids.has(comment.id)) {
      ids.add(comment.id);
      unique.push(comment);
    }
  return unique;
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
    if (!this.targets.has(key)) this.firstWordSet.add(key.split(' ')[0]!);
    this.targets.set(key, rank);
  }

  /** How many names are known: names are never forgotten, so the same count means the same names. */
  get size(): number {
    return this.targets.size;
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

  /** Signs with a comment's author name when it can be addressed ("Anonymous" cannot); worked out once per author. */
  signAuthor(author: string, rank: number): void {
    let addressable = this.addressableAuthors.get(author);
    if (addressable === undefined) this.addressableAuthors.set(author, (addressable = isAddressableName(author)));
    if (addressable) this.sign(author, rank);
  }

  private readonly addressableAuthors = new Map<string, boolean>();
}

function timeCandidates(
  comment: InferenceComment,
  thread: string,
  clockIndex: ClockIndex<number>,
  blogUsesTwelveHour: boolean,
  candidates: Candidate[],
  rejections: Rejection[],
): void {
  for (const ref of findTimeMentions(comment.text, blogUsesTwelveHour)) {
    const found = clockIndex.resolve(ref, thread);
    if (!found) continue;
    const base = ref.explicit ? CONFIDENCE.markedTime : CONFIDENCE.bareTime;
    const candidate: Candidate = {
      target: found.value,
      source: 'time',
      evidence: ref.evidence,
      confidence: base - (found.ambiguous ? CONFIDENCE.ambiguityPenalty : 0),
      position: ref.index,
    };
    if (ref.prose) rejections.push({ ...candidate, rejected: `a time in what is said, not a handle (${ref.prose})` });
    else candidates.push(candidate);
  }
}

function quoteCandidates(
  analysis: TextAnalysis,
  rank: number,
  thread: string,
  page: PageContext,
  candidates: Candidate[],
  rejections: Rejection[],
): void {
  if (analysis.quotes.length === 0 && analysis.openingQuery === null) return; // nothing to look up
  const { quoteIndex, quotedIndex, postIndex, threadOfRank, analyses } = page;
  // Earlier comments that quote what this one quotes: both quote an outside source, so neither answers the other.
  const { quoteWords } = analysis;
  let quotersOf: number[][] = NO_QUOTERS;
  let coQuoters: Set<number> | null = null;
  if (quoteWords.length > 0) {
    quotersOf = quoteWords.map((words, i) => (isQuoteLongEnough(words) ? quotedIndex.findQuery(analysis.quoteQueries[i]!) : []));
    for (const quoters of quotersOf) for (const r of quoters) (coQuoters ??= new Set()).add(r);
  }

  for (let i = 0; i < analysis.quotes.length; i += 1) {
    const quote = analysis.quotes[i]!;
    const words = quoteWords[i]!;
    if (!isQuoteLongEnough(words)) continue;
    const query = analysis.quoteQueries[i]!;
    const found = quoteIndex.findQuery(query, FOUND).sort(byNumber);
    if (found.length === 0) continue;
    const evidence = (analysis.quoteEvidence[i] ??= shorten(quote.text));
    if (postIndex.containsQuery(query)) {
      rejectQuote(rejections, found.at(-1)!, evidence, CONFIDENCE.quote, quote.start, 'the words are in the post');
      continue;
    }
    // How many earlier comments carry the words, in their own words or quoted; copies of one text count once.
    const usedBy = distinctTexts(found, rank, analysis, analyses);
    const quotedBy = distinctTexts(quotersOf[i]!, rank, analysis, analyses);
    const needed = wordsNeededWhenShared(usedBy, quotedBy);
    if (words.length < needed) {
      const why = `words ${usedBy + quotedBy} other comments carry: ${needed} needed, ${words.length} quoted`;
      rejectQuote(rejections, found.at(-1)!, evidence, CONFIDENCE.quote, quote.start, why);
      continue;
    }
    // The latest usable source, the latest in this comment's thread if any.
    let sourceCount = 0;
    let latest = -1;
    let latestInThread = -1;
    for (const r of found) {
      const why = unusableSource(r, analysis, analyses, coQuoters);
      if (why) {
        rejectQuote(rejections, r, evidence, CONFIDENCE.quote, quote.start, why);
        continue;
      }
      sourceCount += 1;
      latest = r;
      if (threadOfRank[r] === thread) latestInThread = r;
    }
    if (sourceCount === 0) continue;
    candidates.push({
      target: latestInThread >= 0 ? latestInThread : latest,
      source: 'quote',
      evidence,
      confidence: CONFIDENCE.quote - (sourceCount > 1 ? CONFIDENCE.ambiguityPenalty : 0),
      position: quote.start,
    });
  }
  const own = analysis.own;
  const opening = analysis.openingQuery;
  if (opening && !postIndex.containsQuery(opening)) {
    const found = quoteIndex.findQuery(opening, FOUND);
    if (found.length === 0) return;
    let sourceCount = 0;
    let onlySource = -1;
    for (const r of found)
      if (unusableSource(r, analysis, analyses, coQuoters) === null) {
        sourceCount += 1;
        onlySource = r;
      }
    const position = (analysis.openingPosition ??= own.search(/\S/));
    // The first line (of own.trim()); shorten evens out spacing, so what ends the line does not matter.
    const evidence = (analysis.openingEvidence ??= shorten(position < 0 ? '' : own.slice(position, lineEnd(own, position))));
    if (sourceCount === 1) candidates.push({ target: onlySource, source: 'quote', evidence, confidence: CONFIDENCE.echo, position });
    for (const r of found) {
      if (rejections.length >= MAX_CONSIDERED) break;
      const why = unusableSource(r, analysis, analyses, coQuoters) ?? (sourceCount > 1 ? 'the same words are in several earlier comments' : null);
      if (why) rejections.push({ target: r, source: 'quote', evidence, confidence: CONFIDENCE.echo, position, rejected: why });
    }
  }
}

const byNumber = (a: number, b: number): number => a - b;

/** Scratch result of one quote lookup, used up before the next (inference runs one lookup at a time). */
const FOUND: number[] = [];

/** Why an earlier comment cannot be the source of words this one repeats, or null when it can. */
function unusableSource(r: number, analysis: TextAnalysis, analyses: Array<TextAnalysis | null>, coQuoters: Set<number> | null): string | null {
  if (isSameText(analysis, analyses[r]!)) return 'the same text posted again, not a reply';
  return coQuoters?.has(r) ? 'both quote the same outside source' : null;
}

/** How many different texts (keys) the ranks carry, leaving out this comment and copies of its text. */
function distinctTexts(ranks: number[], rank: number, analysis: TextAnalysis, analyses: Array<TextAnalysis | null>): number {
  const seen = SEEN_TEXTS;
  for (const r of ranks) {
    const other = analyses[r] ?? null;
    if (r === rank || isSameText(analysis, other)) continue;
    let isNew = true;
    for (const text of seen)
      if (sameKey(text, other)) {
        isNew = false;
        break;
      }
    if (isNew) seen.push(other);
  }
  const count = seen.length;
  seen.length = 0;
  return count;
}

/** Scratch of distinctTexts: one analysis per different key met. */
const SEEN_TEXTS: Array<TextAnalysis | null> = [];

/** Keeps a turned-down quote to explain the link, up to MAX_CONSIDERED pieces of evidence. */
function rejectQuote(rejections: Rejection[], target: number, evidence: string, confidence: number, position: number, why: string): void {
  if (rejections.length < MAX_CONSIDERED) rejections.push({ target, source: 'quote', evidence, confidence, position, rejected: why });
}

const NO_QUOTERS: number[][] = [];

function nameCandidates(analysis: TextAnalysis, names: NameBook, candidates: Candidate[]): void {
  // The mentions found last time for this text hold while no name was added since (names are never removed).
  let cached = analysis.nameMentions;
  if (cached === undefined || cached.names !== names || cached.size !== names.size) {
    const { signature, text, quotes } = analysis;
    // Names inside quoted passages are someone else's words: blank them out (same length, so positions hold).
    let searched = signature ? text.slice(0, signature.index) : text;
    for (const quote of quotes)
      searched =
        searched.slice(0, quote.start) + ' '.repeat(Math.max(0, Math.min(searched.length, quote.end) - quote.start)) + searched.slice(quote.end);
    cached = analysis.nameMentions = { names, size: names.size, mentions: findNameMentions(searched, names) };
  }
  for (const mention of cached.mentions)
    candidates.push({
      target: names.target(mention.key),
      source: 'name',
      evidence: mention.evidence,
      confidence: CONFIDENCE.name,
      position: mention.index,
    });
}

/**
 * Precedence: stronger evidence first, then what comes first in the text. A Blogger reply stays in its thread
 * unless an unambiguous marked time points elsewhere; quotes and names never take a reply out of its thread.
 */
function chooseLink(
  comment: InferenceComment,
  thread: string,
  candidates: Candidate[],
  rejections: Rejection[],
  byRank: InferenceComment[],
  threadOfRank: string[],
  ids: Set<string>,
): ReplyLink {
  if (candidates.length === 0 && rejections.length === 0)
    return { parentId: comment.parentId, source: 'blogger', evidence: '', confidence: CONFIDENCE.blogger }; // most comments: nothing to weigh
  const isReply = comment.parentId !== null && ids.has(comment.parentId);
  // The best allowed candidate: in the thread first (for a reply), then the most confident, then the first in the text.
  let best: Candidate | undefined;
  let bestInThread = false;
  for (const c of candidates) {
    const inThread = c.target >= 0 && threadOfRank[c.target] === thread;
    if (leavesThread(c, isReply, inThread)) continue;
    if (
      best === undefined ||
      (isReply && inThread && !bestInThread) ||
      ((!isReply || inThread === bestInThread) &&
        (c.confidence > best.confidence || (c.confidence === best.confidence && c.position < best.position)))
    ) {
      best = c;
      bestInThread = inThread;
    }
  }
  const considered: ConsideredLink[] = [];
  if (best) consider(considered, byRank, best, undefined);
  const bestId = best ? idOfRank(byRank, best.target) : null;
  for (const c of candidates) {
    if (c === best) continue;
    if (leavesThread(c, isReply, c.target >= 0 && threadOfRank[c.target] === thread))
      consider(considered, byRank, c, 'a Blogger reply stays in its thread on this evidence');
    else if (best && idOfRank(byRank, c.target) === bestId) consider(considered, byRank, c, 'agrees with the stronger evidence');
    else consider(considered, byRank, c, 'weaker than the evidence taken');
  }
  for (const r of rejections) consider(considered, byRank, r, r.rejected);
  // Object literals, not spreads: the same fields in the same order, without copying through a temporary.
  let parentId = comment.parentId;
  let source: ReplyLink['source'] = 'blogger';
  let evidence = '';
  let confidence: number = CONFIDENCE.blogger;
  if (best) {
    evidence = best.evidence;
    if (bestId !== comment.parentId || bestId === null) {
      parentId = bestId;
      source = best.source;
      confidence = best.confidence;
    }
  }
  return considered.length > 0 ? { parentId, source, evidence, confidence, considered } : { parentId, source, evidence, confidence };
}

/** A Blogger reply leaves its thread only for a marked time; quotes and names never take it out. */
function leavesThread(c: Candidate, isReply: boolean, inThread: boolean): boolean {
  return isReply && !inThread && !(c.target >= 0 && c.source === 'time' && c.confidence >= LEAVE_THREAD_CONFIDENCE);
}

function idOfRank(byRank: InferenceComment[], target: number | null): string | null {
  return target !== null && target >= 0 ? byRank[target]!.id : null;
}

/** Adds a piece of evidence to explain the link, once per target, source and evidence, at most MAX_CONSIDERED. */
function consider(considered: ConsideredLink[], byRank: InferenceComment[], c: Candidate | Rejection, rejected: string | undefined): void {
  if (considered.length >= MAX_CONSIDERED) return;
  // At most MAX_CONSIDERED entries, so a scan beats a set of string keys.
  const parentId = idOfRank(byRank, c.target);
  for (const seen of considered) if (seen.parentId === parentId && seen.source === c.source && seen.evidence === c.evidence) return;
  considered.push(
    rejected
      ? { parentId, source: c.source, evidence: c.evidence, confidence: c.confidence, rejected }
      : { parentId, source: c.source, evidence: c.evidence, confidence: c.confidence },
  );
}

/** Makes a comment findable by later ones: its own words for quotes, its signature and name for names. */
function remember(
  comment: InferenceComment,
  analysis: TextAnalysis,
  rank: number,
  quoteIndex: RankQuoteIndex,
  quotedIndex: RankQuoteIndex,
  names: NameBook,
): void {
  quoteIndex.addShingles(rank, analysis.ownShingles);
  for (const shingles of analysis.quoteShingles) quotedIndex.addShingles(rank, shingles);
  if (analysis.signature) names.sign(analysis.signature.name, rank);
  if (!comment.isBlogOwner) names.signAuthor(comment.author, rank);
}

/** Where the line that goes on at `from` ends: its line break, or the end of the text. */
function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

/** The text with its spacing evened out, cut to EVIDENCE_MAX_CHARS with an ellipsis. */
function shorten(text: string): string {
  // A long text is cut to its first characters first: when they already flatten to more than can be shown, the rest
  // of the text changes nothing shown (flattening a beginning gives the beginning of the flattened text).
  if (text.length > SHORTEN_PREFIX_CHARS) {
    const start = text.slice(0, SHORTEN_PREFIX_CHARS).replace(/\s+/g, ' ').trimStart();
    if (start.length > EVIDENCE_MAX_CHARS + 1) return `${start.slice(0, EVIDENCE_MAX_CHARS - 1)}…`;
  }
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EVIDENCE_MAX_CHARS ? flat : `${flat.slice(0, EVIDENCE_MAX_CHARS - 1)}…`;
}

const SHORTEN_PREFIX_CHARS = 4 * EVIDENCE_MAX_CHARS;
