/**
 * The glossary as the content script holds it: a Glossary button at once, and the glossary chunk (scanner, tooltip,
 * panel) loaded at idle after the threads first show, or at once when the button is pressed. Comment bodies rendered
 * before it arrives are remembered and handed to it, so none is left unscanned.
 */
import type { ComponentChildren } from 'preact';
import type { GlossaryEntry } from './types';
import type { Settings } from '../../shared/settings';
import type { Controller } from '../../ui/controller';
import { useValue, ValueStore } from '../../ui/store';
import type { GlossaryFeature } from './glossary-view';
import { ChunkFailure, lazyChunk, type LazyChunk } from '../../ui/lazy-chunk';

export interface LazyGlossaryFeature extends GlossaryFeature {
  /** Load the chunk when the page is idle (called once the threads have first shown). */
  loadWhenIdle(): void;
}

export interface LazyGlossaryOptions {
  doc: Document;
  host: string;
  entries: readonly GlossaryEntry[];
  settings: Settings;
  chunk?: LazyChunk<'glossary'>;
}

type BodyListener = (id: string, body: HTMLElement) => void;

/** The longest the chunk waits for an idle moment after the threads show (a big post's feed can keep the page busy for seconds). */
const IDLE_TIMEOUT_MS = 500;

export function createLazyGlossaryFeature(controller: Controller, options: LazyGlossaryOptions): LazyGlossaryFeature {
  const { chunk = lazyChunk('glossary'), ...featureOptions } = options;
  const win = options.doc.defaultView ?? window;
  const rendered = new Map<string, HTMLElement>();
  const remember: BodyListener = (id, body) => rendered.set(id, body);
  controller.bodyListeners.add(remember);
  const loadedTool = new ValueStore<ComponentChildren>(null);
  let feature: GlossaryFeature | null = null;
  let destroyed = false;
  let idleHandle: number | undefined;

  const start = async (): Promise<boolean> => {
    const api = await chunk.load();
    if (!api || destroyed) return false;
    if (feature) return true;
    const before = new Set<BodyListener>(controller.bodyListeners);
    feature = api.createGlossaryFeature(controller, featureOptions);
    // Hand the bodies already in the page to the listeners the glossary just added.
    const added = [...controller.bodyListeners].filter((listener) => !before.has(listener));
    controller.bodyListeners.delete(remember);
    for (const [id, body] of rendered) if (body.isConnected) for (const listener of added) listener(id, body);
    rendered.clear();
    loadedTool.set(feature.tool);
    return true;
  };

  /** Pressed before the chunk arrived: load it, then open the real panel and keep the focus on its button. */
  const openNow = () => {
    void start().then((started) => {
      if (!started) return;
      setTimeout(() => {
        const button = controller.uiRoot.querySelector<HTMLButtonElement>('[data-thread-action="glossary"]');
        if (button?.getAttribute('aria-expanded') === 'false') button.click();
        button?.focus();
      }, 0);
    });
  };

  function GlossaryButton() {
    const tool = useValue(loadedTool);
    const state = useValue(chunk.state);
    if (tool) return <>{tool}</>;
    return (
      <span className="glossary-tool">
        <button type="button" data-thread-action="glossary" aria-expanded="false" aria-busy={state.kind === 'loading' ? 'true' : undefined} onClick={openNow}>
          Glossary
        </button>
        <ChunkFailure chunk={chunk} />
      </span>
    );
  }

  return {
    tool: <GlossaryButton />,
    loadWhenIdle() {
      if (feature || destroyed || idleHandle !== undefined) return;
      const run = () => void start();
      idleHandle = typeof win.requestIdleCallback === 'function' ? win.requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS }) : win.setTimeout(run, IDLE_TIMEOUT_MS);
    },
    destroy() {
      destroyed = true;
      if (idleHandle !== undefined) {
        if (typeof win.cancelIdleCallback === 'function') win.cancelIdleCallback(idleHandle);
        else win.clearTimeout(idleHandle);
      }
      controller.bodyListeners.delete(remember);
      rendered.clear();
      feature?.destroy();
    },
  };
}
