/** Marks comments newer than the reader's last visit to the post, keeps the toolbar badge count, records this visit. */
import { badgeText } from '../../shared/badge';
import { loadLastVisit, newCommentIds, saveLastVisit, trackVisit } from './last-visit';
import type { Controller } from '../../ui/controller';
import { NEW_MARK } from './api';
import { warnOnce } from '../../shared/log';

export interface NewSinceVisitOptions {
  postKey: string;
  win: Window;
  /** Shows the count on the extension's toolbar button ('' clears it). */
  setBadge(text: string): void;
  /** The comment count the page announces (more than it holds when the feed has not completed it yet). */
  announcedCount?: number | null;
}

/** Start marking new comments (as soon as the last visit is read) and tracking this visit; returns a stop function. */
export function attachNewSinceVisit(controller: Controller, options: NewSinceVisitOptions): () => void {
  let lastVisit: number | null = null;
  let stopped = false;
  let lastBadge: string | null = null;
  const mark = () => {
    const records = [...controller.model.get().comments.values()].map((entry) => entry.record);
    const marked = controller.marks.of(NEW_MARK);
    marked.replace(newCommentIds(records, lastVisit));
    const text = badgeText(marked.size);
    if (text !== lastBadge) {
      lastBadge = text;
      options.setBadge(text);
    }
  };
  // The previous visit must be read before this one can be recorded, or a fast pagehide would erase it.
  let tracker: ReturnType<typeof trackVisit> | null = null;
  loadLastVisit(options.postKey)
    .catch((error) => {
      warnOnce('could not read when you last visited this post.', error);
      return null;
    })
    .then((at) => {
      if (stopped) return;
      lastVisit = at;
      mark();
      tracker = trackVisit(options.win, (now) => {
        // The count read back on the blog's post lists: "5 new" is their count minus this one.
        const count = Math.max(controller.model.get().comments.size, options.announcedCount ?? 0);
        saveLastVisit(options.postKey, now, count).catch((error) => warnOnce('could not remember this visit.', error));
      });
    });
  const stopModel = controller.model.subscribe(mark); // comments loaded from the feed arrive later
  return () => {
    stopped = true;
    stopModel();
    tracker?.stop();
  };
}
