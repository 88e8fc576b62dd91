/** Parses the text captures in /work/shared/seeds into posts: date, title, body blocks and the numbered comment section. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One comment as the capture shows it: its number, its text (line breaks and blank lines kept) and its replies. */
export interface SeedComment {
  /** The number the capture printed ("  6." → 6, "    1." under it → 1). */
  number: number;
  /** "6" for a top-level comment, "6.1" for its first reply: the key hand annotations use. */
  path: string;
  /** The text, verbatim, lines joined with "\n" (a blank line is a paragraph break). */
  text: string;
  replies: SeedComment[];
}

/** One post of a capture. */
export interface SeedPost {
  /** The date header exactly as printed, e.g. "Monday 19 February 2024" or "Saturday, 26 August 2023". */
  dateText: string;
  /** The same date as YYYY-MM-DD. */
  date: string;
  title: string;
  /** Body paragraphs: each block is a run of consecutive non-blank lines. */
  bodyBlocks: string[][];
  /** "40 comments:" when the capture kept the heading. */
  announcedCount: number | null;
  /** The numbered comment section, or null when the capture shows none. */
  comments: SeedComment[] | null;
}

/** One capture file. */
export interface SeedCapture {
  /** "001" for 001_7eeba6b606b9d757.txt. */
  id: string;
  file: string;
  /** "Showing posts with label UPW. Show all posts" on label pages. */
  statusMessage: string | null;
  posts: SeedPost[];
}

/**
 * Where the seed captures are: $SEEDS_DIR, else the team's shared folder beside the repository (../shared/seeds),
 * else the workspace's /work/shared/seeds. A clone without them still tests everything but the fixture generator.
 */
export const SEED_DIR: string =
  process.env.SEEDS_DIR ??
  [resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'seeds'), '/work/shared/seeds'].find((dir) => existsSync(dir)) ??
  resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'seeds');

/** Whether the seed captures are present (tests of the fixture generator need them). */
export const SEEDS_PRESENT = existsSync(SEED_DIR);

const WEEKDAYS = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DATE_LINE = new RegExp(`^(?:${WEEKDAYS}),? (\\d{1,2}) (${MONTHS.join('|')}) (\\d{4})$`);
const COUNT_LINE = /^(\d+) comments?:$/;
const TOP_ITEM = /^ {2}(\d+)\. (.*)$/;
const REPLY_ITEM = /^ {4}(\d+)\. (.*)$/;
/** Blogger's action words that text captures interleave with comments. */
const CHROME_LINES = new Set(['ReplyDelete', 'Replies', 'Delete', 'Reply']);

/** Split a capture into its lines (no trailing whitespace). */
function linesOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, ''));
}

function isoDate(match: RegExpExecArray): string {
  const month = MONTHS.indexOf(match[2] as string) + 1;
  return `${match[3]}-${String(month).padStart(2, '0')}-${String(match[1]).padStart(2, '0')}`;
}

/** Group lines into blocks of consecutive non-blank lines. */
function blocksOf(lines: string[]): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length) blocks.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length) blocks.push(current);
  return blocks;
}

/** Remove `n` leading spaces where present (continuation lines are indented under their item). */
function dedent(line: string, n: number): string {
  let i = 0;
  while (i < n && line[i] === ' ') i++;
  return line.slice(i);
}

function finishText(lines: string[]): string {
  const copy = [...lines];
  while (copy.length && copy[0]?.trim() === '') copy.shift();
  while (copy.length && copy[copy.length - 1]?.trim() === '') copy.pop();
  return copy.join('\n');
}

/**
 * Parse the numbered comment section. Top-level items are "  N. text", replies "    N. text"; continuation lines
 * are indented under their item. When the capture kept Blogger's "Replies" markers, replies start only after one
 * (so a numbered line inside a comment's own text stays text); otherwise a reply's number must follow the previous one.
 */
