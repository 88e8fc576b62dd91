import { describe, expect, it } from 'vitest';
import { conversationHandles } from '../../../src/threads/handles';
import { inferReplies } from '../../../src/threads/infer';
import { makeComments } from './make-comments';

describe('conversationHandles', () => {
  it('names an anonymous comment by the time others address it with, and no other', () => {
    const comments = makeComments([
      { id: 'a', at: '2024-02-19 21:07', text: 'I am retiring early this week.' },
      { id: 'b', at: '2024-02-19 21:30', text: 'Pay is the issue.', author: 'Pearly Gates' },
      { id: 'c', at: '2024-02-19 21:45', text: 'Nobody cares.' },
      { id: 'd', at: '2024-02-19 22:00', text: 'Another point.' },
      { id: 'x', at: '2024-02-20 08:00', text: 'Good luck 21:07, and @21:30 you are right. I left at 21:45.' },
    ]);
    const handles = conversationHandles(comments, inferReplies({ comments, postBodyText: '' }));
    expect([...handles]).toEqual([['a', 'Anonymous · 21:07']]);
  });
});
