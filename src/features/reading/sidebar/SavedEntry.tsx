/** One saved item in the reading list: who and when, the excerpt, note and tags (editable), read state, open and remove. */
import { useState } from 'preact/hooks';
import type { ReadingStore } from '../reading-store';
import { permalinkOf, savedKey, type SavedItem } from '../types';
import { SavedExcerpt } from './SavedExcerpt';

export interface SavedEntryProps {
  item: SavedItem;
  store: ReadingStore;
  onOpen(item: SavedItem): void;
}

function kindLabel(item: SavedItem): string {
  if (item.kind === 'post') return 'Post';
  if (item.kind === 'thread') return `Thread · ${item.replyCount} ${item.replyCount === 1 ? 'reply' : 'replies'}`;
  return '';
}

function NoteEditor({ item, store, onDone }: { item: SavedItem; store: ReadingStore; onDone(): void }) {
  const [note, setNote] = useState(item.note);
  const [tags, setTags] = useState(item.tags.join(', '));
  const id = `tl-note-${savedKey(item).replace(/[^\w-]/g, '_')}`;
  const submit = (event: Event) => {
    event.preventDefault();
    void store.update(savedKey(item), { note, tags: tags.split(',') }).then(onDone);
  };
  return (
    <form className="note-editor" onSubmit={submit} onKeyDown={(event) => event.key === 'Escape' && (event.stopPropagation(), onDone())}>
      <label htmlFor={`${id}-note`}>Note</label>
      <textarea
        id={`${id}-note`}
        data-reading-note
        value={note}
        rows={3}
        maxLength={4000}
        onInput={(event) => setNote(event.currentTarget.value)}
        autoFocus
      />
      <label htmlFor={`${id}-tags`}>Tags (comma separated)</label>
      <input id={`${id}-tags`} data-reading-tags type="text" value={tags} onInput={(event) => setTags(event.currentTarget.value)} />
      <div className="row">
        <button type="submit" data-reading-action="save-note">
          Save note
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function SavedEntry({ item, store, onOpen }: SavedEntryProps) {
  const [editing, setEditing] = useState(false);
  const key = savedKey(item);
  const label = kindLabel(item);
  const who = item.kind === 'post' ? item.postTitle || 'This post' : `${item.author || 'Unknown'}${item.displayTime ? ` · ${item.displayTime}` : ''}`;
  const dataAttributes =
    item.kind === 'comment'
      ? { 'data-saved-comment': item.commentId! }
      : item.kind === 'thread'
        ? { 'data-saved-thread': item.commentId! }
        : { 'data-saved-post': item.postKey };
  return (
    <li className={`saved-entry${item.read ? ' is-read' : ''}`} {...dataAttributes} data-saved-key={key} data-read={item.read ? 'true' : 'false'}>
      <a
        className="entry-open"
        href={permalinkOf(item)}
        onClick={(event) => {
          if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
          event.preventDefault();
          onOpen(item);
        }}
      >
        {!item.read && <span className="unread-dot" aria-label="unread" role="img" />}
        <span className="entry-who">{who}</span>
      </a>
      {label && <span className="entry-kind">{label}</span>}
      {item.excerptHtml ? (
        <SavedExcerpt html={item.excerptHtml} />
      ) : (
        item.kind !== 'post' && <p className="pending">The text appears once the post is opened in this browser.</p>
      )}
      {editing ? (
        <NoteEditor item={item} store={store} onDone={() => setEditing(false)} />
      ) : (
        (item.note || item.tags.length > 0) && (
          <div className="entry-note">
            {item.note && <p data-reading-note-text>{item.note}</p>}
            {item.tags.length > 0 && (
              <ul className="tags" aria-label="Tags">
                {item.tags.map((tag) => (
                  <li key={tag}>#{tag}</li>
                ))}
              </ul>
            )}
          </div>
        )
      )}
      {!editing && (
        <div className="entry-actions">
          <button
            type="button"
            data-reading-action="edit-note"
            onClick={() => setEditing(true)}
            aria-label={`${item.note ? 'Edit note' : 'Add note'}: ${who}`}
          >
            {item.note || item.tags.length > 0 ? 'Edit note' : 'Add note'}
          </button>
          <button
            type="button"
            data-reading-action="toggle-read"
            aria-pressed={item.read ? 'true' : 'false'}
            onClick={() => void store.update(key, { read: !item.read })}
          >
            Read
          </button>
          <button
            type="button"
            data-reading-action="remove"
            aria-label={`Remove: ${who}`}
            onClick={() => void store.remove([key], `Removed “${who}”.`)}
          >
            Remove
          </button>
        </div>
      )}
    </li>
  );
}
