// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import type { Comment } from '../../../../src/blogger/types';
import { sanitizeHtml } from '../../../../src/shared/sanitize';
import { createController } from '../../../../src/ui/controller';
import { CONTEXT_MARK, createFiltersController, MUTED_MARK } from '../../../../src/features/filters/filters-controller';
import { NEW_MARK } from '../../../../src/features/new-comments/api';
import { buildModel } from '../../../../src/ui/model';

vi.mock('webextension-polyfill', () => ({ default: {} }));
// jsdom has no CSS.escape; the ids here need no escaping.
globalThis.CSS ??= { escape: (value: string) => value } as unknown as typeof CSS;

const POST = { postId: '1', blogId: '2', url: 'https://probationmatters.blogspot.com/p.html', title: 'T', totalCount: null, bodyText: '' };
const BASE = Date.UTC(2024, 1, 19, 12);

function comment(id: string, text: string, extra: Partial<Comment> = {}): Comment {
  return {
    id,
    parentId: null,
    author: 'Anonymous',
    authorUrl: null,
    isBlogOwner: false,
    publishedMs: BASE + Number(id) * 60_000,
    displayTime: '',
    html: sanitizeHtml(text),
    removed: false,
    ...extra,
  };
}

function setup(
  records = [
    comment('1', 'Who runs the early release scheme?'),
    comment('2', 'Nobody knows.', { parentId: '1' }),
    comment('3', 'The café was shut. Tory nonsense.'),
    comment('4', 'Early release again', { parentId: '3' }),
  ],
) {
  const host = document.createElement('div');
  document.body.append(host);
  const controller = createController({
    model: buildModel(POST, records),
    view: 'posted',
    collapsed: [],
    uiRoot: host.attachShadow({ mode: 'open' }),
    doc: document,
  });
  const filters = createFiltersController(controller, { schedule: (task) => task(), textDelayMs: 0 });
  return { controller, filters };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('filters controller', () => {
  it('on a post of thousands of comments, a search first folds every text in short tasks, then finds the same matches', async () => {
    const records = Array.from({ length: 1500 }, (_, index) =>
      comment(String(index + 1), index % 100 === 7 ? `Caseloads at breaking point (${index})` : `Another remark (${index})`),
    );
    const { controller, filters } = setup(records);
    controller.filterAreaOpen.set(true);
    filters.update({ text: 'caseloads' });
    await vi.waitFor(() => expect(filters.result.get().matches).toHaveLength(15));
    expect(filters.result.get().shown).toBe(15);
    filters.destroy();
  });

  it('sets the hidden and context marks from a search and brings everything back on clear', async () => {
    const { controller, filters } = setup();
    filters.update({ text: 'Early RELEASE' });
    await settle();
    expect(filters.result.get().matches).toEqual(['1', '4']);
    expect(controller.hidden.values()).toEqual(['2']);
    expect(controller.marks.of(CONTEXT_MARK).values()).toEqual(['3']);
    filters.clear();
    await settle();
    expect(controller.hidden.size).toBe(0);
    expect(controller.marks.of(CONTEXT_MARK).size).toBe(0);
    expect([filters.result.get().shown, filters.result.get().total]).toEqual([4, 4]);
  });

  it('follows the new marks when showing only new comments', async () => {
    const { controller, filters } = setup();
    filters.update({ newOnly: true });
    await settle();
    expect(filters.result.get().shown).toBe(0);
    controller.marks.of(NEW_MARK).replace(['2']);
    await settle();
    expect(controller.hidden.values().sort()).toEqual(['3', '4']);
  });

  it('mutes comments with a muted word and names the word', async () => {
    const { controller, filters } = setup();
    filters.mutedWords.set(['tory']);
    await settle();
    expect(controller.marks.of(MUTED_MARK).values()).toEqual(['3']);
    expect(filters.mutedWord.get('3')).toBe('tory');
    filters.mutedWords.set([]);
    await settle();
    expect(controller.marks.of(MUTED_MARK).size).toBe(0);
  });

  it('steps through matches, wrapping, and makes each the current comment', async () => {
    const { controller, filters } = setup();
    filters.update({ text: 'release' });
    filters.stepMatch(1);
    expect(controller.current.get()).toBe('1');
    filters.stepMatch(1);
    expect(controller.current.get()).toBe('4');
    filters.stepMatch(1);
    expect(controller.current.get()).toBe('1');
    filters.stepMatch(-1);
    expect(controller.current.get()).toBe('4');
    expect(filters.matchIndex.get()).toBe(1);
  });

  it('re-applies to the tree of the view the reader switches to', async () => {
    const { controller, filters } = setup();
    filters.update({ minReplies: 1 });
    await settle();
    expect(filters.result.get().shown).toBe(4);
    controller.view.set('threaded');
    await settle();
    expect(filters.result.get().total).toBe(4);
  });

  it('highlights matches in rendered bodies and removes them when the search changes', async () => {
    const { controller, filters } = setup();
    const body = document.createElement('div');
    body.textContent = 'Who runs the early release scheme?';
    document.body.append(body);
    controller.onBodyRendered('1', body);
    filters.update({ text: 'scheme' });
    await settle();
    expect(body.querySelector('mark')?.textContent).toBe('scheme');
    filters.update({ text: 'nobody' });
    await settle();
    expect(body.querySelector('mark')).toBeNull();
    expect(body.textContent).toBe('Who runs the early release scheme?');
  });
});
