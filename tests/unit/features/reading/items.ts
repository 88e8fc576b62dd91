/** Builds saved items for the reading tests. */
import { SAVED_ITEM_VERSION, type SavedItem } from '../../../../src/features/reading/types';

let sequence = 0;

/** A valid saved comment; every call gets a new comment id unless one is given. */
export function savedComment(overrides: Partial<SavedItem> = {}): SavedItem {
  sequence += 1;
  return {
    v: SAVED_ITEM_VERSION,
    kind: 'comment',
    postKey: '7001',
    postUrl: 'https://probationmatters.blogspot.com/2024/02/a-post.html',
    postTitle: 'A post',
    commentId: String(1234567890123450000n + BigInt(sequence)),
    publishedMs: 1708376820000 + sequence,
    author: 'Anonymous',
    displayTime: '19 February 2024 at 21:07',
    excerptHtml: `<p>comment ${sequence}</p>`,
    replyCount: 0,
    note: '',
    tags: [],
    savedAt: 1_700_000_000_000 + sequence,
    updatedAt: 1_700_000_000_000 + sequence,
    read: false,
    ...overrides,
  };
}
