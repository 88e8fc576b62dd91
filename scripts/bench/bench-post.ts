/** The bench's synthetic posts: threaded, recombined from the seed texts, 200 comments on the page and the rest in the feed. */
import { corpusOf, loadRecordPages } from '../bench-threads';
import { poolFromTexts, syntheticPost } from './synthetic-post';

let seedPool: ReturnType<typeof poolFromTexts> | null = null;

/** A synthetic threaded post of `total` comments recombined from the seed texts, 200 of them on the page. */
export function benchPost(total: number): ReturnType<typeof syntheticPost> {
  seedPool ??= poolFromTexts(corpusOf(loadRecordPages()));
  return syntheticPost({
    name: `bench-${total}`,
    path: `2024/05/bench-${total}.html`,
    title: `Bench ${total}`,
    blogId: '1234567890123456789',
    total,
    onPage: Math.min(200, total),
    pool: seedPool,
  });
}

/** The post a tool's argument names when it is `synthetic-<N>`, with N; null for any other name (a fixture's). */
export function benchPostNamed(name: string): { post: ReturnType<typeof syntheticPost>; total: number } | null {
  const match = /^synthetic-(\d+)$/.exec(name);
  return match ? { post: benchPost(Number(match[1])), total: Number(match[1]) } : null;
}
