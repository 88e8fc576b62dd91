/** `npm run fixtures`: regenerates tests/fixtures (pages, feeds, records, index.json) from the seed captures. */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Layout } from '../src/blogger/types';
import { AUTHORS } from './fixtures/authors';
import { assignTimes, conversationFromSeed, flatten, type ConversationNode } from './fixtures/conversation';
import { parseLondon } from './fixtures/london-time';
import { recombine } from './fixtures/long-thread';
import { BLOG_URL, type FixturePost } from './fixtures/model';
import { brokenFixtures } from './fixtures/broken';
import { hostileFixture } from './fixtures/hostile';
import { writeLatestFeedFixture } from './fixtures/latest-feed';
import { writeStressFixtures } from './bench/synthetic-post';
import { LONG_THREAD_PLANS, PLANS, type ConversationPlan } from './fixtures/plans';
import { buildPost, makeIdAllocator, type PostShell } from './fixtures/posts';
import { createRng } from './fixtures/prng';
import { writeRealPageFixtures } from './fixtures/real-pages';
import { writePostListFixtures } from './fixtures/post-lists';
import { postRecord, type FixtureRecord } from './fixtures/records';
import { renderDocument, type Flavour, type PagePost } from './fixtures/writers/chrome';
import { commentFeed } from './fixtures/writers/feed';
import { flatV2Section, flatV3Section } from './fixtures/writers/flat';
import { threadedV2Section, threadedV3Section } from './fixtures/writers/threaded';
import { loadSeeds, type SeedCapture, type SeedPost } from './seeds';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outFlag = process.argv.indexOf('--out');
/** Where to write: tests/fixtures, or `--out <dir>` (the regeneration test builds into a temporary folder). */
const out = outFlag > 0 && process.argv[outFlag + 1] ? resolve(process.argv[outFlag + 1] as string) : join(root, 'tests/fixtures');

/** One line of tests/fixtures/index.json. */
export interface IndexEntry {
  name: string;
  /** The blog's real URL for the page (mobile variants: with ?m=1). */
  url: string;
  file: string;
  records: string;
  layout: Layout | null;
  commentCount: number;
  onPage: number;
  feed?: string;
  postId?: string;
  /** For page variants: which seed conversation they show. */
  seed: string;
  description: string;
}

const usedIds = new Set<string>();
const blogRng = createRng('threadline-fixtures-blog');
const BLOG_ID = `${blogRng.int(1, 8)}${blogRng.digits(18, true)}`;
usedIds.add(BLOG_ID);

/** Blogger's slug: lower case words of the title joined by '-', trimmed to about 40 characters. */
function slug(title: string): string {
  const words = title
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let out = '';
  for (const w of words) {
    const next = out ? `${out}-${w}` : w;
    if (next.length > 40) break;
    out = next;
  }
  return out;
}

function postPath(post: SeedPost): string {
  return `${post.date.slice(0, 4)}/${post.date.slice(5, 7)}/${slug(post.title)}.html`;
}

function findPost(captures: Map<string, SeedCapture>, seed: string, title: string): SeedPost {
  const post = captures.get(seed)?.posts.find((p) => p.title === title);
  if (!post) throw new Error(`seed ${seed} has no post "${title}"`);
  return post;
}

/** Flat captures show comments as plain paragraphs after the body. */
function flatConversation(plan: ConversationPlan, post: SeedPost): { body: string[][]; comments: ConversationNode[] } {
  const keep = plan.flatAfterBodyBlocks ?? post.bodyBlocks.length;
  const comments = post.bodyBlocks.slice(keep).map((lines, i) => ({
    number: i + 1,
    path: String(i + 1),
    text: lines.join('\n'),
    replies: [],
  }));
  return { body: post.bodyBlocks.slice(0, keep), comments: conversationFromSeed(plan, comments) };
}

interface Built {
  name: string;
  post: FixturePost;
  seed: string;
  description: string;
  mobile?: boolean;
}

