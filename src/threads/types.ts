/** Shared types of thread building and reply inference: links, inference input and the tree shape. */
import type { Comment } from '../blogger/types';

/** Why a comment sits under its parent: Blogger's own reply structure, evidence found in the text, or the reader's correction. */
export type LinkSource = 'blogger' | 'time' | 'quote' | 'name' | 'reader';

/** One piece of evidence inference weighed for a comment: where it pointed, and why it was taken or not. */
export interface ConsideredLink {
  /** The comment the evidence points at, or null for the post. */
  parentId: string | null;
  source: Exclude<LinkSource, 'blogger' | 'reader'>;
  /** The matched text ("@21:07", the quoted words, the name). */
  evidence: string;
  confidence: number;
  /** Why it was not taken; absent for the evidence that placed the comment. */
  rejected?: string;
}

/** A comment's parent in the threaded view, why, the matched text and how sure we are (0..1). */
export interface ReplyLink {
  /** The parent comment id, or null for the post itself (a top-level comment). */
  parentId: string | null;
  source: LinkSource;
  /** The text that justified the link ("@21:07", the quoted words, the name); empty for plain Blogger links. */
  evidence: string;
  confidence: number;
  /** Every piece of evidence weighed, the chosen one first (absent when there was none). */
  considered?: ConsideredLink[];
}

/** One comment as inference needs it: the record fields plus its plain text. */
export type InferenceComment = Pick<Comment, 'id' | 'parentId' | 'author' | 'isBlogOwner' | 'publishedMs' | 'displayTime' | 'removed'> & {
  text: string;
};

export interface InferenceInput {
  /** Comments in page order. */
  comments: InferenceComment[];
  /** Plain text of the post body: quotes of it and names signed in it point at the post, not a comment. */
  postBodyText: string;
  /** Names that mean the blog's author (and so the post). Defaults to the On Probation blog's "JB" / "Jim". */
  blogAuthorNames?: string[];
}

/** A forest of comment ids; every id appears exactly once. */
export interface ThreadTree {
  /** Top-level ids in page order. */
  roots: string[];
  /** Child ids of each id that has children, in page order. */
  children: Map<string, string[]>;
  /** The parent each id ended up with (null for roots). */
  parentOf: Map<string, string | null>;
  /** 0 for roots, 1 for their children, and so on. */
  depthOf: Map<string, number>;
}