export function parseCommentSection(lines: string[]): SeedComment[] {
  const hasMarkers = lines.some((l) => l.trim() === 'Replies');
  const top: SeedComment[] = [];
  let current: { comment: SeedComment; lines: string[]; indent: number } | null = null;
  let currentTop: SeedComment | null = null;
  let inReplies = false;
  const flush = (): void => {
    if (current) current.comment.text = finishText(current.lines);
    current = null;
  };
  for (const line of lines) {
    const trimmed = line.trim();
    if (CHROME_LINES.has(trimmed)) {
      if (trimmed === 'Replies') inReplies = true;
      continue;
    }
    const topMatch = TOP_ITEM.exec(line);
    if (topMatch) {
      flush();
      const number = Number(topMatch[1]);
      currentTop = { number, path: String(number), text: '', replies: [] };
      top.push(currentTop);
      current = { comment: currentTop, lines: [topMatch[2] as string], indent: 4 };
      inReplies = false;
      continue;
    }
    const replyMatch = REPLY_ITEM.exec(line);
    if (replyMatch && currentTop) {
      const number = Number(replyMatch[1]);
      const last = currentTop.replies[currentTop.replies.length - 1];
      const isReply = hasMarkers ? inReplies : number > (last?.number ?? 0);
      if (isReply) {
        flush();
        const reply: SeedComment = { number, path: `${currentTop.number}.${number}`, text: '', replies: [] };
        currentTop.replies.push(reply);
        current = { comment: reply, lines: [replyMatch[2] as string], indent: 6 };
        continue;
      }
    }
    if (current) current.lines.push(trimmed === '' ? '' : dedent(line, current.indent));
  }
  flush();
  return top;
}

/** Parse one capture file's text. */
export function parseSeed(text: string, file: string): SeedCapture {
  const lines = linesOf(text);
  const id = /^(\d+)_/.exec(file)?.[1] ?? file;
  const dateIndexes = lines.flatMap((l, i) => (DATE_LINE.test(l.trim()) ? [i] : []));
  const statusLine = lines.slice(0, dateIndexes[0] ?? 0).find((l) => l.trim() !== '');
  const posts: SeedPost[] = dateIndexes.map((start, n) => {
    const end = dateIndexes[n + 1] ?? lines.length;
    const dateText = (lines[start] as string).trim();
    const rest = lines.slice(start + 1, end);
    const titleAt = rest.findIndex((l) => l.trim() !== '');
    const title = (rest[titleAt] ?? '').trim();
    const after = rest.slice(titleAt + 1);
    const countAt = after.findIndex((l) => COUNT_LINE.test(l.trim()));
    const firstItemAt = after.findIndex((l) => /^ {2}1\. /.test(l));
    const sectionAt = countAt >= 0 ? countAt : firstItemAt;
    const bodyLines = sectionAt >= 0 ? after.slice(0, sectionAt) : after;
    const sectionLines = sectionAt >= 0 ? after.slice(countAt >= 0 ? countAt + 1 : sectionAt) : [];
    const countMatch = countAt >= 0 ? COUNT_LINE.exec((after[countAt] as string).trim()) : null;
    return {
      dateText,
      date: isoDate(DATE_LINE.exec(dateText) as RegExpExecArray),
      title,
      bodyBlocks: blocksOf(bodyLines),
      announcedCount: countMatch ? Number(countMatch[1]) : null,
      comments: sectionAt >= 0 ? parseCommentSection(sectionLines) : null,
    };
  });
  return { id, file, statusMessage: statusLine ? statusLine.trim() : null, posts };
}

/** Every capture in the seed folder, in file order. */
export function loadSeeds(dir: string = SEED_DIR): SeedCapture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseSeed(readFileSync(join(dir, f), 'utf8'), f));
}

/** Count a section's comments including replies. */
export function countComments(comments: SeedComment[]): number {
  return comments.reduce((n, c) => n + 1 + c.replies.length, 0);
}

if (process.argv[1] && /seeds\.ts$/.test(process.argv[1])) {
  for (const capture of loadSeeds()) {
    console.log(`${capture.file}: ${capture.posts.length} post(s)${capture.statusMessage ? ` [${capture.statusMessage}]` : ''}`);
    for (const post of capture.posts) {
      const c = post.comments;
      console.log(
        `  ${post.date} "${post.title}" body=${post.bodyBlocks.length} blocks, comments=${
          c ? `${countComments(c)} (${c.length} top-level, ${c.filter((x) => x.replies.length).length} with replies)` : 'none'
        }` + `${post.announcedCount !== null ? `, announced ${post.announcedCount}` : ''}`,
      );
    }
  }
}
