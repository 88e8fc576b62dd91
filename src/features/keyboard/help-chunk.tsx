/** Entry of the keyboard-help chunk (help.js): the "?" overlay and its styles, injected the first time a reader asks for help. */
import { registerChunk } from '../../shared/chunks';
import { HelpOverlay as Overlay, type HelpOverlayProps } from './HelpOverlay';
import keyboardStyles from './keyboard.css';

/** The help dialog, carrying its own styles into the shadow root. */
function HelpOverlay(props: HelpOverlayProps) {
  return (
    <>
      <style>{keyboardStyles}</style>
      <Overlay {...props} />
    </>
  );
}

export interface HelpChunkApi {
  HelpOverlay: typeof HelpOverlay;
}

registerChunk('help', { HelpOverlay } satisfies HelpChunkApi);
