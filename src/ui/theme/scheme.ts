/** The reader's colour scheme on an element: `data-tl-scheme` (see tokens.css) set from the settings and kept live. */
import { type ColorScheme, loadSettings, onSettingsChanged } from '../../shared/settings';

/** Put `scheme` on `element`: "system" removes the attribute, so `prefers-color-scheme` decides. */
export function applyScheme(element: Element, scheme: ColorScheme): void {
  if (scheme === 'system') element.removeAttribute('data-tl-scheme');
  else element.setAttribute('data-tl-scheme', scheme);
}

/** For the extension's own pages: apply the stored scheme to `element` now and on every change. */
export function followScheme(element: Element): () => void {
  void loadSettings().then((settings) => applyScheme(element, settings.colorScheme));
  return onSettingsChanged((settings) => applyScheme(element, settings.colorScheme));
}
