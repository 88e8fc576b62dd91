/** Joins the reader's records and the inferred links into what the view renders: comments, both trees, previews. */
import type { Comment, PostInfo } from '../blogger/types';
import { safeHtmlToText } from '../shared/sanitize';
import type { ThreadAnalysis } from '../threads/analysis';
import {
  conversationHandles,
  type EvidenceLevel,
  type InferenceInput,
  InferenceMemo,
  inferReplies,
  inferRepliesInSlices,
  linksAtLevel,
  postedTree,
  type ReplyLink,
  type SignerMark,
  signerMarks,
  type Suggestion,
  type ThreadTree,
  threadedTree,
} from '../threads';

/** One comment as the view needs it. */
export interface CommentEntry {
  record: Comment;
  /** Plain text of the body (for previews, search and inference). */
  text: string;
  /** Position in the blog's own order (0-based). */
  index: number;
}

/** Which tree the reader is looking at. */
export type ViewMode = 'threaded' | 'posted';

/**
 * Parents the reader set by hand, by comment id (null: the post). The core applies them over the inferred links; a
 * comment or parent that is not on the page is ignored (and kept, in case the comment comes back with the feed).
 */
export type LinkOverrides = ReadonlyMap<string, string | null>;

const NO_OVERRIDES: LinkOverrides = new Map();

/** The level a model is built at when none is given: only strong evidence moves a comment. */
export const DEFAULT_EVIDENCE_LEVEL: EvidenceLevel = 'strong';

/** Everything the view renders for one post. */
export interface ThreadModel {
  post: PostInfo;
  comments: Map<string, CommentEntry>;
  /** Comment ids in the blog's own order. */
  order: string[];
  /** The links the view uses: inference's at the evidence level, with the overrides applied (source 'reader'). */
  links: Map<string, ReplyLink>;
  /** The links as inference found them. */
  inferred: Map<string, ReplyLink>;
  /** The overrides applied. */
  overrides: LinkOverrides;
  /** How much inference moves comments (the reader's setting). */
  evidenceLevel: EvidenceLevel;
  /** Links too weak for the level, by comment id: shown as "possibly answering…", never moving the comment. */
  suggestions: Map<string, Suggestion>;
  /** Anonymous commenters' handles as the conversation uses them ("Anonymous · 21:07"), by comment id. */
  handles: Map<string, string>;
  /** The name that signs each signed comment and its colour ('Getafix, - Pearly Gates, a profile name), by comment id. */
  signers: Map<string, SignerMark>;
  trees: Record<ViewMode, ThreadTree>;
  /** What inference learnt about the texts, reused when the model is rebuilt with more comments (the feed's). */
  inferenceMemo?: InferenceMemo;
  /** Where the analysis ran when not in the page (the background), kept for the rebuild with the feed's comments. */
  analyse?: Analyser;
  /** Where this model's text analysis ran: 'background' when `analyse` answered, else 'page'. */
  analysedIn: 'background' | 'page';
}

/**
 * Analyses comments away from the page (the content entry passes one that asks the background); null when it could
 * not, and the page then infers by itself in slices, as it does when none is given.
 */
export type Analyser = (input: InferenceInput) => Promise<ThreadAnalysis | null>;

/** How long one slice of model building may run before giving the main thread back. */
const SLICE_MS = 8;

const yieldToMain = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function entriesOf(reuse?: ThreadModel) {
  return { comments: new Map<string, CommentEntry>(), order: [] as string[], reuse: reuse?.comments };
}

/** Add one record (first occurrence of an id wins); reuses the text already computed for an unchanged record. */
function addEntry(state: ReturnType<typeof entriesOf>, record: Comment): void {
  if (state.comments.has(record.id)) return;
  const previous = state.reuse?.get(record.id);
  const text = previous && previous.record.html === record.html ? previous.text : safeHtmlToText(record.html);
  state.comments.set(record.id, { record, text, index: state.order.length });
  state.order.push(record.id);
}

