/**
 * Corrections that stick: the reader says a comment is not a reply, or which comment it answers, or undoes that;
 * the thread rebuilds at once, the correction is kept per post and applied before the first render on every visit.
 * "Why here?" explains each comment inference placed: the evidence, how sure, and what else was weighed.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { warnOnce } from '../../shared/log';
import { untilAborted, ValueStore } from '../../shared/store';
import type { ReplyLink } from '../../threads';
import { defineFeature, type CommentActionProps } from '../../ui/feature';
import type { ThreadModel } from '../../ui/model';
import { useSelected, useValue } from '../../ui/store';
import { parentCandidates } from './candidates';
import { CORRECTION_VERSION, loadCorrections, overridesOf, removeCorrections, saveCorrection, watchCorrections, type Correction } from './store';
import { WhyPanel } from './Why';

const styles = `
.corrections-wrap { position: relative; display: inline-block; }
.corrections-pop { position: absolute; z-index: 5; left: 0; top: 100%; min-width: 18rem; max-width: 32rem; background: var(--tl-bg); color: var(--tl-fg);
  border: 1px solid var(--tl-border); border-radius: 6px; padding: 0.5rem 0.75rem; box-shadow: 0 4px 16px rgba(0,0,0,0.18); font-size: 0.92em; }
.corrections-pop ul { margin: 0.25rem 0; padding-left: 1.1rem; }
.corrections-pop .why-heading { margin: 0.4rem 0 0; font-weight: 600; }
.corrections-pop input { width: 100%; box-sizing: border-box; margin-bottom: 0.35rem; }
.corrections-pop .parent-list { list-style: none; padding: 0; max-height: 16rem; overflow: auto; }
.corrections-pop .parent-list button { display: block; width: 100%; text-align: left; background: none; border: none; color: var(--tl-fg); padding: 0.3rem 0.25rem; }
.corrections-pop .parent-list button:hover, .corrections-pop .parent-list button:focus-visible { background: var(--tl-chip-bg); }
.corrections-pop .parent-list .who { font-weight: 600; }
.corrections-pop .parent-list .preview { color: var(--tl-muted); display: block; }
.corrections-note { color: var(--tl-muted); font-size: 0.9em; }
`;

/** A correction status the toolbar reads out. */
type Status = { text: string } | null;

function who(model: ThreadModel, parentId: string | null): string {
  if (parentId === null) return 'the post';
  const entry = model.comments.get(parentId);
  return entry ? `${entry.record.author}, ${entry.record.displayTime}` : 'a comment not on the page';
}

function preview(model: ThreadModel, id: string): string {
  const text = model.comments.get(id)?.text.trim() ?? '';
  return text.length > 90 ? `${text.slice(0, 89).trimEnd()}…` : text;
}

/** Where "Not a reply" puts a comment: back under Blogger's parent when inference moved it, else at the top level. */
export function notAReplyTarget(model: ThreadModel, id: string): string | null | undefined {
  const entry = model.comments.get(id);
  const current = model.links.get(id)?.parentId ?? null;
  if (!entry || current === null) return undefined;
  const blogger = entry.record.parentId;
  return current !== blogger ? blogger : null;
}

/** Close a popover on Escape (focus back on its button) or on a click outside it. */
function useDismiss(open: boolean, close: () => void, wrap: { current: HTMLElement | null }, button: { current: HTMLElement | null }) {
  useEffect(() => {
    if (!open) return;
    const root = wrap.current?.getRootNode() as Document | ShadowRoot | undefined;
    const onKey = (event: Event) => {
      if ((event as KeyboardEvent).key !== 'Escape') return;
      event.stopPropagation();
      close();
      button.current?.focus();
    };
    const onDown = (event: Event) => {
      if (wrap.current && !event.composedPath().includes(wrap.current)) close();
    };
    const el = wrap.current;
    el?.addEventListener('keydown', onKey);
    root?.addEventListener('pointerdown', onDown);
    return () => {
      el?.removeEventListener('keydown', onKey);
      root?.removeEventListener('pointerdown', onDown);
    };
  }, [open]);
}

