/** Runs at document start on the blog: marks the page so the comment list waits unlaid-out for Threadline (see waiting.ts). */
import { markWaiting } from './waiting';

markWaiting(document);
