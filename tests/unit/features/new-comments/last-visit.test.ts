// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeBrowser } from '../../support/fake-browser';

const fake = createFakeBrowser();
vi.mock('webextension-polyfill', () => ({ default: fake }));

const { loadLastVisit, newCommentIds, parseLastVisit, saveLastVisit, trackVisit } = await import('../../../../src/features/new-comments/last-visit');

beforeEach(() => fake.reset());

describe('newCommentIds', () => {
  const comments = [
    { id: 'old', publishedMs: 1000 },
    { id: 'same', publishedMs: 2000 },
    { id: 'newer', publishedMs: 3000 },
    { id: 'unknown', publishedMs: Number.NaN },
  ];

  it('marks only comments created after the last visit', () => {
    expect(newCommentIds(comments, 2000)).toEqual(['newer']);
  });

  it('marks nothing on a first visit', () => {
    expect(newCommentIds(comments, null)).toEqual([]);
  });
});

describe('stored last visit', () => {
  it('round-trips per post and ignores other posts', async () => {
    await saveLastVisit('111', 5000);
    expect(await loadLastVisit('111')).toBe(5000);
    expect(await loadLastVisit('222')).toBeNull();
  });

  it('reads malformed values as a first visit', () => {
    expect(parseLastVisit({ v: 1, at: 'yesterday' })).toBeNull();
    expect(parseLastVisit({ v: 9, at: 5 })).toBeNull();
    expect(parseLastVisit(null)).toBeNull();
  });
});

describe('trackVisit', () => {
  it('records the visit on pagehide and when the tab is hidden, not at start', () => {
    const saved: number[] = [];
    let clock = 100;
    const tracker = trackVisit(
      window,
      (at) => saved.push(at),
      60_000,
      () => clock,
    );
    expect(saved).toEqual([]);
    clock = 200;
    window.dispatchEvent(new Event('pagehide'));
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    clock = 300;
    document.dispatchEvent(new Event('visibilitychange'));
    expect(saved).toEqual([200, 300]);
    tracker.stop();
    window.dispatchEvent(new Event('pagehide'));
    expect(saved).toEqual([200, 300]);
  });

  it('records the visit after a while of reading', () => {
    vi.useFakeTimers();
    const saved: number[] = [];
    const tracker = trackVisit(
      window,
      (at) => saved.push(at),
      1000,
      () => 42,
    );
    vi.advanceTimersByTime(999);
    expect(saved).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(saved).toEqual([42]);
    tracker.stop();
    vi.useRealTimers();
  });
});

describe('visits as the post lists read them', () => {
  it('keeps the comment count of the visit, and reads many posts at once', async () => {
    const { loadVisits } = await import('../../../../src/features/new-comments/last-visit');
    await saveLastVisit('111', 5000, 30);
    await saveLastVisit('222', 6000);
    await fake.storage.local.set({ 'visit:333': { v: 1, at: 7000, count: -4 } });
    const visits = await loadVisits(['111', '222', '333', '444']);
    expect(Object.fromEntries(visits)).toEqual({
      '111': { at: 5000, count: 30 },
      '222': { at: 6000, count: null },
      '333': { at: 7000, count: null },
    });
    expect(await loadLastVisit('111')).toBe(5000);
  });

  it('records the first use on a blog once (www. or not), and answers it after', async () => {
    const { firstUseOf } = await import('../../../../src/features/new-comments/last-visit');
    expect(await firstUseOf('www.example.blogspot.com', 100)).toBe(100);
    expect(await firstUseOf('example.blogspot.com', 900)).toBe(100);
  });
});
