/**
 * What other features may use of new-comments: the name of its mark (the comments newer than the reader's last visit),
 * the recorded visits (when, and how many comments the post had) and the reader's first use of Threadline on a blog.
 */
export { firstUseOf, lastVisitKey, loadVisits, type Visit } from './last-visit';
export const NEW_MARK = 'new';
