/** Finds references to other comments' times in text ("@21:07", "Anon 15:23", "19 Feb at 21.07") and resolves them. */
import { monthNumber, type DisplayedClock } from './display-time';

/** A time written in a comment that may point at an earlier comment. */
export interface TimeRef {
  hour: number;
  minute: number;
  /** True when the hour is certainly on the 24-hour clock (false: "9:07" on a 12-hour blog could be 09 or 21). */
  hourIsAbsolute: boolean;
  day: number | null;
  month: number | null;
  /** Marked as a reference ("@", "anon", a date) rather than a bare time. */
  explicit: boolean;
  /** The matched text, shown as the link's evidence. */
  evidence: string;
  /** Where the time starts in the text. */
  index: number;
  /**
   * Set when the time is part of what is said rather than a handle ("opens at 8.45", "due by 17.00", "the 7.45 was
   * cancelled"): why it was read as prose. Such a time never links a comment.
   */
  prose?: string;
}

const TIME = /(\d{1,2})[:.](\d{2})/g;
const MERIDIEM_AFTER = /^\s*([ap])\.?\s?m\b\.?/i;
/** Units, money and percentages after a number: "4.70%", "12.50p", "2.30 million", "10.30 hours". */
const QUANTITY_AFTER =
  /^\s*(?:%|per\s?cent\b|p\b|k\b|m\b|bn\b|million|billion|pence|pounds|quid|hours?\b|hrs?\b|mins?\b|minutes|o['’]?clock|years?\b|yrs\b|days?\b|weeks?\b|months?\b|miles\b|km\b|kg\b|mph\b|x\b)/i;
const RANGE_AFTER = /^\s*(?:-|–|—|to|and|until|till)\s*[£$€]?\d/i;
const RANGE_BEFORE = /(?:\d\s*(?:-|–|—|to|and)\s*|\b(?:between|from)\s+)$/i;
const MORE_DIGITS_AFTER = /^(?:\d|[.,:]\d)/;
const NUMBER_BEFORE = /(?:\d[.,]?|[£$€]\s?|\d\s+)$/;
const NUMBER_AFTER = /^\s+[£$€]?\d+[.,]\d/;
const DATE_BEFORE = /(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?(?:\s+\d{4})?,?\s*(?:at\s+|@\s*)?$/;
const MARKER_BEFORE = /(?:@\s*|\banon(?:ymous)?\s*(?:@\s*|at\s+)?|\banon(?:ymous)?\s+)$/i;
const AT_BEFORE = /\bat\s+$/i;
/** A preposition of time just before: "opens at 8.45", "due by 17.00", "stuck in court since 9.30". */
const PROSE_PREPOSITION_BEFORE = /\b(at|by|from|until|till|til|since|before|after|around|about|past|gone|circa|approx(?:imately)?)\s+$/i;
/** …unless the words before say it names a comment: "as said at 11:38", "the poster at 21:07", "you at 9.15". */
const HANDLE_BEFORE_PREPOSITION =
  /\b(?:said|says|say|posted|posting|posts?|wrote|writes|written|poster|comment(?:s|er|ed)?|contributor|reply|replied|message|remark|whoever|person|one|anon(?:ymous)?|to|re)\s+(?:at|by|from|on|in)\s+$/i;
/** An article or possessive before the time makes it a noun of the sentence: "the 7.45 was cancelled", "my 9.30". */
const ARTICLE_BEFORE = /\b(the|a|an|my|our|your|his|her|their|this|that|every|each)\s+$/i;
/** …unless what follows is the comment it names: "the 21:07 poster", "the 15:23 comment". */
const HANDLE_NOUN_AFTER = /^\s*(?:poster|post|comment(?:er)?|contributor|anon(?:ymous)?|person|reply)\b/i;
/** Clock words right after the time: "8.45 sharp", "9.15 start", "17.00 deadline", "7.45 train". */
const PROSE_NOUN_AFTER =
  /^\s*(?:sharp|start|finish|deadline|train|bus|flight|appointment|meeting|slot|shift|kick-?off|news|sitting|session|hearing|listing)\b/i;

/**
 * Every plausible time reference in the text, in order. Prices, percentages, decimals, ranges, number tables
 * and am/pm clock times on a 24-hour blog ("between 7pm and 7am", "1.30pm") are not references, nor are times that
 * are part of what is said (see findTimeMentions).
 */
export function findTimeRefs(text: string, blogUsesTwelveHour = false): TimeRef[] {
  return findTimeMentions(text, blogUsesTwelveHour).filter((ref) => ref.prose === undefined);
}

/**
 * Why a clock time is prose rather than a handle, or null when it stands where readers put a handle: at the start,
 * after "@"/"anon"/"to"/"re", as a vocative ("Well done 15:23", "Careful 14:04"), with the day, after "said at".
 */
function proseReason(before: string, after: string): string | null {
  const preposition = PROSE_PREPOSITION_BEFORE.exec(before);
  if (preposition && !HANDLE_BEFORE_PREPOSITION.test(before)) return `follows "${preposition[1]!.toLowerCase()}"`;
  const article = ARTICLE_BEFORE.exec(before);
  if (article && !HANDLE_NOUN_AFTER.test(after)) return `follows "${article[1]!.toLowerCase()}"`;
  const noun = PROSE_NOUN_AFTER.exec(after);
  if (noun) return `followed by "${noun[0].trim().toLowerCase()}"`;
  return null;
}

/** Like findTimeRefs, but keeps the times read as prose, each with the reason (`prose`). */
export function findTimeMentions(text: string, blogUsesTwelveHour = false): TimeRef[] {
  const refs: TimeRef[] = [];
  // exec on the shared pattern, not matchAll (which copies it per text); nothing below uses TIME.
  TIME.lastIndex = 0;
  for (let match = TIME.exec(text); match !== null; match = TIME.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    const before = text.slice(Math.max(0, start - 40), start);
    const after = text.slice(end, end + 24);
    let hour = Number(match[1]);
    const minute = Number(match[2]);
    if (minute > 59) continue;
    const date = DATE_BEFORE.exec(before);
    const hasDate = date !== null && monthNumber(date[2]!) !== null && Number(date[1]) >= 1 && Number(date[1]) <= 31;
    if ((!hasDate && NUMBER_BEFORE.test(before)) || MORE_DIGITS_AFTER.test(after) || NUMBER_AFTER.test(after)) continue;
    if (QUANTITY_AFTER.test(after) || RANGE_AFTER.test(after) || RANGE_BEFORE.test(before)) continue;
    if (insideUrl(text, start)) continue;
    const meridiem = MERIDIEM_AFTER.exec(after);
    let hourIsAbsolute = !blogUsesTwelveHour;
    if (meridiem) {
      if (!blogUsesTwelveHour || hour < 1 || hour > 12) continue; // prose clock time on a 24-hour blog
      hour = (hour % 12) + (meridiem[1]!.toLowerCase() === 'p' ? 12 : 0);
      hourIsAbsolute = true;
    }
    if (hour > 23) continue;

    let evidenceStart = start;
    let day: number | null = null;
    let month: number | null = null;
    let explicit = false;
    if (date && hasDate) {
      day = Number(date[1]);
      month = monthNumber(date[2]!);
      explicit = true;
      evidenceStart = start - date[0].length;
    } else {
      const marker = MARKER_BEFORE.exec(before);
      const at = marker ? null : AT_BEFORE.exec(before);
      const prefix = marker ?? at;
      if (prefix) evidenceStart = start - prefix[0].length;
      explicit = marker !== null;
    }
    const evidenceEnd = end + (meridiem ? meridiem[0].length : 0);
    const prose = explicit ? null : proseReason(before, text.slice(evidenceEnd, evidenceEnd + 24));
    refs.push({
      hour,
      minute,
      hourIsAbsolute,
      day,
      month,
      explicit,
      evidence: text.slice(evidenceStart, evidenceEnd).replace(/\s+/g, ' ').trim(),
      index: start,
      ...(prose ? { prose } : {}),
    });
  }
  return refs;
}

function insideUrl(text: string, index: number): boolean {
  const tokenStart = Math.max(text.lastIndexOf(' ', index), text.lastIndexOf('\n', index)) + 1;
  const token = text.slice(tokenStart, index);
  return token.includes('/') || /^www\./i.test(token);
}

interface ClockEntry<T> {
  value: T;
  clock: DisplayedClock;
  thread: string;
}

/** Earlier comments by the minute they display, so a reference finds its target without scanning every comment. */
export class ClockIndex<T> {
  private readonly byMinute = new Map<number, Array<ClockEntry<T>>>();
  /** The same entries per thread and minute: the in-thread match is found without walking other threads' entries. */
  private readonly byThreadMinute = new Map<string, Map<number, Array<ClockEntry<T>>>>();

  /** Adds a comment; callers add comments in the order they were posted. */
  add(value: T, clock: DisplayedClock, thread: string): void {
    const key = minuteKey(clock.hour % 12, clock.minute);
    const entry = { value, clock, thread };
    push(this.byMinute, key, entry);
    let threadMinutes = this.byThreadMinute.get(thread);
    if (!threadMinutes) this.byThreadMinute.set(thread, (threadMinutes = new Map()));
    push(threadMinutes, key, entry);
  }

  /**
   * The comment a reference points at among those added so far: same date when the reference gives one;
   * with several candidates, one in the referring comment's thread wins, then the most recent. Both walks go from
   * the most recent entry back and stop at the first match (the second, to know it is ambiguous), so a minute
   * many comments share costs no more than one that few do.
   */
  resolve(ref: TimeRef, thread: string): { value: T; ambiguous: boolean } | null {
    const key = minuteKey(ref.hour % 12, ref.minute);
    const list = this.byMinute.get(key);
    if (!list) return null;
    let latest: ClockEntry<T> | null = null;
    let ambiguous = false;
    for (let i = list.length - 1; i >= 0; i -= 1) {
      if (!matchesRef(list[i]!, ref)) continue;
      if (latest) {
        ambiguous = true;
        break;
      }
      latest = list[i]!;
    }
    if (!latest) return null;
    if (latest.thread === thread) return { value: latest.value, ambiguous };
    const own = this.byThreadMinute.get(thread)?.get(key) ?? [];
    for (let i = own.length - 1; i >= 0; i -= 1) if (matchesRef(own[i]!, ref)) return { value: own[i]!.value, ambiguous };
    return { value: latest.value, ambiguous };
  }
}

function matchesRef<T>(entry: ClockEntry<T>, ref: TimeRef): boolean {
  if (ref.hourIsAbsolute && entry.clock.hour !== ref.hour) return false;
  if (ref.day !== null && entry.clock.day !== null && entry.clock.day !== ref.day) return false;
  if (ref.month !== null && entry.clock.month !== null && entry.clock.month !== ref.month) return false;
  return true;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The minute on a 12-hour dial as one number, a map key that is not a string made per lookup (minutes have two digits). */
function minuteKey(hour12: number, minute: number): number {
  return hour12 * 100 + minute;
}
