/** One comment with its header, body, actions, inferred-link chip and (collapsible) replies; features add actions and marks. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { CommentMarkSpec } from './feature';
import type { MarkRegistry } from './marks';
import { memo } from './memo';
import { countDescendants, type ReplyLink, type SignerMark } from '../threads';
import { useThread } from './context';
import { previewOf, type CommentEntry, type ThreadModel, type ViewMode } from './model';
import { SafeBody } from './SafeBody';
import { useMember, useSelected, useValue } from './store';
import { ReplyChip, reasonOf } from './ReplyChip';
import { CommentMenu } from './CommentMenu';

/** Indentation stops growing past this depth; deeper replies keep their "replying to" chip instead. */
export const MAX_VISUAL_DEPTH = 6;

function permalink(postUrl: string, entry: CommentEntry): string {
  const { id, publishedMs } = entry.record;
  return Number.isFinite(publishedMs) ? `${postUrl}?showComment=${publishedMs}#c${id}` : `${postUrl}#c${id}`;
}

function repliesLabel(total: number, inferred: number): string {
  const count = total === 1 ? t('view_replies_one') : t('view_replies', total);
  return inferred > 0 ? t('view_replies_inferred', count, inferred) : count;
}

/** The source of an inferred link to the post, as the "replying to the post" line names it. */
function postReplyNote(link: ReplyLink): string {
  return link.source === 'reader' ? t('view_post_reply_reader') : t('view_post_reply_inferred', reasonOf(link.source), link.evidence);
}

interface Props {
  id: string;
  depth: number;
  view: ViewMode;
}

/** What one comment renders from the model; compared field by field so unrelated model changes skip it. */
interface CommentSlice {
  entry: CommentEntry | undefined;
  children: string[];
  parentId: string | null;
  parent: CommentEntry | undefined;
  firstChild: CommentEntry | undefined;
  link: ReplyLink | undefined;
  counts: { total: number; inferred: number } | null;
  postUrl: string;
  /** "Anonymous · 21:07" when the conversation addresses this anonymous comment by its time. */
  handle: string | undefined;
  /** The name that signs the comment, with its colour. */
  signer: SignerMark | undefined;
}

function sliceOf(model: ThreadModel, id: string, view: ViewMode): CommentSlice {
  const tree = model.trees[view];
  const children = tree.children.get(id) ?? [];
  const parentId = tree.parentOf.get(id) ?? null;
  return {
    entry: model.comments.get(id),
    children,
    parentId,
    parent: parentId === null ? undefined : model.comments.get(parentId),
    firstChild: children.length > 0 ? model.comments.get(children[0]!) : undefined,
    link: view === 'threaded' ? model.links.get(id) : undefined,
    counts: children.length > 0 ? countDescendants(tree, id, view === 'threaded' ? model.links : undefined) : null,
    postUrl: model.post.url,
    handle: model.handles.get(id),
    signer: model.signers.get(id),
  };
}

const sameEntry = (a: CommentEntry | undefined, b: CommentEntry | undefined) => a === b || (!!a && !!b && a.record === b.record && a.text === b.text);

function sameSlice(a: CommentSlice, b: CommentSlice): boolean {
  return (
    sameEntry(a.entry, b.entry) &&
    sameEntry(a.parent, b.parent) &&
    sameEntry(a.firstChild, b.firstChild) &&
    a.parentId === b.parentId &&
    a.postUrl === b.postUrl &&
    a.handle === b.handle &&
    a.signer?.key === b.signer?.key &&
    a.signer?.from === b.signer?.from &&
    a.children.length === b.children.length &&
    a.children.every((child, index) => child === b.children[index]) &&
    a.link?.source === b.link?.source &&
    a.link?.parentId === b.link?.parentId &&
    a.link?.evidence === b.link?.evidence &&
    a.counts?.total === b.counts?.total &&
    a.counts?.inferred === b.counts?.inferred
  );
}

/** Which of the features' marks this comment carries, one entry per spec; one state, re-set only when one changes. */
function useMarked(marks: MarkRegistry, specs: readonly CommentMarkSpec[], id: string): boolean[] {
  const read = () => specs.map((spec) => marks.of(spec.mark).has(id));
  const [marked, setMarked] = useState(read);
  useEffect(() => {
    const update = () =>
      setMarked((previous) => {
        const next = read();
        return next.length === previous.length && next.every((value, index) => value === previous[index]) ? previous : next;
      });
    update();
    const stops = specs.map((spec) => marks.of(spec.mark).subscribe(id, update));
    return () => {
      for (const stop of stops) stop();
    };
  }, [marks, specs, id]);
  return marked;
}