/** The parts of a model computed after inference: each one pass over every comment. */
type Finishing = Generator<void, ThreadModel, void>;

/**
 * The model from the inferred links, one part per step (links, handles, signers, trees), so the sliced build can give
 * the main thread back between them: together they made one task of 55 ms on a 10,000-comment post.
 */
function* finishing(
  post: PostInfo,
  state: ReturnType<typeof entriesOf>,
  inferred: Map<string, ReplyLink>,
  inputs: InferenceRecord[],
  overrides: LinkOverrides,
  evidenceLevel: EvidenceLevel,
  inferenceMemo?: InferenceMemo,
  analyse?: Analyser,
  analysed?: Pick<ThreadAnalysis, 'handles' | 'signers'>,
): Finishing {
  const { links, suggestions } = linksFor(inferred, evidenceLevel, overrides, state.comments);
  yield;
  const handles = analysed?.handles ?? conversationHandles(inputs, inferred);
  if (!analysed) yield;
  const signers = analysed?.signers ?? signerMarks(inputs);
  if (!analysed) yield;
  const posted = postedTree(inputs);
  yield;
  return {
    ...(inferenceMemo ? { inferenceMemo } : {}),
    ...(analyse ? { analyse } : {}),
    analysedIn: analysed ? 'background' : 'page',
    post,
    comments: state.comments,
    order: state.order,
    links,
    inferred,
    overrides,
    evidenceLevel,
    suggestions,
    handles,
    signers,
    trees: { posted, threaded: threadedTree(inputs, links) },
  };
}

