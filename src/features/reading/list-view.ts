/** Pure arrangement of the reading list: search across text, notes and tags, tag and unread filters, sort, grouping by post. */
import type { SavedItem } from './types';
import { normalizeText } from '../../threads/filter-text';

export type ReadingSort = 'newest' | 'oldest' | 'comment-time';

export interface ReadingQuery {
  /** Words that must all appear (in the excerpt, note, tags, author or post title); case and accents ignored. */
  text: string;
  /** Only items with this tag ('' for any). */
  tag: string;
  unreadOnly: boolean;
  sort: ReadingSort;
}

export const DEFAULT_QUERY: ReadingQuery = { text: '', tag: '', unreadOnly: false, sort: 'newest' };

export interface PostGroup {
  postKey: string;
  postUrl: string;
  postTitle: string;
  items: SavedItem[];
}

/** Every tag in use, most used first. */
export function tagsInUse(items: Iterable<SavedItem>): string[] {
  const counts = new Map<string, number>();
  for (const item of items) for (const tag of item.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([tag]) => tag);
}

function compare(sort: ReadingSort): (a: SavedItem, b: SavedItem) => number {
  if (sort === 'oldest') return (a, b) => a.savedAt - b.savedAt;
  if (sort === 'comment-time') return (a, b) => (a.publishedMs ?? Infinity) - (b.publishedMs ?? Infinity) || a.savedAt - b.savedAt;
  return (a, b) => b.savedAt - a.savedAt;
}

/**
 * The items that match, grouped by post. Groups come newest saved first (oldest first for 'oldest'); inside a group,
 * items follow the chosen sort. `plainText` gives an item's excerpt as text (the caller knows how to read HTML).
 */
export function arrangeReadingList(items: Iterable<SavedItem>, query: ReadingQuery, plainText: (item: SavedItem) => string): PostGroup[] {
  const words = normalizeText(query.text).split(/\s+/).filter(Boolean);
  const groups = new Map<string, PostGroup>();
  for (const item of items) {
    if (query.unreadOnly && item.read) continue;
    if (query.tag && !item.tags.includes(query.tag)) continue;
    if (words.length > 0) {
      const haystack = normalizeText([plainText(item), item.note, item.tags.join(' '), item.author, item.postTitle].join('\n'));
      if (!words.every((word) => haystack.includes(word))) continue;
    }
    let group = groups.get(item.postKey);
    if (!group) groups.set(item.postKey, (group = { postKey: item.postKey, postUrl: item.postUrl, postTitle: item.postTitle, items: [] }));
    group.items.push(item);
    if (!group.postTitle && item.postTitle) group.postTitle = item.postTitle;
  }
  const order = compare(query.sort);
  const byNewest = (group: PostGroup) => Math.max(...group.items.map((item) => item.savedAt));
  const byOldest = (group: PostGroup) => Math.min(...group.items.map((item) => item.savedAt));
  const out = [...groups.values()];
  for (const group of out) group.items.sort(order);
  if (query.sort === 'oldest') out.sort((a, b) => byOldest(a) - byOldest(b));
  else out.sort((a, b) => byNewest(b) - byNewest(a));
  return out;
}
