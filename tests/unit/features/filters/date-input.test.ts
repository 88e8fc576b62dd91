import { describe, expect, it } from 'vitest';
import { dateValueOfEnd, dateValueOfStart, endOfDayMs, startOfDayMs } from '../../../../src/features/filters/date-input';

describe('date inputs and range bounds', () => {
  it('turns a day into [its local midnight, the next local midnight)', () => {
    const start = startOfDayMs('2024-03-30')!;
    const end = endOfDayMs('2024-03-30')!;
    expect(new Date(start).getHours()).toBe(0);
    expect(new Date(start).getDate()).toBe(30);
    expect(new Date(end).getDate()).toBe(31);
    expect(new Date(end).getHours()).toBe(0);
  });

  it('reads back the same day from both bounds', () => {
    expect(dateValueOfStart(startOfDayMs('2024-02-29'))).toBe('2024-02-29');
    expect(dateValueOfEnd(endOfDayMs('2024-12-31'))).toBe('2024-12-31');
  });

  it('gives no bound for an empty or malformed value', () => {
    expect(startOfDayMs('')).toBeNull();
    expect(endOfDayMs('19/02/2024')).toBeNull();
    expect(dateValueOfStart(null)).toBe('');
  });
});
