/** Who wrote a comment, for the author filter: Anonymous, the blog's author, or a name (typed, or signed at the end). */
import type { Comment } from '../blogger/types';
import { findSignature, isAddressableName, nameKey } from './signatures';

/** Filter key for comments posted without a name. */
export const ANONYMOUS_AUTHOR = 'anonymous';
/** Filter key for the blog owner's comments. */
export const BLOG_OWNER_AUTHOR = 'owner';
/** Prefix of a named commenter's filter key: `name:getafix`. */
export const NAMED_AUTHOR_PREFIX = 'name:';

/** `authorUrl` is optional only so callers that never have one (tests, older records) need not spell it out. */
export type AuthorFields = Pick<Comment, 'author' | 'isBlogOwner' | 'removed'> & Partial<Pick<Comment, 'authorUrl'>>;

/** True for the names Blogger shows when nobody typed one. */
export function isAnonymousName(author: string): boolean {
  return /^\s*(anonymous|unknown)\s*$/i.test(author);
}

/**
 * True when a comment is anonymous: named "Anonymous" (or "Unknown") with no profile or site link. Real feeds show
 * accounts called "Anonymous" with a Blogger profile: those are identified commenters, filtered by their name.
 */
export function isAnonymous(comment: Pick<AuthorFields, 'author' | 'authorUrl'>): boolean {
  return isAnonymousName(comment.author) && !comment.authorUrl;
}

/** A named commenter's filter key. */
export function namedAuthorKey(name: string): string {
  return `${NAMED_AUTHOR_PREFIX}${nameKey(name)}`;
}

/** The name an anonymous comment is signed with ("…\n'Getafix"), or null. */
export function signedName(comment: AuthorFields, text: string): string | null {
  if (comment.removed || !isAnonymous(comment)) return null;
  return findSignature(text)?.name ?? null;
}

/** Every filter key a comment answers to: "anonymous" and/or "owner" and/or "name:<key>" (posted or signed name). */
export function authorKeysOf(comment: AuthorFields, text: string): string[] {
  const keys: string[] = [];
  if (comment.isBlogOwner) keys.push(BLOG_OWNER_AUTHOR);
  if (isAnonymous(comment)) {
    keys.push(ANONYMOUS_AUTHOR);
    const signed = signedName(comment, text);
    if (signed) keys.push(namedAuthorKey(signed));
  } else if (comment.author.trim() !== '' && nameKey(comment.author) !== '') {
    keys.push(namedAuthorKey(comment.author));
  }
  return keys;
}

/** One choice of the author filter, with how many comments it selects. */
export interface AuthorOption {
  key: string;
  label: string;
  count: number;
  /** True when some of its comments are only signed with the name (posted as Anonymous). */
  signed: boolean;
}

/**
 * The author choices a page offers: Anonymous, the blog's author, then named commenters by number of comments
 * (names typed in the name field and names signed at the end of anonymous comments, merged by nameKey).
 */
export function listAuthorOptions(comments: Iterable<{ record: AuthorFields; text: string }>): AuthorOption[] {
  let anonymous = 0;
  let owner = 0;
  const named = new Map<string, AuthorOption>();
  for (const { record, text } of comments) {
    if (record.isBlogOwner) owner += 1;
    if (isAnonymous(record)) anonymous += 1;
    const posted = isAnonymous(record) ? null : record.author.trim();
    const signed = signedName(record, text);
    const name = posted || signed;
    if (!name || nameKey(name) === '') continue;
    if (signed && !isAddressableName(signed)) continue;
    const key = namedAuthorKey(name);
    const option = named.get(key);
    if (option) {
      option.count += 1;
      option.signed ||= Boolean(signed);
    } else {
      // An account that calls itself "Anonymous" is told apart from the anonymous choice by its label.
      const label = posted && isAnonymousName(posted) ? `${posted} (with a profile)` : name;
      named.set(key, { key, label, count: 1, signed: Boolean(signed) });
    }
  }
  const options: AuthorOption[] = [];
  if (anonymous > 0) options.push({ key: ANONYMOUS_AUTHOR, label: 'Anonymous', count: anonymous, signed: false });
  if (owner > 0) options.push({ key: BLOG_OWNER_AUTHOR, label: 'Blog author', count: owner, signed: false });
  const names = [...named.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return [...options, ...names];
}
