/** Puts Threadline on the page: one open shadow root before the blog's comments, the view inside, the blog's copy hidden. */
import { untilAborted } from '../shared/store';
import { render } from 'preact';
import { App } from './App';
import { createController, type Controller } from './controller';
import type { ThreadModel, ViewMode } from './model';
import { hideOriginal, restoreOriginal } from './page-guard';
import type { RunningFeatures } from './run-features';
import sidebarStyles from './sidebar/sidebar.css';
import styles from './styles.css';
import tokens from './theme/tokens.css';

export interface MountOptions {
  doc: Document;
  /** The blog's own comment rendering; hidden while Threadline shows, restored on failure or destroy. */
  original: HTMLElement;
  model: ThreadModel;
  view: ViewMode;
  collapsed: Iterable<string>;
  /** CSS of the features, appended after the core styles. */
  featureStyles?: string[];
  /** Start the features on the new controller; `signal` aborts when the view is destroyed. */
  startFeatures(controller: Controller, signal: AbortSignal): RunningFeatures;
  onReady: (controller: Controller) => void;
  onError: (error: unknown) => void;
}

export interface Mounted {
  host: HTMLElement;
  shadow: ShadowRoot;
  controller: Controller;
  /** Aborts when the view is destroyed: what the page run ties its own listeners to. */
  signal: AbortSignal;
  /** Remove Threadline and give the page back exactly as it was. */
  destroy(): void;
}

const yieldToMain = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Mount in three tasks, so none of them is long on a big post: create the controller and start the features, then
 * render the toolbar and the first chunk of threads, then hide the blog's own list.
 */
export async function mountThreadline(options: MountOptions): Promise<Mounted> {
  const { doc, original } = options;
  const host = doc.createElement('div');
  host.setAttribute('data-thread-root', '');
  host.dataset.state = 'loading';
  original.parentNode!.insertBefore(host, original);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = [tokens, styles, sidebarStyles, ...(options.featureStyles ?? [])].join('\n');
  const mountPoint = doc.createElement('div');
  shadow.append(style, mountPoint);

  const controller = createController({ model: options.model, view: options.view, collapsed: options.collapsed, uiRoot: shadow, doc });
  const life = new AbortController();
  // Where the text analysis ran (DOM contract: data-analysis), as the model changes with the feed's comments.
  const showAnalysis = () => {
    host.dataset.analysis = controller.model.get().analysedIn;
  };
  showAnalysis();
  untilAborted(life.signal, controller.model.subscribe(showAnalysis));
  const destroy = () => {
    if (life.signal.aborted) return;
    life.abort();
    render(null, mountPoint);
    host.remove();
    restoreOriginal(original);
  };
  const mounted: Mounted = { host, shadow, controller, signal: life.signal, destroy };
  let features: RunningFeatures;
  try {
    features = options.startFeatures(controller, life.signal);
    await yieldToMain();
  } catch (error) {
    destroy();
    throw error;
  }
  if (life.signal.aborted) return mounted;
  let readyOnce = false;
  render(
    <App
      controller={controller}
      tools={features.toolbar}
      panels={features.panels}
      overlays={features.overlays}
      onReady={() => {
        if (readyOnce || life.signal.aborted) return;
        readyOnce = true;
        host.dataset.state = 'ready';
        options.onReady(controller);
        features.ready();
      }}
      onError={(error) => {
        destroy();
        options.onError(error);
      }}
    />,
    mountPoint,
  );
  hideOriginal(original);
  features.mounted();
  return mounted;
}
