/**
 * Corrections that stick: the reader says a comment is not a reply, or which comment it answers, or undoes that;
 * the thread rebuilds at once, the correction is kept per post and applied before the first render on every visit.
 * "Why here?" explains each comment inference placed: the evidence, how sure, and what else was weighed.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { warnOnce } from '../../shared/log';
import { untilAborted, ValueStore } from '../../shared/store';
import { isInferredLink, type ReplyLink, type Suggestion } from '../../threads';
import { defineFeature, type CommentActionProps } from '../../ui/feature';
import type { ThreadModel } from '../../ui/model';
import { useSelected, useValue } from '../../ui/store';
import { MenuItem } from '../../ui/ToolbarMenu';
import { parentCandidates } from './candidates';
import { CORRECTION_VERSION, loadCorrections, overridesOf, removeCorrections, saveCorrection, watchCorrections, type Correction } from './store';
import { WhyPanel } from './Why';
import { handleOf, previewText, whoOf } from './who';

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
/* A thread group's containment would paint the next group over an open popover: lift it while one is open. */
.thread-group:has(.corrections-pop) { content-visibility: visible; position: relative; z-index: 6; }
.suggestion { color: var(--tl-muted); font-size: 0.92em; }
.suggestion .link-button { color: var(--tl-accent); }
`;

/** A correction status the toolbar reads out. */
type Status = { text: string } | null;

/** Corrections kept but not applied because their comment (or the parent chosen) is no longer on the page. */
interface Stale {
  parentGone: ReadonlySet<string>;
  childrenGone: ReadonlyMap<string, number>;
}

const NO_STALE: Stale = { parentGone: new Set(), childrenGone: new Map() };

/** Which stored corrections the page cannot apply, and whose "Why here?" says so. */
export function staleCorrections(model: ThreadModel, corrections: ReadonlyMap<string, Correction>): Stale {
  const parentGone = new Set<string>();
  const childrenGone = new Map<string, number>();
  for (const [id, correction] of corrections) {
    const { parentId } = correction;
    if (!model.comments.has(id)) {
      if (parentId !== null && model.comments.has(parentId)) childrenGone.set(parentId, (childrenGone.get(parentId) ?? 0) + 1);
    } else if (parentId !== null && !model.comments.has(parentId)) parentGone.add(id);
  }
  return parentGone.size === 0 && childrenGone.size === 0 ? NO_STALE : { parentGone, childrenGone };
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
    // Escape from the comment's whole action row: a popover opened from the "More actions" menu leaves focus on its button.
    const el = wrap.current?.parentElement ?? wrap.current;
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
      status.set({ text: t('trust_status_save_failed') });
      warnOnce('could not save a thread correction.', error);
    };

    /** Put a comment under a parent (null: the post), at once; the write follows. */
    const correct = (id: string, parentId: string | null) => {
      const before = corrections.get().get(id) ?? null;
      const correction: Correction = { v: CORRECTION_VERSION, postKey, commentId: id, parentId, at: Date.now() };
      apply(withChange(id, correction));
      status.set({ text: t('trust_status_moved', whoOf(controller.model.get(), parentId)) });
      saveCorrection(correction).catch((error: unknown) => failed(error, () => apply(withChange(id, before))));
    };
    const undo = (id: string) => {
      const before = corrections.get().get(id) ?? null;
      if (!before) return;
      apply(withChange(id, null));
      status.set({ text: t('trust_status_undone') });
      removeCorrections(postKey, [id]).catch((error: unknown) => failed(error, () => apply(withChange(id, before))));
    };
    const undoAll = () => {
      const before = corrections.get();
      if (before.size === 0) return;
      apply(new Map());
      status.set({ text: before.size === 1 ? t('trust_status_removed_one') : t('trust_status_removed_many', before.size) });
      removeCorrections(postKey, before.keys()).catch((error: unknown) => failed(error, () => apply(before)));
    };

    // What is stored now (restore applied it before the first render), then what other tabs or an import change.
    // Changes seen before that read answers are newer than it may be (this tab's clicks, another tab's): they are
    // laid over the stored snapshot, never lost under it.
    let changedBeforeLoad: Map<string, Correction | null> | null = new Map();
    loadCorrections(postKey).then(
      (stored) => {
        const newer = changedBeforeLoad ?? new Map<string, Correction | null>();
        changedBeforeLoad = null;
        if (signal.aborted) return;
        const next = new Map(stored);
        for (const [id, correction] of newer) {
          if (correction) next.set(id, correction);
          else next.delete(id);
        }
        apply(next);
      },
      (error: unknown) => {
        changedBeforeLoad = null;
        warnOnce('could not read your thread corrections.', error);
      },
    );
    untilAborted(
      signal,
      watchCorrections(postKey, (changed) => {
        const next = new Map(corrections.get());
        for (const [id, correction] of changed) {
          changedBeforeLoad?.set(id, correction);
          if (correction) next.set(id, correction);
          else next.delete(id);
        }
        apply(next);
      }),
    );

    // The corrections the page cannot apply, kept current as corrections change or the feed brings comments back.
    const stale = new ValueStore<Stale>(NO_STALE);
    let staleFrom: { comments: ThreadModel['comments']; corrections: ReadonlyMap<string, Correction> } | null = null;
    const updateStale = () => {
      const model = controller.model.get();
      const current = corrections.get();
      if (staleFrom?.comments === model.comments && staleFrom.corrections === current) return;
      staleFrom = { comments: model.comments, corrections: current };
      stale.set(staleCorrections(model, current));
    };
    untilAborted(signal, corrections.subscribe(updateStale), controller.model.subscribe(updateStale));

    function ReplyToPicker({ id, close, buttonRef }: { id: string; close: () => void; buttonRef: { current: HTMLElement | null } }) {
      const model = useValue(controller.model);
      const [query, setQuery] = useState('');
      const input = useRef<HTMLInputElement>(null);
      const list = useRef<HTMLUListElement>(null);
      useEffect(() => input.current?.focus(), []);
      const current = model.links.get(id)?.parentId ?? null;
      const ids = parentCandidates(model, id, query);
      const listId = `tl-reply-to-${id}`;
      /** Arrow keys move through the search box and the choices; Home and End go to the first and last choice. */
      const onKeyDown = (event: KeyboardEvent) => {
        const choices = [...(list.current?.querySelectorAll<HTMLButtonElement>('button[data-thread-correct-to]') ?? [])];
        if (choices.length === 0) return;
        const at = choices.indexOf(event.target as HTMLButtonElement);
        const inChoices = at >= 0;
        let next: HTMLElement | undefined;
        if (event.key === 'ArrowDown') next = choices[inChoices ? Math.min(at + 1, choices.length - 1) : 0];
        else if (event.key === 'ArrowUp')
          next = inChoices ? (at === 0 ? (input.current ?? undefined) : choices[at - 1]) : choices[choices.length - 1];
        else if (inChoices && event.key === 'Home') next = choices[0];
        else if (inChoices && event.key === 'End') next = choices[choices.length - 1];
        if (!next) return;
        event.preventDefault();
        event.stopPropagation();
        next.focus();
      };
      return (
        <div className="corrections-pop" role="dialog" aria-label={t('trust_reply_to_label')} data-thread-reply-to={id} onKeyDown={onKeyDown}>
          <input
            ref={input}
            type="search"
            placeholder={t('trust_reply_to_search')}
            aria-label={t('trust_reply_to_search_label')}
            aria-controls={listId}
            value={query}
            onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
          />
          <ul id={listId} ref={list} className="parent-list">
            {ids.length === 0 && <li>{t('trust_reply_to_none')}</li>}
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
                  <span className="who">{whoOf(model, parentId)}</span>
                  <span className="preview">{previewText(model, parentId)}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      );
    }

    /** "possibly answering Anonymous · 21:07": jumps to that comment; Accept files the comment under it (a correction). */
    function SuggestionNote({ id, suggestion }: { id: string; suggestion: Suggestion }) {
      const model = controller.model.get();
      const name = handleOf(model, suggestion.parentId);
      const target = suggestion.parentId;
      return (
        <span className="suggestion" data-thread-suggestion={target ?? ''}>
          <span aria-hidden="true">↪? </span>
          {target === null ? (
            <span>{t('trust_suggestion', name)}</span>
          ) : (
            <button
              type="button"
              className="link-button"
              data-thread-action="jump-suggestion"
              onClick={() => controller.actions.jumpTo(target, { from: id, focus: true })}
            >
              {t('trust_suggestion', name)}
            </button>
          )}{' '}
          <button
            type="button"
            className="link-button"
            data-thread-action="accept-suggestion"
            aria-label={t('trust_suggestion_accept_label', name)}
            onClick={() => correct(id, target)}
          >
            {t('trust_suggestion_accept')}
          </button>
        </span>
      );
    }

    /** Which comment's popover is open ("Why here?" or "Reply to…"): the menu's items open it, the row shows it. */
    const popover = new ValueStore<{ id: string; kind: 'why' | 'reply-to' } | null>(null);

    /**
     * What both the row and the menu depend on: the suggestion, whether "Why here?" has something to explain, and the
     * stale counts. The row runs this for every comment, so the menu-only state stays in CorrectionMenu.
     */
    function useCorrectionState(id: string) {
      const link = useSelected(controller.model, (model) => model.links.get(id), Object.is, [id]) as ReplyLink | undefined;
      const suggestion = useSelected(controller.model, (model) => model.suggestions.get(id), Object.is, [id]);
      const hasEvidence = useSelected(controller.model, (model) => (model.inferred.get(id)?.considered?.length ?? 0) > 0, Object.is, [id]);
      const parentGone = useSelected(stale, (s) => s.parentGone.has(id), Object.is, [id]);
      const childrenGone = useSelected(stale, (s) => s.childrenGone.get(id) ?? 0, Object.is, [id]);
      const explained =
        link !== undefined &&
        (isInferredLink(link) || suggestion !== undefined || link.source === 'reader' || hasEvidence || parentGone || childrenGone > 0);
      return { suggestion, parentGone, childrenGone, explained };
    }

    /**
     * In the comment's row: a suggestion, "Why here?" on a comment placed by inference or by the reader, and the open
     * popover (anchored to the comment); nothing at all on most comments.
     */
    function CorrectionRow({ id, source }: CommentActionProps) {
      const { suggestion, parentGone, childrenGone, explained } = useCorrectionState(id);
      const open = useSelected(popover, (value) => (value?.id === id ? value.kind : null), Object.is, [id]);
      const wrap = useRef<HTMLSpanElement>(null);
      const whyButton = useRef<HTMLButtonElement>(null);
      const whyInRow = explained && source !== 'blogger';
      /** Focus goes back to "Why here?" in the row, else to the comment's "More actions" button the item was in. */
      const back = {
        get current(): HTMLElement | null {
          if (open === 'why' && whyButton.current) return whyButton.current;
          const row = wrap.current?.parentElement;
          return ([...(row?.children ?? [])].find((child) => child.getAttribute('data-thread-action') === 'menu') as HTMLElement | undefined) ?? null;
        },
      };
      const close = () => {
        if (popover.get()?.id === id) popover.set(null);
      };
      useDismiss(open !== null, close, wrap, back);
      if (!suggestion && !whyInRow && open === null) return null;
      const whyId = `tl-why-${id}`;
      return (
        <span className="corrections-wrap" ref={wrap}>
          {suggestion && <SuggestionNote id={id} suggestion={suggestion} />}
          {whyInRow && (
            <button
              ref={whyButton}
              type="button"
              className="link-button"
              data-thread-action="why"
              aria-expanded={open === 'why' ? 'true' : 'false'}
              aria-controls={whyId}
              onClick={() => popover.set(open === 'why' ? null : { id, kind: 'why' })}
            >
              {t('trust_why')}
            </button>
          )}
          {open === 'why' && explained && <WhyPanel id={id} panelId={whyId} stale={{ parentGone, childrenGone }} />}
          {open === 'reply-to' && <ReplyToPicker id={id} close={close} buttonRef={back} />}
        </span>
      );
    }

    /** In the comment's "More actions" menu: "Why here?" (on Blogger's own placements), "Not a reply", "Reply to…", "Undo". */
    function CorrectionMenu({ id, source }: CommentActionProps) {
      const { explained } = useCorrectionState(id);
      const notReply = useSelected(controller.model, (model) => notAReplyTarget(model, id), Object.is, [id]);
      const corrected = useSelected(corrections, (map) => map.has(id), Object.is, [id]);
      return (
        <>
          {explained && source === 'blogger' && (
            <MenuItem data-thread-action="why" onSelect={() => popover.set({ id, kind: 'why' })}>
              {t('trust_why')}
            </MenuItem>
          )}
          {notReply !== undefined && (
            <MenuItem data-thread-action="not-a-reply" onSelect={() => correct(id, notReply)}>
              {t('trust_not_a_reply')}
            </MenuItem>
          )}
          <MenuItem data-thread-action="reply-to" aria-haspopup="dialog" onSelect={() => popover.set({ id, kind: 'reply-to' })}>
            {t('trust_reply_to')}
          </MenuItem>
          {corrected && (
            <MenuItem data-thread-action="undo-correction" onSelect={() => undo(id)}>
              {t('trust_undo')}
            </MenuItem>
          )}
        </>
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
              {count === 1 ? t('trust_undo_all_one') : t('trust_undo_all_many', count)}
            </button>
          )}
          <span className="corrections-note" role="status" data-thread-corrections-status>
            {said?.text ?? ''}
          </span>
        </>
      );
    }

    return {
      toolbar: <CorrectionsTool />,
      commentActions: [
        { place: 'row', component: CorrectionRow },
        { place: 'menu', component: CorrectionMenu },
      ],
    };
  },
});
