import { describe, expect, it } from 'vitest';
import { stateLine } from '../../../src/popup/tab-kind';

describe('the popup state line', () => {
  it('says comments, new and saved, from the English messages', () => {
    expect(stateLine({ comments: 212, new: 14, saved: 3 })).toBe('212 comments, 14 new, 3 saved');
  });

  it('says "1 comment" for one', () => {
    expect(stateLine({ comments: 1, new: 0, saved: 0 })).toBe('1 comment, 0 new, 0 saved');
  });
});
