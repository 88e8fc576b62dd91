/** Formats a feed timestamp the way the blog displays comment times ("19 February 2024 at 21:07"), in the ISO string's own offset. */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ISO_WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

/**
 * The display text for an ISO 8601 time such as "2024-02-19T21:07:00.001Z" or "...+01:00". The date and clock are
 * read as written: Blogger writes them in the blog's own zone, so that is the wall time the blog shows.
 * Returns "" for anything unreadable.
 */
export function displayTimeFromIso(iso: string): string {
  const match = ISO_WALL_TIME.exec(iso.trim());
  if (!match) return '';
  const [, year, month, day, hours, minutes] = match;
  const monthName = MONTHS[Number(month) - 1];
  if (!monthName) return '';
  return `${Number(day)} ${monthName} ${year} at ${hours}:${minutes}`;
}
