import { afterEach, describe, expect, it } from 'vitest';
import { displayedClock, parseDisplayTime } from '../../../src/threads/display-time';

describe('parseDisplayTime', () => {
  it('reads the day, month, year and 24-hour time of a UK-style display', () => {
    expect(parseDisplayTime('26 May 2021 at 05:04')).toEqual({ hour: 5, minute: 4, day: 26, month: 5, year: 2021, twelveHour: false });
  });

  it('reads a weekday-prefixed display and a US-style 12-hour display', () => {
    expect(parseDisplayTime('Thursday, 30 September 2021 21:07')).toMatchObject({ hour: 21, minute: 7, day: 30, month: 9 });
    expect(parseDisplayTime('May 26, 2021 at 9:04 PM')).toMatchObject({ hour: 21, minute: 4, day: 26, month: 5, twelveHour: true });
    expect(parseDisplayTime('May 26, 2021 at 12:04 AM')).toMatchObject({ hour: 0, minute: 4 });
  });

  it('returns null when the text has no clock time', () => {
    expect(parseDisplayTime('')).toBeNull();
    expect(parseDisplayTime('26 May 2021')).toBeNull();
  });
});

describe('displayedClock without display text', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it('renders the creation time in London summer time, whatever the reader’s timezone', () => {
    const july = Date.UTC(2025, 6, 23, 20, 7); // 21:07 BST
    process.env.TZ = 'America/New_York';
    const inNewYork = displayedClock('', july);
    process.env.TZ = 'Asia/Tokyo';
    const inTokyo = displayedClock('', july);
    expect(inNewYork).toMatchObject({ hour: 21, minute: 7, day: 23, month: 7 });
    expect(inTokyo).toEqual(inNewYork);
  });

  it('uses GMT in winter', () => {
    expect(displayedClock('', Date.UTC(2025, 0, 10, 20, 7))).toMatchObject({ hour: 20, minute: 7 });
  });

  it('prefers the display text over the creation time', () => {
    expect(displayedClock('10 January 2025 at 08:15', Date.UTC(2025, 0, 10, 20, 7))).toMatchObject({ hour: 8, minute: 15 });
  });
});
