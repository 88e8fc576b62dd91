/** The shared state and actions every Threadline component reads through one Preact context. */
import type { ComponentType } from 'preact';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { IdSetStore, ValueStore } from '../shared/store';
import type { CommentActionProps, CommentMarkSpec } from './feature';
import type { MarkRegistry } from './marks';
import type { ThreadModel, ViewMode } from './model';

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
}

/** What the registered features add to every comment: action buttons and marks, in feature-list order. */
export interface CommentContributions {
  /** The components for each comment's visible row and for its "More actions" menu. */
  actions: { row: readonly ComponentType<CommentActionProps>[]; menu: readonly ComponentType<CommentActionProps>[] };
  marks: readonly CommentMarkSpec[];
}

/** Everything the view shares. */
export interface ThreadContextValue {
  model: ValueStore<ThreadModel>;
  view: ValueStore<ViewMode>;
  collapsed: IdSetStore;
  /** Comments left out of the view (by a filter); they stay in the document, not displayed. */
  hidden: IdSetStore;
  /** Comments whose thread groups must be built now, wherever they are (a jump, a key, a link, find in page). */
  buildRequests: IdSetStore;
  /** Build every thread group, a chunk per task, near the screen or not: for what needs the whole page (the glossary's counts). */
  buildEverything: ValueStore<boolean>;
  highlight: ValueStore<string | null>;
  jumpHistory: ValueStore<string[]>;
  /** Named per-comment marks that features set (see CommentMarkSpec for how they show). */
  marks: MarkRegistry;
  /** The comment keyboard navigation is on. */
  current: ValueStore<string | null>;
  /** Whether the toolbar's filter area (the "Filter" button's) is open. */
  filterAreaOpen: ValueStore<boolean>;
  actions: ThreadActions;
  contributions: ValueStore<CommentContributions>;
  /** Called with each comment body element once it is in the document (glossary scanning, read tracking). */
  onBodyRendered(id: string, body: HTMLElement): void;
}

export const ThreadContext = createContext<ThreadContextValue | null>(null);

export function useThread(): ThreadContextValue {
  const value = useContext(ThreadContext);
  if (!value) throw new Error('Threadline component rendered outside its ThreadContext');
  return value;
}
