/** src/shared/badge.ts: the toolbar badge text. */
import { describe, expect, it } from 'vitest';
import { badgeText } from '../../../src/shared/badge';

describe('badgeText', () => {
  it('shows the count, clears at zero and caps at four characters', () => {
    expect(badgeText(14)).toBe('14');
    expect(badgeText(0)).toBe('');
    expect(badgeText(12345)).toBe('999+');
  });
});
