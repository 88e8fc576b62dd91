/** Wires keyboard navigation into the page: bindings from settings (live), the "?" help overlay, the document listener. */
import type { ComponentChildren } from 'preact';
import { DEFAULT_KEY_BINDINGS, loadSettings, onSettingsChanged, type KeyAction } from '../storage/settings';
import type { Controller } from '../ui/controller';
import { HelpOverlay } from '../ui/keyboard/HelpOverlay';
import { attachKeyboard, type KeyboardHandle } from '../ui/keyboard/keyboard-controller';
import keyboardStyles from '../ui/keyboard/keyboard.css';
import { warnOnce } from '../ui/log';
import { ValueStore } from '../ui/store';

export { keyboardStyles };

export interface KeyboardFeature {
  overlay: ComponentChildren;
  handle: KeyboardHandle;
  destroy(): void;
}

export function createKeyboardFeature(
  controller: Controller,
  options: { doc: Document; focusSearch(): boolean },
): KeyboardFeature {
  const helpOpen = new ValueStore(false);
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
    overlay: <HelpOverlay open={helpOpen} bindings={bindings} available={available} doc={options.doc} />,
    handle,
    destroy() {
      stopSettings();
      handle.destroy();
      helpOpen.set(false);
    },
  };
}
