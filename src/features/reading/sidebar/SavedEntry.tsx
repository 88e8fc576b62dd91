/** One saved item in the reading list: who and when, the excerpt, note and tags (editable), read state, open and remove. */
import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import type { ReadingStore } from '../reading-store';
import { permalinkOf, savedKey, type SavedItem } from '../types';
import { SavedExcerpt } from './SavedExcerpt';

export interface SavedEntryProps {
  item: SavedItem;
  store: ReadingStore;
  onOpen(item: SavedItem): void;
}

function kindLabel(item: SavedItem): string {
  if (item.kind === 'post') return t('reading_kind_post');
  if (item.kind === 'thread') return item.replyCount === 1 ? t('reading_kind_thread_one') : t('reading_kind_thread', item.replyCount);
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
      <label htmlFor={`${id}-note`}>{t('reading_note')}</label>
      <textarea
        id={`${id}-note`}
        data-reading-note
        value={note}
        rows={3}
        maxLength={4000}
        onInput={(event) => setNote(event.currentTarget.value)}
        autoFocus
      />
      <label htmlFor={`${id}-tags`}>{t('reading_tags_label')}</label>
      <input id={`${id}-tags`} data-reading-tags type="text" value={tags} onInput={(event) => setTags(event.currentTarget.value)} />
      <div className="row">
        <button type="submit" data-reading-action="save-note">
          {t('reading_save_note')}
        </button>
        <button type="button" onClick={onDone}>
          {t('reading_cancel')}
        </button>
      </div>
    </form>
  );
}

export function SavedEntry({ item, store, onOpen }: SavedEntryProps) {
  const [editing, setEditing] = useState(false);
  const key = savedKey(item);
  const label = kindLabel(item);
  const author = item.author || t('reading_unknown_author');
  const who =
    item.kind === 'post' ? item.postTitle || t('reading_this_post') : item.displayTime ? t('reading_who_when', author, item.displayTime) : author;
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
        {!item.read && <span className="unread-dot" aria-label={t('reading_unread')} role="img" />}
        <span className="entry-who">{who}</span>
      </a>
      {label && <span className="entry-kind">{label}</span>}
      {item.excerptHtml ? <SavedExcerpt html={item.excerptHtml} /> : item.kind !== 'post' && <p className="pending">{t('reading_pending')}</p>}
      {editing ? (
        <NoteEditor item={item} store={store} onDone={() => setEditing(false)} />
      ) : (
        (item.note || item.tags.length > 0) && (
          <div className="entry-note">
            {item.note && <p data-reading-note-text>{item.note}</p>}
            {item.tags.length > 0 && (
              <ul className="tags" aria-label={t('reading_tags')}>
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
            aria-label={item.note ? t('reading_edit_note_label', who) : t('reading_add_note_label', who)}
          >
            {item.note || item.tags.length > 0 ? t('reading_edit_note') : t('reading_add_note')}
          </button>
          <button
            type="button"
            data-reading-action="toggle-read"
            aria-pressed={item.read ? 'true' : 'false'}
            onClick={() => void store.update(key, { read: !item.read })}
          >
            {t('reading_read')}
          </button>
          <button
            type="button"
            data-reading-action="remove"
            aria-label={t('reading_remove_label', who)}
            onClick={() => void store.remove([key], t('reading_removed', who))}
          >
            {t('reading_remove')}
          </button>
        </div>
      )}
    </li>
  );
}
