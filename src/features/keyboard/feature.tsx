/** Wires keyboard navigation into the page: bindings from settings (live), the "?" help overlay (a chunk, loaded when first asked for), the document listener. */
import type { ComponentChildren } from 'preact';
import { DEFAULT_KEY_BINDINGS, loadSettings, onSettingsChanged, type KeyAction } from '../../shared/settings';
import type { Controller } from '../../ui/controller';
import type { HelpOverlayProps } from './HelpOverlay';
import { attachKeyboard, type KeyboardHandle } from '../../ui/keyboard/dispatch';
import { warnOnce } from '../../shared/log';
import { useValue, ValueStore } from '../../ui/store';
import { ChunkFailure, lazyChunk, type LazyChunk } from '../../ui/lazy-chunk';

/** The help chunk brings the dialog's own styles; only its loading note shows before. */
export const keyboardStyles = `
.help-loading { position: fixed; z-index: 2147483001; bottom: 1rem; right: 1rem; padding: 0.5rem 0.75rem;
  background: var(--tl-bg); color: var(--tl-fg); border: 1px solid var(--tl-border); border-radius: 6px; }
`;

/** The overlay once its chunk is in; while it loads, a note saying so; if it cannot, the failure and help closed again. */
function LazyHelpOverlay({ chunk, ...props }: HelpOverlayProps & { chunk: LazyChunk<'help'> }) {
  const open = useValue(props.open);
  const state = useValue(chunk.state);
  if (state.kind === 'ready') return <state.api.HelpOverlay {...props} />;
  if (state.kind === 'failed') return <ChunkFailure chunk={chunk} floating />;
  if (!open) return null;
  return (
    <p className="help-loading" role="status" aria-busy="true">
      Loading the keyboard help…
    </p>
  );
}

export interface KeyboardFeature {
  overlay: ComponentChildren;
  handle: KeyboardHandle;
  destroy(): void;
}

export function createKeyboardFeature(
  controller: Controller,
  options: { doc: Document; focusSearch(): boolean; helpChunk?: LazyChunk<'help'> },
): KeyboardFeature {
  const helpOpen = new ValueStore(false);
  const helpChunk = options.helpChunk ?? lazyChunk('help');
  const stopHelpChunk = helpOpen.subscribe(() => {
    if (!helpOpen.get() || helpChunk.state.get().kind === 'ready') return;
    void helpChunk.load().then((api) => {
      if (!api) helpOpen.set(false);
    });
  });
  const bindings = new ValueStore<Record<KeyAction, string>>(DEFAULT_KEY_BINDINGS);
  const { hooks } = controller;
  const handle = attachKeyboard({
    doc: options.doc,
    controller,
    bindings: bindings.get(),
    focusSearch: options.focusSearch,
    isOverlayOpen: () => helpOpen.get(),
    openHelp: () => helpOpen.set(true),
    toggleSidebar: () => {
      if (typeof hooks.toggleSidebar !== 'function') return false;
      hooks.toggleSidebar();
      return true;
    },
  });
  const useBindings = (next: Record<KeyAction, string>) => {
    bindings.set(next);
    handle.setBindings(next);
  };
  loadSettings()
    .then((settings) => useBindings(settings.keyBindings))
    .catch((error) => warnOnce('could not read the key bindings; using the defaults.', error));
  const stopSettings = onSettingsChanged((settings) => useBindings(settings.keyBindings));
  const available = (action: KeyAction) => action !== 'sidebar' || typeof hooks.toggleSidebar === 'function';

  return {
    overlay: <LazyHelpOverlay chunk={helpChunk} open={helpOpen} bindings={bindings} available={available} doc={options.doc} />,
    handle,
    destroy() {
      stopSettings();
      stopHelpChunk();
      handle.destroy();
      helpOpen.set(false);
    },
  };
}
