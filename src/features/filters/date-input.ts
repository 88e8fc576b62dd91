/** Converts between <input type="date"> values ("2024-02-19", the reader's own calendar) and range bounds in epoch ms. */

const DATE_VALUE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight at the start of the given day, or null for an empty or invalid value. */
export function startOfDayMs(value: string): number | null {
  const match = DATE_VALUE.exec(value);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? null : date.getTime();
}

/** Local midnight at the end of the given day (the range end is exclusive, so the whole day is included). */
export function endOfDayMs(value: string): number | null {
  const start = startOfDayMs(value);
  if (start === null) return null;
  const date = new Date(start);
  date.setDate(date.getDate() + 1);
  return date.getTime();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The date input value for the day a start bound falls on. */
export function dateValueOfStart(ms: number | null): string {
  if (ms === null) return '';
  const date = new Date(ms);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The date input value for the last day an (exclusive) end bound includes. */
export function dateValueOfEnd(ms: number | null): string {
  if (ms === null) return '';
  const date = new Date(ms);
  date.setDate(date.getDate() - 1);
  return dateValueOfStart(date.getTime());
}
