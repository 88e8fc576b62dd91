/** Wires the probation glossary into the view: scans the post body, and each comment as it nears the screen (in idle time), the panel, live settings. */
import { attachGlossary, type GlossaryController } from './attach';
import { loadCustomTerms, onCustomTermsChanged } from './custom-terms';
import { mergeGlossary } from './merge';
import type { GlossaryEntry } from './types';
import { GlossaryPanel } from './GlossaryPanel';
import browser from '../../shared/browser';
import { createScanQueue } from './scan-queue';
import { sitePolicy } from '../../shared/sites/policy';
import { onSettingsChanged, type Settings } from '../../shared/settings';
import type { Controller } from '../../ui/controller';
import { threadGroupOf } from '../../ui/thread-group';
import { warnOnce } from '../../shared/log';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

export interface GlossaryFeature {
  tool: ComponentChildren;
  destroy(): void;
}

/**
 * The built-in glossary lives in the background bundle (a third of the content script's size otherwise); the page
 * asks for it once, while it reads the comments, and lays the reader's own terms over it.
 */
async function loadGlossaryEntries(): Promise<GlossaryEntry[]> {
  const builtIn: unknown = await browser.runtime.sendMessage({ type: 'threadline:glossary-terms' });
  if (!Array.isArray(builtIn)) throw new Error('the background sent no glossary');
  return mergeGlossary(builtIn as GlossaryEntry[], await loadCustomTerms());
}

/** Built-in plus custom terms; when they cannot be had, no terms (the threads still work) and one warning. */
export async function prepareGlossaryEntries(): Promise<readonly GlossaryEntry[]> {
  return loadGlossaryEntries().catch((error: unknown) => {
    warnOnce('could not load the glossary; acronyms are not explained on this page.', error);
    return [];
  });
}

function GlossaryTool({ glossary, onDefine, onOpen }: { glossary: GlossaryController; onDefine: (token: string) => void; onOpen: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <span className="glossary-tool">
      <button type="button" data-thread-action="glossary" aria-expanded={open ? 'true' : 'false'} aria-controls="tl-glossary-panel" onClick={() => {
          if (!open) onOpen();
          setOpen(!open);
        }}>
        Glossary
      </button>
      <div id="tl-glossary-panel" className="glossary-popover" hidden={!open}>
        {open && <GlossaryPanel glossary={glossary} onDefine={onDefine} />}
      </div>
    </span>
  );
}

export const GLOSSARY_TOOL_STYLES = `
.glossary-tool { position: relative; }
.glossary-popover { position: absolute; z-index: 5; top: calc(100% + 4px); left: 0; width: min(26rem, 90vw); max-height: 60vh; overflow: auto;
  background: var(--tl-bg); color: var(--tl-fg); border: 1px solid var(--tl-border); border-radius: 8px; padding: 0.5rem 0.75rem; box-shadow: 0 6px 18px rgba(0,0,0,0.2); }
.glossary-popover[hidden] { display: none; }
`;

export function createGlossaryFeature(
  controller: Controller,
  options: { doc: Document; host: string; entries: readonly GlossaryEntry[]; settings: Settings },
): GlossaryFeature {
  const { doc, host } = options;
  const settingsFor = (settings: Settings) => ({ ...settings.tooltips, enabled: sitePolicy(host, settings).glossary && settings.tooltips.enabled });
  const postBody = doc.querySelector('.post-body, [id^="post-body-"], .entry-content');
  const glossary = attachGlossary({
    uiRoot: controller.uiRoot,
    scanRoots: [],
    settings: settingsFor(options.settings),
    entries: options.entries,
  });
  // Comment bodies are scanned as they come near the screen; the panel's page-wide counts scan the rest on opening.
  const queue = createScanQueue(doc.defaultView ?? window, (element) => glossary.scan(element), { groupOf: threadGroupOf });
  if (postBody) queue.push(postBody);
  const onBody = (_id: string, body: HTMLElement) => queue.watch(body);
  controller.bodyListeners.add(onBody);
  const stopSettings = onSettingsChanged((settings) => glossary.setSettings(settingsFor(settings)));
  const stopCustom = onCustomTermsChanged(() => {
    void loadGlossaryEntries().then((entries) => glossary.setEntries(entries), () => undefined);
  });
  const onDefine = (token: string) => {
    void browser.runtime.sendMessage({ type: 'threadline:open-options', hash: `glossary?define=${token}` }).catch((error: unknown) =>
      warnOnce('could not open the options page.', error),
    );
  };
  return {
    tool: <GlossaryTool glossary={glossary} onDefine={onDefine} onOpen={() => queue.scanAll()} />,
    destroy() {
      stopSettings();
      queue.stop();
      controller.bodyListeners.delete(onBody);
      stopCustom();
      glossary.destroy();
    },
  };
}
