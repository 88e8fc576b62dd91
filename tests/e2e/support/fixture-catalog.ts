/** Reads tests/fixtures/index.json and the per-page truth in tests/fixtures/records/<name>.json for the specs. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './launch';

const FIXTURES_DIR = join(REPO_ROOT, 'tests', 'fixtures');

export interface FixturePage {
  name: string;
  /** The blog URL the page is served at. */
  url: string;
  layout: string | null;
  commentCount: number;
  onPage?: number;
  feed?: string;
}

import type { FixtureRecord as PageRecords, RecordComment } from '../../../scripts/fixtures/records';

export type { PageRecords, RecordComment };

export function fixtureIndex(): FixturePage[] {
  const raw = JSON.parse(readFileSync(join(FIXTURES_DIR, 'index.json'), 'utf8')) as unknown;
  const list = Array.isArray(raw) ? raw : (raw as { pages?: unknown }).pages;
  if (!Array.isArray(list)) throw new Error('tests/fixtures/index.json: expected a list of pages');
  return list as FixturePage[];
}

export function fixtureRecords(name: string): PageRecords {
  const path = join(FIXTURES_DIR, 'records', `${name}.json`);
  if (!existsSync(path)) throw new Error(`no records for fixture ${name} (${path})`);
  return JSON.parse(readFileSync(path, 'utf8')) as PageRecords;
}

export function fixtureByName(name: string): FixturePage {
  const found = fixtureIndex().find((page) => page.name === name);
  if (!found) throw new Error(`no fixture named ${name}`);
  return found;
}

/** Pages that carry a comment section (everything except index/label pages). */
export function postFixtures(): FixturePage[] {
  return fixtureIndex().filter((page) => page.commentCount > 0 && page.layout !== null);
}

/** The richest threaded (v2) post fully rendered on the page: the one the interaction specs drive. */
export function mainThreadedFixture(): FixturePage {
  const candidates = postFixtures().filter((page) => page.layout === 'threaded-v2' && (page.onPage ?? page.commentCount) === page.commentCount);
  const withReplies = candidates.filter((page) => fixtureRecords(page.name).comments.some((comment) => comment.parentId));
  const chosen = withReplies.sort((a, b) => a.commentCount - b.commentCount)[0];
  if (!chosen) throw new Error('no threaded-v2 fixture with replies');
  return chosen;
}

export function isRemoved(comment: RecordComment): boolean {
  return Boolean(comment.removed);
}
