/** The name that signs each comment ('Getafix, - Pearly Gates, a Blogger profile) and its stable colour, so one name can be followed down a thread. */
import { findSignature, isAddressableName, nameKey } from './signatures';
import type { InferenceComment } from './types';

/**
 * Mid-tone colours for the mark's swatch, each at least 3:1 (WCAG's non-text contrast) against the view's light
 * (#ffffff) and dark (#16191d) backgrounds; the name is always shown beside it, so colour is never the only cue.
 */
export const SIGNER_PALETTE: readonly string[] = ['#d9480f', '#2b8a3e', '#1c7ed6', '#ae3ec9', '#0c8599', '#7c6f00', '#e03131', '#845ef7'];

/** A comment's signing name, the key two comments share when they sign alike, and its colour's index in the palette. */
export interface SignerMark {
  name: string;
  key: string;
  colour: number;
  /** 'signature': the text ends with the name; 'profile': the Blogger account's name. */
  from: 'signature' | 'profile';
}

/** FNV-1a over the name key: the same name gets the same colour on every page and every visit. */
export function signerColour(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % SIGNER_PALETTE.length;
}

/**
 * The signing name of each comment that has one: the name its text ends with, else its Blogger profile's name.
 * Unsigned anonymous comments get none: nothing here ever says two anonymous comments are one person.
 */
export function signerMarks(comments: ReadonlyArray<Pick<InferenceComment, 'id' | 'author' | 'text' | 'removed'>>): Map<string, SignerMark> {
  const marks = new Map<string, SignerMark>();
  for (const comment of comments) {
    if (comment.removed) continue;
    const signature = findSignature(comment.text);
    const name = signature?.name ?? (isAddressableName(comment.author.trim()) ? comment.author.trim() : null);
    if (!name) continue;
    const key = nameKey(name);
    marks.set(comment.id, { name, key, colour: signerColour(key), from: signature ? 'signature' : 'profile' });
  }
  return marks;
}
