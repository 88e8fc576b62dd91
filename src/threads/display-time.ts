/** Reads the wall-clock time a comment shows (the blog's own timezone) from its display text. */

/** The minute a comment displays, plus its date when the display text has one. */
export interface DisplayedClock {
  hour: number;
  minute: number;
  day: number | null;
  month: number | null;
  year: number | null;
  /** True when the blog writes times with am/pm. */
  twelveHour: boolean;
}

const MONTHS: ReadonlyArray<string> = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** 1-12 for an English month name or abbreviation ("Feb", "February", "Sept"), else null. */
export function monthNumber(word: string): number | null {
  const lower = word.toLowerCase();
  if (lower.length < 3) return null;
  const index = MONTHS.indexOf(lower.slice(0, 3));
  if (index < 0) return null;
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][index]!;
  return full.startsWith(lower) || (index === 8 && lower === 'sept') ? index + 1 : null;
}

const CLOCK = /(\d{1,2})[:.](\d{2})(?:\s*([ap])\.?\s?m\b\.?)?/gi;
const DAY_MONTH_YEAR = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/;
const MONTH_DAY_YEAR = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/;
const NUMERIC_DATE = /\b(\d{1,2})\/(\d{1,2})\/(\d{2,4})\b/;

/** Parses texts such as "26 May 2021 at 05:04", "Thursday, 30 September 2021 21:07", "May 26, 2021 at 5:04 AM". */
export function parseDisplayTime(displayTime: string): DisplayedClock | null {
  const text = normaliseSpaces(displayTime).trim();
  const clock = lastClock(text);
  if (!clock) return null;
  const date = parseDate(`${text.slice(0, clock.index)} ${text.slice(clock.index + clock.length)}`);
  return { hour: clock.hour, minute: clock.minute, ...date, twelveHour: clock.twelveHour };
}

function parseDate(text: string): Pick<DisplayedClock, 'day' | 'month' | 'year'> {
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy && monthNumber(dmy[2]!) !== null) {
    return { day: Number(dmy[1]), month: monthNumber(dmy[2]!), year: Number(dmy[3]) };
  }
  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy && monthNumber(mdy[1]!) !== null) {
    return { day: Number(mdy[2]), month: monthNumber(mdy[1]!), year: Number(mdy[3]) };
  }
  const numeric = NUMERIC_DATE.exec(text);
  if (numeric) {
    const year = Number(numeric[3]);
    return { day: Number(numeric[1]), month: Number(numeric[2]), year: year < 100 ? 2000 + year : year };
  }
  return { day: null, month: null, year: null };
}

/** The blog's timezone, used only when a comment has no display text: the On Probation blog is in London. */
export const BLOG_TIME_ZONE = 'Europe/London';

/**
 * The clock a comment shows, for matching time references. With a creation time (the permalink's milliseconds) the
 * date comes from that instant in the blog's own zone, never from the display text's words, whatever its language
 * ("6. Juni 2015 um 10:23", "30/12/14 2:07 a. m.", a bare "21:00"): the hour and minute the text shows give the
 * blog's UTC offset at that instant, so no timezone has to be known. Without a clock in the text, the instant is
 * rendered in `timeZone`. Without a creation time, the display text is all there is: parsed where it can be.
 */
export function displayedClock(displayTime: string, publishedMs: number, timeZone = BLOG_TIME_ZONE): DisplayedClock | null {
  if (!Number.isFinite(publishedMs)) return parseDisplayTime(displayTime);
  const shown = shownClock(displayTime);
  if (shown) {
    const utc = new Date(publishedMs);
    const utcMinutes = utc.getUTCHours() * 60 + utc.getUTCMinutes();
    let offset = (((shown.hour * 60 + shown.minute - utcMinutes) % 1440) + 1440) % 1440;
    if (offset > 780) offset -= 1440; // UTC-11 .. UTC+13
    const wall = new Date(publishedMs + offset * 60_000);
    return {
      hour: shown.hour,
      minute: shown.minute,
      day: wall.getUTCDate(),
      month: wall.getUTCMonth() + 1,
      year: wall.getUTCFullYear(),
      twelveHour: shown.twelveHour,
    };
  }
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(publishedMs));
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return { hour: part('hour'), minute: part('minute'), day: part('day'), month: part('month'), year: part('year'), twelveHour: false };
}

/** The hour (0-23) and minute a display text shows, from its digits and am/pm only (any language), else null. */
function shownClock(displayTime: string): { hour: number; minute: number; twelveHour: boolean } | null {
  const clock = lastClock(normaliseSpaces(displayTime));
  return clock && { hour: clock.hour, minute: clock.minute, twelveHour: clock.twelveHour };
}

/** The last clock time in a text (hour 0-23, minute, whether it had am/pm) and where it stands, else null. */
function lastClock(text: string): { hour: number; minute: number; twelveHour: boolean; index: number; length: number } | null {
  let clock: RegExpExecArray | null = null;
  for (const match of text.matchAll(CLOCK)) clock = match;
  if (!clock) return null;
  let hour = Number(clock[1]);
  const minute = Number(clock[2]);
  const meridiem = clock[3]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return null;
  return { hour, minute, twelveHour: meridiem !== undefined, index: clock.index, length: clock[0].length };
}

/** U+202F and U+00A0 (current pages put the former before AM/PM) as plain spaces: for matching only, never display. */
export function normaliseSpaces(text: string): string {
  return text.replace(/[\u00a0\u2007\u202f]/g, ' ');
}
