/** How the corrections name a comment in words: its author and time, the conversation's handle, or the post. */
import { t } from '../../shared/i18n';
import type { ThreadModel } from '../../ui/model';

/** "Anonymous, 19 February 2024 at 21:07", "the post", or "a comment not on the page". */
export function whoOf(model: ThreadModel, parentId: string | null): string {
  if (parentId === null) return t('trust_who_post');
  const entry = model.comments.get(parentId);
  return entry ? t('trust_who_comment', entry.record.author, entry.record.displayTime) : t('trust_who_missing');
}

/** The short name a suggestion uses: the handle the conversation uses ("Anonymous · 21:07") when there is one. */
export function handleOf(model: ThreadModel, parentId: string | null): string {
  return (parentId !== null && model.handles.get(parentId)) || whoOf(model, parentId);
}

/** The start of a comment's text, cut to a readable length. */
export function previewText(model: ThreadModel, id: string, length = 90): string {
  const text = model.comments.get(id)?.text.trim() ?? '';
  return text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;
}
