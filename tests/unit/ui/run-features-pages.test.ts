// @vitest-environment jsdom
/** Page kinds: a feature runs on post pages unless it declares list pages; list runs start only those, each on its own. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { ValueStore } from '../../../src/shared/store';
import { defineFeature, runsOn, type ListPageContext } from '../../../src/ui/feature';
import { runListFeatures } from '../../../src/ui/run-features';

vi.mock('webextension-polyfill', () => ({ default: {} }));

function listContext(): ListPageContext {
  return {
    settings: new ValueStore(DEFAULT_SETTINGS),
    host: 'probationmatters.blogspot.com',
    url: 'https://probationmatters.blogspot.com/',
    list: { kind: 'home', posts: [] },
    doc: document,
    win: window,
  };
}

afterEach(() => vi.restoreAllMocks());

describe('page kinds', () => {
  it('a feature runs on post pages only, unless it says which pages it runs on', () => {
    expect(runsOn(defineFeature({ id: 'a', init: () => undefined }), 'post')).toBe(true);
    expect(runsOn(defineFeature({ id: 'a', init: () => undefined }), 'list')).toBe(false);
    const both = defineFeature({ id: 'b', pages: ['post', 'list'], init: () => undefined, initList: () => undefined });
    expect([runsOn(both, 'post'), runsOn(both, 'list')]).toEqual([true, true]);
  });

  it('a list page starts only the list features, each with a signal that stops with the page', () => {
    const postOnly = vi.fn();
    const signals: AbortSignal[] = [];
    const features = [
      defineFeature({ id: 'post-only', init: postOnly, initList: postOnly }),
      defineFeature({ id: 'list', pages: ['list'], initList: (_ctx, signal) => void signals.push(signal) }),
    ];
    const life = new AbortController();
    expect(runListFeatures(features, listContext(), life.signal)).toBe(1);
    expect(postOnly).not.toHaveBeenCalled();
    expect(signals[0]?.aborted).toBe(false);
    life.abort();
    expect(signals[0]?.aborted).toBe(true);
  });

  it('a list feature that throws is stopped and said once; the next one still starts', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const started = vi.fn();
    const features = [
      defineFeature({
        id: 'broken',
        pages: ['list'],
        initList: () => {
          throw new Error('boom');
        },
      }),
      defineFeature({ id: 'fine', pages: ['list'], initList: started }),
    ];
    const life = new AbortController();
    expect(runListFeatures(features, listContext(), life.signal)).toBe(1);
    expect(started).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
