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

describe('displayedClock with a creation time: the date from the instant, the clock from the digits shown (issue #15)', () => {
  const at = Date.UTC(2015, 5, 6, 8, 23); // 10:23 in Berlin (CEST), 09:23 in London

  it('reads a German display without knowing German: the date comes from the instant in the blog’s own offset', () => {
    expect(displayedClock('6. Juni 2015 um 10:23', at)).toEqual({ hour: 10, minute: 23, day: 6, month: 6, year: 2015, twelveHour: false });
  });

  it('reads a bare clock ("21:00") with the date it had in the blog’s zone, across midnight UTC', () => {
    const lateInBratislava = Date.UTC(2016, 2, 14, 23, 30); // 00:30 on the 15th in Bratislava
    expect(displayedClock('00:30', lateInBratislava)).toMatchObject({ hour: 0, minute: 30, day: 15, month: 3 });
  });

  it('reads a Spanish 12-hour display ("30/12/14 2:07 a. m.") and a U+202F before PM', () => {
    const madrid = Date.UTC(2014, 11, 30, 1, 7); // 02:07 in Madrid
    expect(displayedClock('30/12/14 2:07 a. m.', madrid)).toMatchObject({ hour: 2, minute: 7, day: 30, month: 12, twelveHour: true });
    const newYork = Date.UTC(2015, 6, 13, 22, 39); // 6:39 PM in New York (EDT)
    expect(displayedClock('July 13, 2015 at 6:39\u202fPM', newYork)).toMatchObject({ hour: 18, minute: 39, day: 13, month: 7, twelveHour: true });
  });

  it('never takes the date from month names: a text whose words disagree with the instant gets the instant’s date', () => {
    expect(displayedClock('1 January 1999 at 10:23', at)).toMatchObject({ day: 6, month: 6, year: 2015 });
  });

  it('without a creation time, parses what the text offers, U+202F included', () => {
    expect(displayedClock('July 13, 2015 at 2:39\u202fAM', Number.NaN)).toMatchObject({ hour: 2, minute: 39, day: 13, month: 7 });
    expect(displayedClock('Gestern', Number.NaN)).toBeNull();
  });
});