/** Run every step of a finishing at once. */
function finishNow(steps: Finishing): ThreadModel {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The links at the evidence level with the overrides over them; a comment the reader placed has no suggestion. */
function linksFor(inferred: Map<string, ReplyLink>, level: EvidenceLevel, overrides: LinkOverrides, comments: Map<string, CommentEntry>) {
  const atLevel = linksAtLevel(inferred, level, (id) => comments.get(id)?.record.parentId ?? null);
  const links = applyOverrides(atLevel.links, overrides, comments);
  for (const id of atLevel.suggestions.keys()) if (links.get(id)?.source === 'reader') atLevel.suggestions.delete(id);
  return { links, suggestions: atLevel.suggestions };
}

/** The inferred links with every applicable override put in their place. */
function applyOverrides(inferred: Map<string, ReplyLink>, overrides: LinkOverrides, comments: Map<string, CommentEntry>): Map<string, ReplyLink> {
  if (overrides.size === 0) return inferred;
  const links = new Map(inferred);
  for (const [id, parentId] of overrides) {
    const link = inferred.get(id);
    if (!link || parentId === id || (parentId !== null && !comments.has(parentId))) continue;
    links.set(id, { parentId, source: 'reader', evidence: '', confidence: 1, ...(link.considered ? { considered: link.considered } : {}) });
  }
  return links;
}

/**
 * The same model with other overrides: only the links and the threaded tree change (no inference, one pass over
 * the comments), so a correction shows at once even on a post of hundreds of comments.
 */
export function withLinkOverrides(model: ThreadModel, overrides: LinkOverrides): ThreadModel {
  if (overrides === model.overrides) return model;
  return relinked(model, model.evidenceLevel, overrides);
}

/** The same model at another evidence level: like withLinkOverrides, no inference runs again. */
export function withEvidenceLevel(model: ThreadModel, evidenceLevel: EvidenceLevel): ThreadModel {
  if (evidenceLevel === model.evidenceLevel) return model;
  return relinked(model, evidenceLevel, model.overrides);
}

function relinked(model: ThreadModel, evidenceLevel: EvidenceLevel, overrides: LinkOverrides): ThreadModel {
  const { links, suggestions } = linksFor(model.inferred, evidenceLevel, overrides, model.comments);
  const records = model.order.map((id) => model.comments.get(id)!.record);
  return {
    ...model,
    links,
    suggestions,
    overrides,
    evidenceLevel,
    trees: { posted: model.trees.posted, threaded: threadedTree(records, links) },
  };
}

type InferenceRecord = Comment & { text: string };

function inputsOf(state: ReturnType<typeof entriesOf>): InferenceRecord[] {
  return state.order.map((id) => {
    const { record, text } = state.comments.get(id)!;
    return { ...record, text };
  });
}

/** Build the model from records in page order, in one go (tests and small pages). */
export function buildModel(
  post: PostInfo,
  records: Comment[],
  overrides: LinkOverrides = NO_OVERRIDES,
  evidenceLevel: EvidenceLevel = DEFAULT_EVIDENCE_LEVEL,
): ThreadModel {
  const state = entriesOf();
  for (const record of records) addEntry(state, record);
  const inputs = inputsOf(state);
  return finishNow(finishing(post, state, inferReplies({ comments: inputs, postBodyText: post.bodyText }), inputs, overrides, evidenceLevel));
}

/**
 * The same model, built in slices of about 8 ms with the main thread given back in between, so a post of
 * hundreds of comments never blocks the page. `reuse` (the previous model) skips re-reading unchanged bodies and
 * keeps its overrides and evidence level unless others are given. With `analyse` (kept from `reuse`), the text analysis
 * runs there, off the page's main thread; where it cannot, the page does it.
 */
export async function buildModelInSlices(
  post: PostInfo,
  records: Comment[],
  reuse?: ThreadModel,
  overrides: LinkOverrides = reuse?.overrides ?? NO_OVERRIDES,
  evidenceLevel: EvidenceLevel = reuse?.evidenceLevel ?? DEFAULT_EVIDENCE_LEVEL,
  analyse: Analyser | undefined = reuse?.analyse,
): Promise<ThreadModel> {
  const state = entriesOf(reuse);
  let sliceStart = performance.now();
  for (const record of records) {
    addEntry(state, record);
    if (performance.now() - sliceStart >= SLICE_MS) {
      await yieldToMain();
      sliceStart = performance.now();
    }
  }
  const inputs = inputsOf(state);
  const input = { comments: inputs, postBodyText: post.bodyText };
  const elsewhere = analyse ? await analyse(input).catch(() => null) : null;
  let steps: Finishing;
  if (elsewhere) {
    steps = finishing(post, state, elsewhere.inferred, inputs, overrides, evidenceLevel, undefined, analyse, elsewhere);
  } else {
    const memo = reuse?.inferenceMemo ?? new InferenceMemo();
    const links = await inferRepliesInSlices(input, { sliceMs: SLICE_MS, yieldToMain, memo });
    steps = finishing(post, state, links, inputs, overrides, evidenceLevel, memo, analyse);
  }
  for (;;) {
    await yieldToMain();
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The first line of a comment's text, cut to a readable length. */
export function previewOf(entry: CommentEntry | undefined, length = 110): string {
  if (!entry) return '';
  if (entry.record.removed) return 'Comment removed';
  const text = entry.text.trim();
  return text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;
}

/** Ids of every ancestor of a comment in a tree, nearest first. */
export function ancestorsOf(tree: ThreadTree, id: string): string[] {
  const ancestors: string[] = [];
  const seen = new Set<string>([id]);
  let parent = tree.parentOf.get(id) ?? null;
  while (parent && !seen.has(parent)) {
    ancestors.push(parent);
    seen.add(parent);
    parent = tree.parentOf.get(parent) ?? null;
  }
  return ancestors;
}

/** Every id in the subtree under a comment (not including it), depth first in display order. */
export function descendantsOf(tree: ThreadTree, id: string): string[] {
  const out: string[] = [];
  const stack = [...(tree.children.get(id) ?? [])].reverse();
  while (stack.length > 0) {
    const next = stack.pop()!;
    out.push(next);
    const children = tree.children.get(next);
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out;
}
