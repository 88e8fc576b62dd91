/**
 * The analysis port's messages (content script ↔ background), with the background's validator: the comments go in
 * batches, then "analyse"; the analysis comes back in parts, then "done" (or "failed"). Plain data, no browser API.
 */
import type { ParseResult } from '../shared/messages';
import type { InferenceComment } from './types';
import type { AnalysisPart } from './analysis';

/** The port's name (runtime.connect). */
export const ANALYSIS_PORT = 'threadline:analysis';

/** Comments per batch the page sends, and links per part the background answers with: each message stays a short task. */
export const ANALYSIS_BATCH = 400;
/** The most comments one analysis takes: the feed's 100 pages of 200, and the page's own. */
export const MAX_ANALYSED_COMMENTS = 25_000;
/** Bounds on one comment's fields. */
const MAX_ID = 200;
const MAX_AUTHOR = 2_000;
const MAX_DISPLAY_TIME = 200;
const MAX_TEXT = 200_000;
/** Bounds on the post's text and the blog author's names. */
const MAX_POST_TEXT = 2_000_000;
const MAX_AUTHOR_NAMES = 50;

/** Page → background: the next batch of comments, in page order. */
export interface AnalysisCommentsMessage {
  type: 'comments';
  comments: InferenceComment[];
}

/** Page → background: every batch is sent; analyse them with the post's text. */
export interface AnalyseMessage {
  type: 'analyse';
  postBodyText: string;
  blogAuthorNames?: string[];
}

export type AnalysisRequest = AnalysisCommentsMessage | AnalyseMessage;

/** Background → page: one part of the analysis, then "done"; or "failed" (the page then analyses by itself). */
export type AnalysisReply = ({ type: 'part' } & AnalysisPart) | { type: 'done' } | { type: 'failed'; reason: string };

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;

/** One comment rebuilt from its known fields, or why not. */
function parseComment(value: unknown, index: number): InferenceComment | string {
  if (!isObject(value)) return `comment ${index} is not an object`;
  const { id, parentId, author, isBlogOwner, publishedMs, displayTime, removed, text } = value;
  if (!isString(id, MAX_ID) || id === '') return `comment ${index}: id must be a string of 1 to ${MAX_ID} characters`;
  if (parentId !== null && !isString(parentId, MAX_ID)) return `comment ${index}: parentId must be null or a string`;
  if (!isString(author, MAX_AUTHOR)) return `comment ${index}: author must be a string of at most ${MAX_AUTHOR} characters`;
  if (!isString(displayTime, MAX_DISPLAY_TIME)) return `comment ${index}: displayTime must be a string`;
  if (!isString(text, MAX_TEXT)) return `comment ${index}: text must be a string of at most ${MAX_TEXT} characters`;
  if (typeof publishedMs !== 'number' || Number.isNaN(publishedMs)) return `comment ${index}: publishedMs must be a number`;
  if (typeof isBlogOwner !== 'boolean' || typeof removed !== 'boolean') return `comment ${index}: isBlogOwner and removed must be booleans`;
  return { id, parentId, author, isBlogOwner, publishedMs, displayTime, removed, text };
}

/**
 * Validate a message the background received on the analysis port; `received` is how many comments the port has
 * taken so far (the total is bounded). Rebuilt from known fields only.
 */
export function parseAnalysisRequest(value: unknown, received: number): ParseResult<AnalysisRequest> {
  const refuse = (error: string): ParseResult<AnalysisRequest> => ({ ok: false, error: `analysis port: ${error}` });
  if (!isObject(value)) return refuse('a message must be an object');
  if (value.type === 'comments') {
    if (!Array.isArray(value.comments)) return refuse('comments must be an array');
    if (value.comments.length > ANALYSIS_BATCH) return refuse(`at most ${ANALYSIS_BATCH} comments a batch`);
    if (received + value.comments.length > MAX_ANALYSED_COMMENTS) return refuse(`at most ${MAX_ANALYSED_COMMENTS} comments in all`);
    const comments: InferenceComment[] = [];
    for (const [index, raw] of value.comments.entries()) {
      const comment = parseComment(raw, received + index);
      if (typeof comment === 'string') return refuse(comment);
      comments.push(comment);
    }
    return { ok: true, message: { type: 'comments', comments } };
  }
  if (value.type === 'analyse') {
    if (!isString(value.postBodyText, MAX_POST_TEXT)) return refuse(`postBodyText must be a string of at most ${MAX_POST_TEXT} characters`);
    const names = value.blogAuthorNames;
    if (names === undefined) return { ok: true, message: { type: 'analyse', postBodyText: value.postBodyText } };
    if (!Array.isArray(names) || names.length > MAX_AUTHOR_NAMES || !names.every((name) => isString(name, MAX_AUTHOR)))
      return refuse('blogAuthorNames must be a short array of strings');
    return { ok: true, message: { type: 'analyse', postBodyText: value.postBodyText, blogAuthorNames: [...names] } };
  }
  return refuse(`unknown message type ${JSON.stringify(String(value.type).slice(0, 40))}`);
}

/** The page's check of a reply (the background is Threadline's own code: the shape, not every field). */
export function isAnalysisReply(value: unknown): value is AnalysisReply {
  if (!isObject(value)) return false;
  if (value.type === 'done') return true;
  if (value.type === 'failed') return typeof value.reason === 'string';
  return (
    value.type === 'part' &&
    Array.isArray(value.strings) &&
    Array.isArray(value.links) &&
    Array.isArray(value.handles) &&
    Array.isArray(value.signers)
  );
}
