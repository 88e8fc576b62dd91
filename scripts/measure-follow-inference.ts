/**
 * What reply inference costs the background's follow check, and how its reduced context (the reader's comments plus
 * the new ones only) agrees with inference over the whole post: `npx tsx scripts/measure-follow-inference.ts`.
 * Uses the generated 640- and 200-comment fixture records; the reader's comments are chosen evenly among the older ones.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_NEW_READ } from '../src/features/follow/check';
import { findRepliesInFeed, repliesToMine } from '../src/features/follow/replies';
import { inferReplies, type InferenceComment } from '../src/threads';

interface Records {
  post: { bodyText?: string };
  comments: InferenceComment[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

for (const name of ['threaded-v2-640', 'threaded-v2-200']) {
  const records = JSON.parse(readFileSync(join(import.meta.dirname, '../tests/fixtures/records', `${name}.json`), 'utf8')) as Records;
  const byTime = [...records.comments].sort((a, b) => a.publishedMs - b.publishedMs);
  const fresh = byTime.slice(-MAX_NEW_READ);
  const older = byTime.slice(0, -MAX_NEW_READ);
  const fullStart = performance.now();
  const full = inferReplies({ comments: records.comments, postBodyText: records.post.bodyText ?? '' });
  console.log(
    `${name}: whole-post inference over ${records.comments.length} comments ${(performance.now() - fullStart).toFixed(1)} ms (for comparison)`,
  );
  for (const mineCount of [1, 5, 20]) {
    // The reader's comments: older comments that the whole-post inference says the new ones answer, then even picks.
    const olderIds = new Set(older.map((c) => c.id));
    const answered = [...new Set(fresh.map((c) => full.get(c.id)?.parentId).filter((id): id is string => !!id && olderIds.has(id)))];
    const picks = [...answered, ...Array.from({ length: mineCount }, (_, i) => older[Math.floor(((i + 1) * older.length) / (mineCount + 1))]!.id)];
    const mine = [...new Set(picks)].slice(0, mineCount).map((id) => older.find((c) => c.id === id)!);
    const times: number[] = [];
    let found: string[] = [];
    for (let run = 0; run < 15; run++) {
      const result = findRepliesInFeed(mine, fresh);
      times.push(result.ms);
      found = result.replyIds;
    }
    const freshIds = new Set(fresh.map((c) => c.id));
    const truth = repliesToMine(full, new Set(mine.map((c) => c.id))).filter((id) => freshIds.has(id));
    const agreed = found.filter((id) => truth.includes(id)).length;
    console.log(
      `${name}: ${mineCount} of yours + ${fresh.length} new → inference median ${median(times).toFixed(2)} ms (max ${Math.max(...times).toFixed(2)}); ` +
        `replies found ${found.length}, whole-post inference ${truth.length}, agreed ${agreed}`,
    );
  }
}
