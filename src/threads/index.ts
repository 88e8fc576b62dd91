/** Public API of thread building and reply inference (pure functions over comment records). */
export type { ConsideredLink, LinkSource, ReplyLink, InferenceInput, InferenceComment, ThreadTree } from './types';
export { inferReplies, inferRepliesInSlices, InferenceMemo, DEFAULT_BLOG_AUTHOR_NAMES, CONFIDENCE, type SliceOptions } from './infer';
export { buildTree, postedTree, threadedTree, countDescendants } from './tree';
export { conversationHandles } from './handles';
export { EVIDENCE_LEVELS, type EvidenceLevel, isInferredLink, linksAtLevel, movesAt, STRONG_EVIDENCE, type Suggestion } from './evidence-level';
export { SIGNER_PALETTE, type SignerMark, signerColour, signerMarks } from './signers';
