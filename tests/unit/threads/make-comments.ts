/** Test helper: builds inference comments with London display times from compact descriptions. */
import type { InferenceComment } from '../../../src/threads/types';

export interface CommentSpec {
  id: string;
  /** Blogger's parent id (one level), if a reply. */
  parent?: string;
  /** "2024-02-19 21:07" in London wall-clock time. */
  at: string;
  text: string;
  author?: string;
  isBlogOwner?: boolean;
  removed?: boolean;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** London wall-clock "YYYY-MM-DD HH:MM" → epoch ms (BST from the last Sunday of March to the last Sunday of October). */
export function londonMs(at: string): number {
  const [date, time] = at.split(' ') as [string, string];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const utcGuess = Date.UTC(y, mo - 1, d, h, mi);
  const summer = isBritishSummerTime(utcGuess);
  return utcGuess - (summer ? 3_600_000 : 0);
}

function lastSundayUtc(year: number, monthIndex: number): number {
  const last = new Date(Date.UTC(year, monthIndex + 1, 0, 1));
  return last.getTime() - last.getUTCDay() * 86_400_000;
}

function isBritishSummerTime(ms: number): boolean {
  const year = new Date(ms).getUTCFullYear();
  return ms >= lastSundayUtc(year, 2) && ms < lastSundayUtc(year, 9);
}

/** "19 February 2024 at 21:07", as the blog displays it. */
export function londonDisplay(at: string): string {
  const [date, time] = at.split(' ') as [string, string];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTH_NAMES[mo - 1]} ${y} at ${time}`;
}

export function makeComments(specs: CommentSpec[]): InferenceComment[] {
  return specs.map((spec) => ({
    id: spec.id,
    parentId: spec.parent ?? null,
    author: spec.author ?? 'Anonymous',
    isBlogOwner: spec.isBlogOwner ?? false,
    publishedMs: londonMs(spec.at),
    displayTime: londonDisplay(spec.at),
    removed: spec.removed ?? false,
    text: spec.removed ? 'This comment has been removed by the author.' : spec.text,
  }));
}
