/** Synthetic Blogger posts of any size from seed comment texts (page HTML + paged feed), for the bench and the stress fixtures. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUTHORS } from '../fixtures/authors';
import { assignTimes, type ConversationNode } from '../fixtures/conversation';
import { parseLondon } from '../fixtures/london-time';
import { recombine } from '../fixtures/long-thread';
import { BLOG_URL, type FixturePost } from '../fixtures/model';
import { buildPost, makeIdAllocator } from '../fixtures/posts';
import { createRng } from '../fixtures/prng';
import { postRecord } from '../fixtures/records';
import { renderDocument } from '../fixtures/writers/chrome';
import { commentFeed, type CommentFeed } from '../fixtures/writers/feed';
import { threadedV2Section } from '../fixtures/writers/threaded';

/** Plain seed texts as conversation nodes (no links, Anonymous), the raw material `recombine` draws from. */
export function poolFromTexts(texts: readonly string[]): ConversationNode[] {
  return texts
    .filter((text) => text.trim().length > 0)
    .map((text, index) => ({
      path: String(index + 1),
      source: `text:${index}`,
      text,
      removed: null,
      author: AUTHORS.anonymous,
      replies: [],
      publishedMs: Number.NaN,
    }));
}

export interface SyntheticPostOptions {
  /** Seeds the generator: the same name always gives the same post. */
  name: string;
  /** Path under the blog, e.g. "2024/03/hostile-input.html". */
  path: string;
  title: string;
  blogId: string;
  total: number;
  /** How many (the oldest) Blogger renders on the page; the rest come from the feed. */
  onPage: number;
  pool: ConversationNode[];
  /** Ids already taken (shared with the main fixtures so ids stay unique across every page). */
  usedIds?: Set<string>;
  /** "2024-03-04T09:15" (London wall time) for the post. */
  postTime?: string;
}

/** A threaded post of `total` comments recombined from the pool, about a third of them Blogger replies. */
export function syntheticPost(options: SyntheticPostOptions): FixturePost {
  const rng = createRng(`synthetic:${options.name}`);
  const newId = makeIdAllocator(createRng(`synthetic-ids:${options.name}`), options.usedIds ?? new Set());
  // recombine gives each time-reference text its own slot after the 20th comment: small posts take plain texts only.
  const timeRefs = options.pool.filter((node) => node.link).length;
  const pool = options.total >= 20 + 2 * timeRefs ? options.pool : options.pool.filter((node) => !node.link);
  const top = recombine(pool, options.total, rng);
  const postMs = parseLondon(options.postTime ?? '2024-03-04T09:15');
  // Busy posts get their comments closer together so 10,000 of them still span days, not years.
  const topGap = options.total > 1000 ? 2 : 9;
  assignTimes(top, { postMs, topGapMinutes: topGap, replyGapMinutes: topGap * 5 }, rng);
  return buildPost(
    {
      postId: newId(),
      blogId: options.blogId,
      url: `${BLOG_URL}/${options.path}`,
      title: options.title,
      dateHeader: new Date(postMs).toUTCString().slice(0, 16),
      publishedMs: postMs,
      bodyBlocks: [[`${options.title}: a synthetic post of ${options.total} comments built from the seed captures.`]],
      labels: ['test'],
    },
    'threaded-v2',
    top,
    newId,
    options.onPage,
  );
}

/** The whole post page (threaded-v2 skin) exactly as the fixture writers render Blogger's markup. */
export function threadedPageHtml(post: FixturePost): string {
  return renderDocument({
    flavour: 'v2',
    pageType: 'item',
    url: post.url,
    title: post.title,
    blogId: post.blogId,
    posts: [{ post: { ...post, commentCount: post.comments.length }, commentsSection: threadedV2Section(post, false) }],
    sidebarLinks: [],
  });
}

/** The post's full alt=json comment feed (serve.ts pages it). */
export function feedOf(post: FixturePost): CommentFeed {
  return commentFeed(post);
}

/** What a stress page must look like once Threadline has run (or declined to). */
export interface StressExpectation {
  /** 'restructured': Threadline shows the section; 'untouched': the blog's own comments stay as they are. */
  outcome: 'restructured' | 'untouched';
  /** A regular expression (source) the console warning must match; null when nothing is skipped. */
  warning: string | null;
}

/** One stress page as tests/fixtures/stress/index.json lists it (the main index's fields, plus what to expect). */
export interface StressEntry {
  name: string;
  url: string;
  file: string;
  records: string;
  layout: 'threaded-v2';
  commentCount: number;
  onPage: number;
  feed?: string;
  postId: string;
  seed: string;
  description: string;
  expect: StressExpectation;
}

/** A page to write: its HTML (possibly deliberately broken), the feed as served, and the truth it is checked against. */
export interface StressFixture {
  name: string;
  description: string;
  post: FixturePost;
  html: string;
  /** The feed JSON text (may carry raw hostile HTML in content.$t); omitted when the post has none. */
  feedJson?: string;
  expect: StressExpectation;
}

export const STRESS_DIR_NAME = 'stress';

/** Writes tests/fixtures/stress/{pages,feeds,records}/ and its index.json. */
export function writeStressFixtures(fixturesDir: string, fixtures: readonly StressFixture[]): StressEntry[] {
  const dir = join(fixturesDir, STRESS_DIR_NAME);
  for (const sub of ['pages', 'feeds', 'records']) mkdirSync(join(dir, sub), { recursive: true });
  const entries: StressEntry[] = [];
  for (const fixture of fixtures) {
    const file = `${STRESS_DIR_NAME}/pages/${fixture.name}.html`;
    const records = `${STRESS_DIR_NAME}/records/${fixture.name}.json`;
    writeFileSync(join(fixturesDir, file), fixture.html);
    writeFileSync(join(fixturesDir, records), `${JSON.stringify(postRecord(fixture.name, fixture.post.url, fixture.post), null, 2)}\n`);
    const entry: StressEntry = {
      name: fixture.name,
      url: fixture.post.url,
      file,
      records,
      layout: 'threaded-v2',
      commentCount: fixture.post.comments.length,
      onPage: fixture.post.comments.filter((c) => c.onPage).length,
      postId: fixture.post.postId,
      seed: 'stress',
      description: fixture.description,
      expect: fixture.expect,
    };
    if (fixture.feedJson !== undefined) {
      entry.feed = `${STRESS_DIR_NAME}/feeds/${fixture.post.postId}.json`;
      writeFileSync(join(fixturesDir, entry.feed), fixture.feedJson);
    }
    entries.push(entry);
  }
  writeFileSync(join(dir, 'index.json'), `${JSON.stringify({ pages: entries }, null, 2)}\n`);
  return entries;
}