function shellFor(
  seedPost: SeedPost,
  path: string,
  postTime: string,
  labels: readonly string[],
  body: string[][],
  rng: ReturnType<typeof createRng>,
  newId: () => string,
): PostShell {
  return {
    postId: newId(),
    blogId: BLOG_ID,
    url: `${BLOG_URL}/${path}`,
    title: seedPost.title,
    dateHeader: seedPost.dateText,
    publishedMs: parseLondon(`${seedPost.date}T${postTime}`) + rng.int(0, 59) * 1000,
    bodyBlocks: body,
    labels: [...labels],
  };
}

function main(): void {
  const captures = new Map(loadSeeds().map((c) => [c.id, c]));
  const built: Built[] = [];
  const conversations = new Map<string, { plan: ConversationPlan; top: ConversationNode[]; body: string[][]; shell: PostShell }>();

  for (const plan of PLANS) {
    const seedPost = findPost(captures, plan.seed, plan.postTitle);
    const rng = createRng(`conversation:${plan.seed}`);
    const newId = makeIdAllocator(createRng(`ids:${plan.path}`), usedIds);
    const { body, comments: top } = seedPost.comments
      ? { body: seedPost.bodyBlocks, comments: conversationFromSeed(plan, seedPost.comments) }
      : flatConversation(plan, seedPost);
    if (postPath(seedPost) !== plan.path) throw new Error(`slug of "${plan.postTitle}" is ${postPath(seedPost)}, plan says ${plan.path}`);
    const shell = shellFor(seedPost, plan.path, plan.postTime, plan.labels, body, rng, newId);
    assignTimes(top, { postMs: shell.publishedMs, topGapMinutes: plan.topGapMinutes, replyGapMinutes: plan.replyGapMinutes }, rng);
    conversations.set(plan.seed, { plan, top, body, shell });
    const layout: Layout = plan.flatAfterBodyBlocks !== undefined ? 'flat-v2' : 'threaded-v2';
    const post = buildPost(shell, layout, top, newId);
    built.push({
      name: `${layout}-${plan.seed}`,
      post,
      seed: plan.seed,
      description: `seed ${plan.seed} "${plan.postTitle}" in the ${layout} layout`,
    });
    if (plan.seed === '001') {
      built.push({
        name: 'mobile-001',
        post: { ...post, layout: 'mobile' },
        seed: '001',
        mobile: true,
        description: 'seed 001 as the ?m=1 mobile page of the same post',
      });
    }
  }

  // The same conversations under other templates: Blogger gives a second post with the same slug a _<day> suffix.
  const variants: { seed: string; layout: Layout; suffix: string }[] = [
    { seed: '004', layout: 'threaded-v3', suffix: '_26' },
    { seed: '003', layout: 'flat-v3', suffix: '_16' },
    { seed: '000', layout: 'threaded-v2', suffix: '_6' },
  ];
  for (const v of variants) {
    const conv = conversations.get(v.seed);
    if (!conv) throw new Error(`no conversation ${v.seed}`);
    const newId = makeIdAllocator(createRng(`ids:${v.layout}:${v.seed}`), usedIds);
    const path = conv.plan.path.replace(/\.html$/, `${v.suffix}.html`);
    const shell: PostShell = { ...conv.shell, postId: newId(), url: `${BLOG_URL}/${path}` };
    built.push({
      name: `${v.layout}-${v.seed}`,
      post: buildPost(shell, v.layout, conv.top, newId),
      seed: v.seed,
      description: `seed ${v.seed} "${conv.plan.postTitle}" again, as a ${v.layout} page (slug${v.suffix})`,
    });
  }

  // Long threads recombined from every seed comment.
  const pool = [...conversations.values()].flatMap((c) => flatten(c.top));
  for (const long of LONG_THREAD_PLANS) {
    const seedPost = findPost(captures, long.seed, long.postTitle);
    if (postPath(seedPost) !== long.path) throw new Error(`slug of "${long.postTitle}" is ${postPath(seedPost)}`);
    const rng = createRng(`long:${long.name}`);
    const newId = makeIdAllocator(createRng(`ids:${long.name}`), usedIds);
    const shell = shellFor(seedPost, long.path, long.postTime, long.labels, seedPost.bodyBlocks, rng, newId);
    const top = recombine(pool, long.total, rng);
    assignTimes(top, { postMs: shell.publishedMs, topGapMinutes: 9, replyGapMinutes: 50 }, rng);
    built.push({
      name: long.name,
      post: buildPost(shell, 'threaded-v2', top, newId, long.onPage),
      seed: long.seed,
      description: `${long.total} comments recombined from the seed texts on "${long.postTitle}"; ${long.onPage} on the page`,
    });
  }

  // Write.
  for (const dir of ['pages', 'feeds', 'records']) {
    mkdirSync(join(out, dir), { recursive: true });
    for (const f of readdirSync(join(out, dir))) rmSync(join(out, dir, f));
  }
  const sidebarLinks = built.filter((b) => !b.mobile).map((b) => ({ title: b.post.title, url: b.post.url }));
  const index: IndexEntry[] = [];
  const writeJson = (path: string, value: unknown): void => writeFileSync(join(out, path), `${JSON.stringify(value, null, 2)}\n`);

  for (const b of built) {
    const flavour: Flavour = b.post.layout === 'mobile' ? 'mobile' : b.post.layout.endsWith('v3') ? 'v3' : 'v2';
    const section =
      b.post.layout === 'threaded-v2'
        ? threadedV2Section(b.post, false)
        : b.post.layout === 'mobile'
          ? threadedV2Section(b.post, true)
          : b.post.layout === 'threaded-v3'
            ? threadedV3Section(b.post)
            : b.post.layout === 'flat-v2'
              ? flatV2Section(b.post)
              : flatV3Section(b.post);
    const pagePost: PagePost = { post: { ...b.post, commentCount: b.post.comments.length }, commentsSection: section };
    const html = renderDocument({
      flavour,
      pageType: 'item',
      url: b.post.url,
      title: b.post.title,
      blogId: BLOG_ID,
      posts: [pagePost],
      sidebarLinks,
    });
    const url = b.mobile ? `${b.post.url}?m=1` : b.post.url;
    writeFileSync(join(out, 'pages', `${b.name}.html`), html);
    writeJson(`records/${b.name}.json`, postRecord(b.name, url, b.post));
    const feedFile = `feeds/${b.post.postId}.json`;
    if (!b.mobile) writeJson(feedFile, commentFeed(b.post));
    index.push({
      name: b.name,
      url,
      file: `pages/${b.name}.html`,
      records: `records/${b.name}.json`,
      layout: b.post.layout,
      commentCount: b.post.comments.length,
      onPage: b.post.comments.filter((c) => c.onPage).length,
      feed: feedFile,
      postId: b.post.postId,
      seed: b.seed,
      description: b.description,
    });
  }

  // Pages without a comment section: the label page (002) and the monthly archive (000).
  const listRng = createRng('list-pages');
  const listNewId = makeIdAllocator(createRng('ids:list-pages'), usedIds);
  const listPages = [
    {
      name: 'label-upw',
      seed: '002',
      url: `${BLOG_URL}/search/label/UPW`,
      pageType: 'index' as const,
      description: 'label page "Showing posts with label UPW": several posts, no comment section',
    },
    {
      name: 'archive-2021-09',
      seed: '000',
      url: `${BLOG_URL}/2021/09/`,
      pageType: 'archive' as const,
      description: 'monthly archive September 2021: several posts, no comment section',
    },
  ];
  for (const page of listPages) {
    const capture = captures.get(page.seed) as SeedCapture;
    const posts: PagePost[] = capture.posts.map((p) => {
      const known = built.find((b) => !b.mobile && b.post.url === `${BLOG_URL}/${postPath(p)}`);
      const shell = known
        ? known.post
        : shellFor(
            p,
            postPath(p),
            `${String(listRng.int(6, 21)).padStart(2, '0')}:${String(listRng.int(0, 59)).padStart(2, '0')}`,
            ['UPW'],
            p.bodyBlocks,
            listRng,
            listNewId,
          );
      const plan = PLANS.find((x) => x.seed === page.seed && x.postTitle === p.title);
      const body = plan?.flatAfterBodyBlocks !== undefined ? p.bodyBlocks.slice(0, plan.flatAfterBodyBlocks) : shell.bodyBlocks;
      return { post: { ...shell, bodyBlocks: body, commentCount: known ? known.post.comments.length : listRng.int(8, 90) }, commentsSection: null };
    });
    const html = renderDocument({
      flavour: 'v2',
      pageType: page.pageType,
      url: page.url,
      title: page.pageType === 'index' ? `${'On Probation Blog'}: UPW` : 'On Probation Blog: September 2021',
      blogId: BLOG_ID,
      posts,
      statusMessage: capture.statusMessage ?? undefined,
      sidebarLinks,
    });
    writeFileSync(join(out, 'pages', `${page.name}.html`), html);
    const record: FixtureRecord = {
      name: page.name,
      url: page.url,
      layout: null,
      post: null,
      listedPosts: posts.map((p) => ({ postId: p.post.postId, title: p.post.title, url: p.post.url })),
      onPage: 0,
      loadMore: null,
      comments: [],
    };
    writeJson(`records/${page.name}.json`, record);
    index.push({
      name: page.name,
      url: page.url,
      file: `pages/${page.name}.html`,
      records: `records/${page.name}.json`,
      layout: null,
      commentCount: 0,
      onPage: 0,
      seed: page.seed,
      description: page.description,
    });
  }
  // The blog-wide comment feed of the Latest view (tests/fixtures/latest), from the posts above.
  const latest = writeLatestFeedFixture(
    out,
    built.filter((b) => !b.mobile).map((b) => b.post),
    BLOG_ID,
  );
  if (outFlag < 0) console.log(`latest feed        ${String(latest).padStart(4)} comments  ${BLOG_URL}/feeds/comments/default`);
  writeJson('index.json', { blogId: BLOG_ID, blogUrl: BLOG_URL, owner: { name: AUTHORS.owner.name, url: AUTHORS.owner.url }, pages: index });
  // Hostile and broken pages live apart (tests/fixtures/stress) so specs that walk index.json see only sound pages.
  const stress = writeStressFixtures(out, [hostileFixture(pool, BLOG_ID, usedIds), ...brokenFixtures(pool, BLOG_ID, usedIds)]);
  // Pages shaped like real saved pages and feeds (blogger-markup.md §10), in tests/fixtures/real with their own index.
  const real = writeRealPageFixtures(out, { pool, blogId: BLOG_ID, usedIds });
  // The blog's post lists (home, label, archive, v3) and the posts feed, each also as it is after one post gains comments.
  writePostListFixtures(out, { captures, known: built, pool, blogId: BLOG_ID, usedIds, sidebarLinks });
  if (outFlag < 0) for (const e of real) console.log(`${e.name.padEnd(22)} real   ${String(e.commentCount).padStart(4)} comments  ${e.url}`);
  if (outFlag < 0) for (const e of stress) console.log(`${e.name.padEnd(22)} stress ${String(e.commentCount).padStart(4)} comments  ${e.url}`);
  if (outFlag < 0)
    for (const e of index)
      console.log(
        `${e.name.padEnd(18)} ${String(e.layout).padEnd(12)} ${String(e.commentCount).padStart(4)} comments, ${String(e.onPage).padStart(4)} on page  ${e.url}`,
      );
}

main();
