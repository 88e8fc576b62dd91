/** One comment with its header, body, actions, inferred-link chip and (collapsible) replies. */
import { memo } from './memo';
import { countDescendants } from '../threads';
import { useThread } from './context';
import { previewOf, type CommentEntry, type ViewMode } from './model';
import { SafeBody } from './SafeBody';
import { useMember, useValue } from './store';
import { ReplyChip } from './ReplyChip';

/** Indentation stops growing past this depth; deeper replies keep their "replying to" chip instead. */
export const MAX_VISUAL_DEPTH = 6;

function permalink(postUrl: string, entry: CommentEntry): string {
  const { id, publishedMs } = entry.record;
  return Number.isFinite(publishedMs) ? `${postUrl}?showComment=${publishedMs}#c${id}` : `${postUrl}#c${id}`;
}

function repliesLabel(total: number, inferred: number): string {
  const noun = total === 1 ? 'reply' : 'replies';
  return inferred > 0 ? `${total} ${noun} (${inferred} inferred)` : `${total} ${noun}`;
}

interface Props {
  id: string;
  depth: number;
  view: ViewMode;
}

function CommentItemView({ id, depth, view }: Props) {
  const { model: modelStore, collapsed, highlight, current, marks, mutedWord, actions, onBodyRendered } = useThread();
  const model = useValue(modelStore);
  const isCollapsed = useMember(collapsed, id);
  const highlighted = useValue(highlight) === id;
  const isCurrent = useValue(current) === id;
  const hiddenByFilter = useMember(marks.filterHidden, id);
  const isContext = useMember(marks.filterContext, id);
  const isNew = useMember(marks.isNew, id);
  const mutedByWord = useMember(marks.muted, id);
  const openedByReader = useMember(marks.unmuted, id);
  const isMuted = mutedByWord && !openedByReader;
  const isSaved = useMember(marks.saved, id);
  const isThreadSaved = useMember(marks.savedThread, id);
  const entry = model.comments.get(id);
  if (!entry) return null;
  const { record } = entry;
  const tree = model.trees[view];
  const children = tree.children.get(id) ?? [];
  const parentId = tree.parentOf.get(id) ?? null;
  const link = view === 'threaded' ? model.links.get(id) : undefined;
  const source = link?.source ?? 'blogger';
  const counts = children.length > 0 ? countDescendants(tree, id, view === 'threaded' ? model.links : undefined) : null;
  const showChip = parentId !== null && (source !== 'blogger' || depth > MAX_VISUAL_DEPTH);
  const repliesId = `tl-replies-${id}`;
  const authorId = `tl-author-${id}`;
  const classes = ['comment', record.removed && 'is-removed', record.isBlogOwner && 'is-owner', highlighted && 'is-highlighted', isCurrent && 'is-current', isContext && 'is-context', isNew && 'is-new', depth >= MAX_VISUAL_DEPTH && 'is-deep']
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
      data-thread-new={isNew ? '' : undefined}
      aria-labelledby={authorId}
      tabIndex={-1}
      hidden={hiddenByFilter}
    >
      <div className="comment-main">
        <header className="comment-header">
          {record.authorUrl ? (
            <a id={authorId} className="author" href={record.authorUrl} rel="noopener nofollow ugc" target="_blank">
              {record.author}
            </a>
          ) : (
            <span id={authorId} className="author">
              {record.author}
            </span>
          )}
          {record.isBlogOwner && <span className="badge">Blog author</span>}
          {isNew && <span className="badge badge-new">new</span>}
          <a className="time" href={permalink(model.post.url, entry)}>
            {record.displayTime || 'time unknown'}
          </a>
        </header>
        {showChip && parentId !== null && <ReplyChip id={id} parentId={parentId} link={link} />}
        {view === 'threaded' && parentId === null && link && link.source !== 'blogger' && (
          <p className="reply-chip-wrap post-reply">
            <span aria-hidden="true">↪</span> replying to the post (from {link.source} ‘{link.evidence}’)
          </p>
        )}
        {isMuted ? (
          <button type="button" className="muted-stub" data-thread-action="unmute" onClick={() => actions.unmute(id)}>
            muted ({mutedWord.get(id) ?? 'word'}) · show
          </button>
        ) : record.removed ? (
          <p className="comment-body removed-note">
            <span className="removed-label">Removed.</span> {entry.text || 'This comment has been removed.'}
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
              <span aria-hidden="true" className="toggle-arrow">
                {isCollapsed ? '▸' : '▾'}
              </span>{' '}
              {isCollapsed ? `${repliesLabel(counts.total, counts.inferred)} hidden` : repliesLabel(counts.total, counts.inferred)}
            </button>
          )}
          <button type="button" className="link-button" data-thread-action="reply" onClick={() => actions.reply(id)}>
            Reply
          </button>
          <button
            type="button"
            className="link-button"
            data-thread-action="save"
            aria-pressed={isSaved ? 'true' : 'false'}
            onClick={() => actions.save(id)}
          >
            {isSaved ? 'Saved' : 'Save'}
          </button>
          {counts && (
            <button
              type="button"
              className="link-button"
              data-thread-action="save-thread"
              aria-pressed={isThreadSaved ? 'true' : 'false'}
              onClick={() => actions.saveThread(id)}
            >
              {isThreadSaved ? 'Thread saved' : 'Save thread'}
            </button>
          )}
        </div>
        {counts && isCollapsed && (
          <p className="collapsed-preview">
            <span className="visually-hidden">First reply: </span>
            {previewOf(model.comments.get(children[0]!))}
          </p>
        )}
      </div>
      {children.length > 0 && (
        <div id={repliesId} className="replies" role="group" aria-label={`Replies to ${record.author}`} hidden={isCollapsed}>
          {children.map((child) => (
            <CommentItem key={child} id={child} depth={depth + 1} view={view} />
          ))}
        </div>
      )}
    </article>
  );
}

export const CommentItem = memo(CommentItemView);
