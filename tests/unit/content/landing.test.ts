// @vitest-environment node
/** Which comment a link lands on: `#c<id>`, Blogger's exact `?showComment=<ms>`, and the post lists' "first from <ms>". */
import { describe, expect, it } from 'vitest';
import { targetCommentId } from '../../../src/content/landing';

const POST = 'https://probationmatters.blogspot.com/2024/02/some-thoughts.html';
const comments = [
  { id: '1000001', publishedMs: 1000 },
  { id: '1000003', publishedMs: 3000 },
  { id: '1000002', publishedMs: 2000 },
];

describe('targetCommentId', () => {
  it('lands on #c<id> and on an exact showComment time', () => {
    expect(targetCommentId(`${POST}#c1000003`, comments)).toBe('1000003');
    expect(targetCommentId(`${POST}?showComment=2000#c1000002`, comments)).toBe('1000002');
  });

  it('reads showComment with #comments as the earliest comment from that time (a post-list badge)', () => {
    expect(targetCommentId(`${POST}?showComment=1001#comments`, comments)).toBe('1000002');
    expect(targetCommentId(`${POST}?showComment=3001#comments`, comments)).toBeNull();
  });

  it('keeps Blogger’s own showComment exact: an unknown time without #comments lands nowhere', () => {
    expect(targetCommentId(`${POST}?showComment=1001`, comments)).toBeNull();
  });
});
