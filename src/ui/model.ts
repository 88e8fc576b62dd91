/** Joins the reader's records and the inferred links into what the view renders: comments, both trees, previews. */
import type { Comment, PostInfo } from '../blogger/types';
import { safeHtmlToText } from '../shared/sanitize';
import {
  inferReplies,
  postedTree,
  threadedTree,
  type ReplyLink,
  type ThreadTree,
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

/** Everything the view renders for one post. */
export interface ThreadModel {
  post: PostInfo;
  comments: Map<string, CommentEntry>;
  /** Comment ids in the blog's own order. */
  order: string[];
  links: Map<string, ReplyLink>;
  trees: Record<ViewMode, ThreadTree>;
}

/** Build the model from records in page order. */
export function buildModel(post: PostInfo, records: Comment[]): ThreadModel {
  const comments = new Map<string, CommentEntry>();
  const order: string[] = [];
  for (const record of records) {
    if (comments.has(record.id)) continue;
    comments.set(record.id, { record, text: safeHtmlToText(record.html), index: order.length });
    order.push(record.id);
  }
  const inputs = order.map((id) => {
    const { record, text } = comments.get(id)!;
    return { ...record, text };
  });
  const links = inferReplies({ comments: inputs, postBodyText: post.bodyText });
  return {
    post,
    comments,
    order,
    links,
    trees: { posted: postedTree(inputs), threaded: threadedTree(inputs, links) },
  };
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
