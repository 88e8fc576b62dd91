/** The shared state and actions every Threadline component reads through one Preact context. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ThreadModel, ViewMode } from './model';
import type { IdSetStore, ValueStore } from './store';

/** Actions the components can ask for. */
export interface ThreadActions {
  toggle(id: string): void;
  collapseAll(): void;
  expandAll(): void;
  setView(view: ViewMode): void;
  /** Scroll to a comment, expanding what hides it, and highlight it; `from` enables "Back". */
  jumpTo(id: string, options?: { from?: string; focus?: boolean }): void;
  back(): void;
  /** Open the blog's own comment form as a reply to this comment's Blogger thread. */
  reply(id: string): void;
  /** Save or unsave a comment in the reading list. */
  save(id: string): void;
  /** Save or unsave a comment with all its replies (the thread under it) in the reading list. */
  saveThread(id: string): void;
  /** Open a comment folded by a muted word. */
  unmute(id: string): void;
}

/** Per-comment marks that feature modules set and comments render. */
export interface CommentMarks {
  /** Hidden by the active filters (stays in the document, not displayed). */
  filterHidden: IdSetStore;
  /** Shown dimmed, as context for a matching descendant. */
  filterContext: IdSetStore;
  /** Newer than the reader's last visit. */
  isNew: IdSetStore;
  /** Folded because it contains a muted word (see `mutedWord`). */
  muted: IdSetStore;
  /** Muted comments the reader chose to open. */
  unmuted: IdSetStore;
  /** In the reading list. */
  saved: IdSetStore;
  /** Thread roots saved with their replies in the reading list. */
  savedThread: IdSetStore;
  /** Counted as read (on screen long enough). */
  read: IdSetStore;
}

/** Everything the view shares. */
export interface ThreadContextValue {
  model: ValueStore<ThreadModel>;
  view: ValueStore<ViewMode>;
  collapsed: IdSetStore;
  highlight: ValueStore<string | null>;
  jumpHistory: ValueStore<string[]>;
  marks: CommentMarks;
  /** The muted word that folded each muted comment. */
  mutedWord: Map<string, string>;
  /** The comment keyboard navigation is on. */
  current: ValueStore<string | null>;
  actions: ThreadActions;
  /** Called with each comment body element once it is in the document (glossary scanning, read tracking). */
  onBodyRendered(id: string, body: HTMLElement): void;
}

export const ThreadContext = createContext<ThreadContextValue | null>(null);

export function useThread(): ThreadContextValue {
  const value = useContext(ThreadContext);
  if (!value) throw new Error('Threadline component rendered outside its ThreadContext');
  return value;
}
