// @vitest-environment jsdom
/** The glossary before its chunk: a button at once, bodies rendered meanwhile handed over on arrival, a pressed button opening the panel. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../../src/shared/browser', () => ({ default: {} }));

import type { ChunkApis } from '../../../../src/ui/chunk-apis';
import type { LoadChunk } from '../../../../src/ui/chunk-loader';
import { lazyChunk } from '../../../../src/ui/lazy-chunk';
import { createLazyGlossaryFeature } from '../../../../src/features/glossary/lazy-glossary';
import { DEFAULT_SETTINGS } from '../../../../src/shared/settings';
import type { Controller } from '../../../../src/ui/controller';

type BodyListener = (id: string, body: HTMLElement) => void;

/** A stand-in glossary chunk: records the bodies its listener is given; its tool is a real toggle button. */
function fakeGlossaryChunk() {
  const seen: string[] = [];
  const create = vi.fn((controller: Controller) => {
    const listener: BodyListener = (id) => seen.push(id);
    controller.bodyListeners.add(listener);
    return {
      tool: <button type="button" data-thread-action="glossary" aria-expanded="false" onClick={(event) => event.currentTarget.setAttribute('aria-expanded', 'true')}>Glossary</button>,
      destroy: () => controller.bodyListeners.delete(listener),
    };
  });
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const load = (async () => {
    await gate;
    return { createGlossaryFeature: create } as unknown as ChunkApis['glossary'];
  }) as unknown as LoadChunk;
  return { seen, create, release, chunk: lazyChunk('glossary', load) };
}

function setUp() {
  const host = document.createElement('div');
  document.body.append(host);
  const uiRoot = host.attachShadow({ mode: 'open' });
  const container = document.createElement('div');
  uiRoot.append(container);
  const bodyListeners = new Set<BodyListener>();
  const controller = { uiRoot, bodyListeners } as unknown as Controller;
  const renderBody = (id: string) => {
    const body = document.createElement('div');
    container.append(body);
    for (const listener of bodyListeners) listener(id, body);
  };
  return { controller, container, renderBody };
}

const flush = () => act(() => new Promise((resolve) => setTimeout(resolve, 5)));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('createLazyGlossaryFeature', () => {
  it('hands the glossary every body rendered before its chunk arrived, then lets the glossary listen itself', async () => {
    const { controller, container, renderBody } = setUp();
    const fake = fakeGlossaryChunk();
    const feature = createLazyGlossaryFeature(controller, { doc: document, host: 'example.org', entries: [], settings: DEFAULT_SETTINGS, chunk: fake.chunk });
    act(() => render(<>{feature.tool}</>, container));
    renderBody('a');
    renderBody('b');
    feature.loadWhenIdle();
    fake.release();
    // jsdom has no requestIdleCallback: the load waits out the idle timeout (500 ms).
    await act(() => new Promise((resolve) => setTimeout(resolve, 650)));
    expect(fake.create).toHaveBeenCalledTimes(1);
    expect(fake.seen).toEqual(['a', 'b']);
    renderBody('c');
    expect(fake.seen).toEqual(['a', 'b', 'c']);
    expect(controller.bodyListeners.size).toBe(1);
    feature.destroy();
    expect(controller.bodyListeners.size).toBe(0);
  });

  it('the button pressed before the chunk is busy, then the real panel opens', async () => {
    const { controller, container } = setUp();
    const fake = fakeGlossaryChunk();
    const feature = createLazyGlossaryFeature(controller, { doc: document, host: 'example.org', entries: [], settings: DEFAULT_SETTINGS, chunk: fake.chunk });
    act(() => render(<>{feature.tool}</>, container));
    const button = () => controller.uiRoot.querySelector<HTMLButtonElement>('[data-thread-action="glossary"]')!;
    act(() => button().click());
    await flush();
    expect(button().getAttribute('aria-busy')).toBe('true');
    fake.release();
    await flush();
    await flush();
    expect(fake.create).toHaveBeenCalledTimes(1);
    expect(button().getAttribute('aria-expanded')).toBe('true');
    expect(button().getAttribute('aria-busy')).toBeNull();
    feature.destroy();
  });

  it('creates nothing when the view is gone before the chunk arrives', async () => {
    const { controller } = setUp();
    const fake = fakeGlossaryChunk();
    const feature = createLazyGlossaryFeature(controller, { doc: document, host: 'example.org', entries: [], settings: DEFAULT_SETTINGS, chunk: fake.chunk });
    feature.loadWhenIdle();
    feature.destroy();
    fake.release();
    await flush();
    expect(fake.create).not.toHaveBeenCalled();
    expect(controller.bodyListeners.size).toBe(0);
  });
});
