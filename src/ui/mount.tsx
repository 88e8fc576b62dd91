/** Puts Threadline on the page: one open shadow root before the blog's comments, the view inside, the blog's copy hidden. */
import { render, type ComponentChildren } from 'preact';
import styles from './styles.css';
import { App } from './App';
import { createController, type Controller } from './controller';
import type { ThreadModel, ViewMode } from './model';
import { hideOriginal, restoreOriginal } from './page-guard';

export interface MountOptions {
  doc: Document;
  /** The blog's own comment rendering; hidden while Threadline shows, restored on failure or destroy. */
  original: HTMLElement;
  model: ThreadModel;
  view: ViewMode;
  collapsed: Iterable<string>;
  /** Extra CSS for feature modules (glossary, filters...), appended after the base styles. */
  extraStyles?: string[];
  tools?: (controller: Controller) => ComponentChildren;
  panels?: (controller: Controller) => ComponentChildren;
  overlays?: (controller: Controller) => ComponentChildren;
  onReady: (controller: Controller) => void;
  onError: (error: unknown) => void;
}

export interface Mounted {
  host: HTMLElement;
  shadow: ShadowRoot;
  controller: Controller;
  /** Remove Threadline and give the page back exactly as it was. */
  destroy(): void;
}

const yieldToMain = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Mount in three tasks, so none of them is long on a big post: create the controller and the features, then render
 * the toolbar and the first chunk of threads, then hide the blog's own list.
 */
export async function mountThreadline(options: MountOptions): Promise<Mounted> {
  const { doc, original } = options;
  const host = doc.createElement('div');
  host.setAttribute('data-thread-root', '');
  host.dataset.state = 'loading';
  original.parentNode!.insertBefore(host, original);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = [styles, ...(options.extraStyles ?? [])].join('\n');
  const mountPoint = doc.createElement('div');
  shadow.append(style, mountPoint);

  const controller = createController({
    model: options.model,
    view: options.view,
    collapsed: options.collapsed,
    uiRoot: shadow,
    doc,
  });
  let destroyed = false;
  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    render(null, mountPoint);
    host.remove();
    restoreOriginal(original);
  };
  let readyOnce = false;
  let tools: ComponentChildren;
  try {
    tools = options.tools?.(controller);
    await yieldToMain();
  } catch (error) {
    destroy();
    throw error;
  }
  if (destroyed) return { host, shadow, controller, destroy };
  render(
    <App
      controller={controller}
      tools={tools}
      panels={options.panels?.(controller)}
      overlays={options.overlays?.(controller)}
      onReady={() => {
        if (readyOnce || destroyed) return;
        readyOnce = true;
        host.dataset.state = 'ready';
        options.onReady(controller);
      }}
      onError={(error) => {
        destroy();
        options.onError(error);
      }}
    />,
    mountPoint,
  );
  hideOriginal(original);
  return { host, shadow, controller, destroy };
}
