/** The stylesheet early.css (written by the build, listed in the manifest): the comment list hidden while the page waits. */
import { WAITING_ATTRIBUTE } from './waiting';

/** The blog's comment lists: threaded (`#comment-holder`) and flat (`#comments-block`); never the comment form. */
export const EARLY_CSS = `/* Threadline: the blog's comment list waits while Threadline reads it (src/content/waiting.ts). */
html[${WAITING_ATTRIBUTE}] #comment-holder,
html[${WAITING_ATTRIBUTE}] #comments-block {
  display: none !important;
}
`;