function CommentItemView({ id, depth, view }: Props) {
  const { model: modelStore, collapsed, hidden, highlight, current, marks, contributions, actions, onBodyRendered } = useThread();
  const { entry, children, parentId, parent, firstChild, link, counts, postUrl, handle, signer } = useSelected(
    modelStore,
    (model) => sliceOf(model, id, view),
    sameSlice,
    [id, view],
  );
  const isCollapsed = useMember(collapsed, id);
  const highlighted = useSelected(highlight, (value) => value === id, Object.is, [id]);
  const isCurrent = useSelected(current, (value) => value === id, Object.is, [id]);
  const isHidden = useMember(hidden, id);
  const { actions: featureActions, marks: markSpecs } = useValue(contributions);
  const marked = useMarked(marks, markSpecs, id);
  if (!entry) return null;
  const shownMarks = markSpecs.filter((_, index) => marked[index]);
  const Cover = shownMarks.find((spec) => spec.cover)?.cover;
  const markAttributes = Object.fromEntries(shownMarks.filter((spec) => spec.attribute).map((spec) => [spec.attribute!, '']));
  const { record } = entry;
  const source = link?.source ?? 'blogger';
  const showChip = parentId !== null && (source !== 'blogger' || depth > MAX_VISUAL_DEPTH);
  const repliesId = `tl-replies-${id}`;
  const authorId = `tl-author-${id}`;
  const classes = [
    'comment',
    record.removed && 'is-removed',
    record.isBlogOwner && 'is-owner',
    highlighted && 'is-highlighted',
    isCurrent && 'is-current',
    depth >= MAX_VISUAL_DEPTH && 'is-deep',
    ...shownMarks.map((spec) => spec.className),
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <article
      id={`tl-c${id}`}
      className={classes}
      data-thread-comment={id}
      data-thread-parent={parentId ?? ''}
      data-thread-source={source}
      data-thread-depth={depth}
      data-thread-highlight={highlighted ? '' : undefined}
      {...markAttributes}
      aria-labelledby={authorId}
      tabIndex={-1}
      hidden={isHidden}
    >
      <div className="comment-main">
        <header className="comment-header">
          {record.authorUrl ? (
            <a id={authorId} className="author" href={record.authorUrl} rel="noopener nofollow ugc" target="_blank">
              {record.author}
            </a>
          ) : (
            <span id={authorId} className="author" data-thread-handle={handle}>
              {handle ?? record.author}
            </span>
          )}
          {signer && (
            <span className={`signer signer-c${signer.colour}`} data-thread-signer={signer.key}>
              <span className="signer-swatch" aria-hidden="true" />
              {signer.from === 'signature' && <span className="signer-name">{t('trust_signer_label', signer.name)}</span>}
            </span>
          )}
          {record.isBlogOwner && <span className="badge">{t('view_blog_author')}</span>}
          {shownMarks.map(
            (spec) =>
              spec.label && (
                <span key={spec.mark} className={`badge badge-${spec.mark}`}>
                  {spec.label}
                </span>
              ),
          )}
          <a className="time" href={permalink(postUrl, entry)}>
            {record.displayTime || t('view_time_unknown')}
          </a>
        </header>
        {showChip && parent && <ReplyChip id={id} parent={parent} link={link} />}
        {view === 'threaded' && parentId === null && link && link.source !== 'blogger' && (
          <p className="reply-chip-wrap post-reply">{postReplyNote(link)}</p>
        )}
        {Cover ? (
          <Cover id={id} />
        ) : record.removed ? (
          <p className="comment-body removed-note">
            <span className="removed-label">{t('view_removed')}</span> {entry.text || t('view_removed_text')}
          </p>
        ) : (
          <SafeBody html={record.html} className="comment-body" onRendered={(element) => onBodyRendered(id, element)} />
        )}
        <div className="comment-actions">
          {counts && (
            <button
              type="button"
              className="toggle"
              data-thread-action="toggle"
              aria-expanded={isCollapsed ? 'false' : 'true'}
              aria-controls={repliesId}
              onClick={() => actions.toggle(id)}
            >
              {repliesLabel(counts.total, counts.inferred)}
              {isCollapsed && firstChild && (
                <span className="collapsed-preview">{t('view_collapsed_preview', firstChild.record.author, previewOf(firstChild))}</span>
              )}
            </button>
          )}
          <button type="button" className="action icon-reply" data-thread-action="reply" onClick={() => actions.reply(id)}>
            {t('view_reply')}
          </button>
          {featureActions.row.map((Actions, index) => (
            <Actions key={index} id={id} hasReplies={counts !== null} source={source} />
          ))}
          {featureActions.menu.length > 0 && <CommentMenu id={id} hasReplies={counts !== null} source={source} items={featureActions.menu} />}
        </div>
      </div>
      {children.length > 0 && (
        // The thread line (`.replies::before`) collapses the thread on a click; the toggle button is its keyboard way.
        // biome-ignore lint/a11y/useKeyWithClickEvents: the toggle above does the same from the keyboard
        <div
          id={repliesId}
          className="replies"
          role="group"
          aria-label={t('view_replies_to', record.author)}
          hidden={isCollapsed}
          onClick={(event) => {
            if (event.target === event.currentTarget) actions.toggle(id);
          }}
        >
          {children.map((child) => (
            <CommentItem key={child} id={child} depth={depth + 1} view={view} />
          ))}
        </div>
      )}
    </article>
  );
}

export const CommentItem = memo(CommentItemView);