export default defineFeature({
  id: 'corrections',
  styles,
  async restore(postKey) {
    const corrections = await loadCorrections(postKey).catch((error: unknown) => {
      warnOnce('could not read your thread corrections; showing the threads as inferred.', error);
      return null;
    });
    return corrections && corrections.size > 0 ? { linkOverrides: overridesOf(corrections) } : null;
  },
  init(ctx, signal) {
    const { controller, postKey } = ctx;
    const corrections = new ValueStore<ReadonlyMap<string, Correction>>(new Map());
    const status = new ValueStore<Status>(null);

    const apply = (next: ReadonlyMap<string, Correction>) => {
      corrections.set(next);
      controller.setLinkOverrides(overridesOf(next));
    };
    const withChange = (id: string, correction: Correction | null): Map<string, Correction> => {
      const next = new Map(corrections.get());
      if (correction) next.set(id, correction);
      else next.delete(id);
      return next;
    };
    const failed = (error: unknown, revert: () => void) => {
      revert();
      status.set({ text: 'Could not save the correction; the thread is as it was.' });
      warnOnce('could not save a thread correction.', error);
    };

    /** Put a comment under a parent (null: the post), at once; the write follows. */
    const correct = (id: string, parentId: string | null) => {
      const before = corrections.get().get(id) ?? null;
      const correction: Correction = { v: CORRECTION_VERSION, postKey, commentId: id, parentId, at: Date.now() };
      apply(withChange(id, correction));
      status.set({ text: `Moved under ${who(controller.model.get(), parentId)}.` });
      saveCorrection(correction).catch((error: unknown) => failed(error, () => apply(withChange(id, before))));
    };
    const undo = (id: string) => {
      const before = corrections.get().get(id) ?? null;
      if (!before) return;
      apply(withChange(id, null));
      status.set({ text: 'Correction undone.' });
      removeCorrections(postKey, [id]).catch((error: unknown) => failed(error, () => apply(withChange(id, before))));
    };
    const undoAll = () => {
      const before = corrections.get();
      if (before.size === 0) return;
      apply(new Map());
      status.set({ text: `${before.size} correction${before.size === 1 ? '' : 's'} removed.` });
      removeCorrections(postKey, before.keys()).catch((error: unknown) => failed(error, () => apply(before)));
    };

    // What is stored now (restore applied it before the first render), then what other tabs or an import change.
    loadCorrections(postKey).then(
      (stored) => {
        if (!signal.aborted) apply(stored);
      },
      (error: unknown) => warnOnce('could not read your thread corrections.', error),
    );
    untilAborted(
      signal,
      watchCorrections(postKey, (changed) => {
        const next = new Map(corrections.get());
        for (const [id, correction] of changed) {
          if (correction) next.set(id, correction);
          else next.delete(id);
        }
        apply(next);
      }),
    );

    function ReplyToPicker({ id, close, buttonRef }: { id: string; close: () => void; buttonRef: { current: HTMLElement | null } }) {
      const model = useValue(controller.model);
      const [query, setQuery] = useState('');
      const input = useRef<HTMLInputElement>(null);
      useEffect(() => input.current?.focus(), []);
      const current = model.links.get(id)?.parentId ?? null;
      const ids = parentCandidates(model, id, query);
      const listId = `tl-reply-to-${id}`;
      return (
        <div className="corrections-pop" role="dialog" aria-label="Reply to which comment?" data-thread-reply-to={id}>
          <input
            ref={input}
            type="search"
            placeholder="Search earlier comments"
            aria-label="Search earlier comments by author, time or words"
            aria-controls={listId}
            value={query}
            onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
          />
          <ul id={listId} className="parent-list">
            {ids.length === 0 && <li>No earlier comment matches.</li>}
            {ids.map((parentId) => (
              <li key={parentId}>
                <button
                  type="button"
                  data-thread-correct-to={parentId}
                  aria-current={parentId === current ? 'true' : undefined}
                  onClick={() => {
                    correct(id, parentId);
                    close();
                    buttonRef.current?.focus();
                  }}
                >
                  <span className="who">{who(model, parentId)}</span>
                  <span className="preview">{preview(model, parentId)}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      );
    }

    /** "Why here?", "Not a reply", "Reply to…" and "Undo" in each comment's action row. */
    function CorrectionActions({ id }: CommentActionProps) {
      const link = useSelected(controller.model, (model) => model.links.get(id), Object.is, [id]) as ReplyLink | undefined;
      const notReply = useSelected(controller.model, (model) => notAReplyTarget(model, id), Object.is, [id]);
      const corrected = useSelected(corrections, (map) => map.has(id), Object.is, [id]);
      const [open, setOpen] = useState<'why' | 'reply-to' | null>(null);
      const wrap = useRef<HTMLSpanElement>(null);
      const whyButton = useRef<HTMLButtonElement>(null);
      const replyButton = useRef<HTMLButtonElement>(null);
      const close = () => setOpen(null);
      useDismiss(open !== null, close, wrap, open === 'why' ? whyButton : replyButton);
      const inferredHere = link !== undefined && (link.source === 'time' || link.source === 'quote' || link.source === 'name');
      const whyId = `tl-why-${id}`;
      return (
        <span className="corrections-wrap" ref={wrap}>
          {inferredHere && (
            <button
              ref={whyButton}
              type="button"
              className="link-button"
              data-thread-action="why"
              aria-expanded={open === 'why' ? 'true' : 'false'}
              aria-controls={whyId}
              onClick={() => setOpen(open === 'why' ? null : 'why')}
            >
              Why here?
            </button>
          )}
          {notReply !== undefined && (
            <button type="button" className="link-button" data-thread-action="not-a-reply" onClick={() => correct(id, notReply)}>
              Not a reply
            </button>
          )}
          <button
            ref={replyButton}
            type="button"
            className="link-button"
            data-thread-action="reply-to"
            aria-haspopup="dialog"
            aria-expanded={open === 'reply-to' ? 'true' : 'false'}
            onClick={() => setOpen(open === 'reply-to' ? null : 'reply-to')}
          >
            Reply to…
          </button>
          {corrected && (
            <button type="button" className="link-button" data-thread-action="undo-correction" onClick={() => undo(id)}>
              Undo
            </button>
          )}
          {open === 'why' && inferredHere && <WhyPanel id={id} link={link} panelId={whyId} />}
          {open === 'reply-to' && <ReplyToPicker id={id} close={close} buttonRef={replyButton} />}
        </span>
      );
    }

    /** The toolbar: how many comments the reader corrected on this post, and removing them all. */
    function CorrectionsTool() {
      const count = useValue(corrections).size;
      const said = useValue(status);
      return (
        <>
          {count > 0 && (
            <button type="button" data-thread-action="clear-corrections" data-thread-corrections={count} onClick={undoAll}>
              Undo {count} correction{count === 1 ? '' : 's'}
            </button>
          )}
          <span className="corrections-note" role="status" data-thread-corrections-status>
            {said?.text ?? ''}
          </span>
        </>
      );
    }

    return { toolbar: <CorrectionsTool />, commentActions: CorrectionActions };
  },
});
