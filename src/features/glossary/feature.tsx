/**
 * The probation glossary: marks acronyms in the post body and in each comment as it nears the screen (in idle time,
 * from a moment after the threads show), explains them in a tooltip on hover, focus and tap, and lists them in a panel.
 */
import { attachGlossary, type GlossaryController } from './attach';
import { loadCustomTerms, onCustomTermsChanged } from './custom-terms';
import { mergeGlossary } from './merge';
import type { GlossaryEntry } from './types';
import { GlossaryPanel } from './GlossaryPanel';
import { sendToBackground } from '../../shared/messages';
import { createScanQueue } from './scan-queue';
import { sitePolicy } from '../../shared/sites/policy';
import type { Settings } from '../../shared/settings';
import { untilAborted, ValueStore } from '../../shared/store';
import { defineFeature } from '../../ui/feature';
import { useValue } from '../../ui/store';
import { threadGroupOf } from '../../ui/thread-group';
import { warnOnce } from '../../shared/log';
import { useState } from 'preact/hooks';

/**
 * The built-in glossary lives in the background bundle (a third of the content script's size otherwise); the page
 * asks for it once and lays the reader's own terms over it.
 */
async function fetchGlossaryEntries(): Promise<GlossaryEntry[]> {
  const builtIn: unknown = await sendToBackground({ type: 'threadline:glossary-terms' });
  if (!Array.isArray(builtIn)) throw new Error('the background sent no glossary');
  return mergeGlossary(builtIn as GlossaryEntry[], await loadCustomTerms());
}

/** Built-in plus custom terms; when they cannot be had, no terms (the threads still work) and one warning. */
async function prepareGlossaryEntries(): Promise<readonly GlossaryEntry[]> {
  return fetchGlossaryEntries().catch((error: unknown) => {
    warnOnce('could not load the glossary; acronyms are not explained on this page.', error);
    return [];
  });
}

/** The Glossary button and its panel; pressed before the glossary is attached, it attaches it first. */
function GlossaryTool({
  glossary,
  attachNow,
  onDefine,
  onOpen,
}: {
  glossary: ValueStore<GlossaryController | null>;
  attachNow: () => Promise<void>;
  onDefine: (token: string) => void;
  onOpen: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const attached = useValue(glossary);
  const toggle = () => {
    if (open) return setOpen(false);
    if (attached) {
      onOpen();
      return setOpen(true);
    }
    setBusy(true);
    void attachNow().then(() => {
      setBusy(false);
      if (!glossary.get()) return;
      onOpen();
      setOpen(true);
    });
  };
  return (
    <span className="glossary-tool">
      <button
        type="button"
        data-thread-action="glossary"
        aria-expanded={open ? 'true' : 'false'}
        aria-controls="tl-glossary-panel"
        aria-busy={busy ? 'true' : undefined}
        onClick={toggle}
      >
        Glossary
      </button>
      <div id="tl-glossary-panel" className="glossary-popover" hidden={!open}>
        {open && attached && <GlossaryPanel glossary={attached} onDefine={onDefine} />}
      </div>
    </span>
  );
}

const GLOSSARY_TOOL_STYLES = `
.glossary-tool { position: relative; }
.glossary-popover { position: absolute; z-index: 5; top: calc(100% + 4px); left: 0; width: min(26rem, 90vw); max-height: 60vh; overflow: auto;
  background: var(--tl-bg); color: var(--tl-fg); border: 1px solid var(--tl-border); border-radius: 8px; padding: 0.5rem 0.75rem; box-shadow: 0 6px 18px rgba(0,0,0,0.2); }
.glossary-popover[hidden] { display: none; }
`;

/** The longest the glossary waits for an idle moment after the threads show (a big post's feed can keep the page busy for seconds). */
const IDLE_TIMEOUT_MS = 500;

export default defineFeature({
  id: 'glossary',
  styles: GLOSSARY_TOOL_STYLES,
  init(ctx, signal) {
    const { controller, doc, host, settings } = ctx;
    const win = ctx.win as Window & typeof globalThis;
    const settingsFor = (current: Settings) => ({ ...current.tooltips, enabled: sitePolicy(host, current).glossary && current.tooltips.enabled });
    const entries = prepareGlossaryEntries();
    const glossary = new ValueStore<GlossaryController | null>(null);
    // Bodies rendered before the glossary attaches are remembered and handed over, so none is left unscanned.
    const rendered = new Map<string, HTMLElement>();
    let queue: ReturnType<typeof createScanQueue> | null = null;
    untilAborted(
      signal,
      controller.onBody((id, body) => (queue ? queue.watch(body) : rendered.set(id, body))),
    );

    let attaching: Promise<void> | null = null;
    const attachNow = (): Promise<void> => {
      attaching ??= entries.then((loaded) => {
        if (signal.aborted) return;
        const attached = attachGlossary({ uiRoot: controller.uiRoot, scanRoots: [], settings: settingsFor(settings.get()), entries: loaded });
        // Comment bodies are scanned as they come near the screen; the panel's page-wide counts scan the rest on opening.
        queue = createScanQueue(win, (element) => attached.scan(element), { groupOf: threadGroupOf });
        const postBody = doc.querySelector('.post-body, [id^="post-body-"], .entry-content');
        if (postBody) queue.push(postBody);
        for (const body of rendered.values()) if (body.isConnected) queue.watch(body);
        rendered.clear();
        const scanQueue = queue;
        untilAborted(
          signal,
          settings.subscribe(() => attached.setSettings(settingsFor(settings.get()))),
          onCustomTermsChanged(() => {
            void fetchGlossaryEntries().then(
              (next) => attached.setEntries(next),
              () => undefined,
            );
          }),
          () => scanQueue.stop(),
          () => attached.destroy(),
        );
        glossary.set(attached);
      });
      return attaching;
    };

    const onDefine = (token: string) => {
      void sendToBackground({ type: 'threadline:open-options', hash: `glossary?define=${token}` }).catch((error: unknown) =>
        warnOnce('could not open the options page.', error),
      );
    };
    return {
      toolbar: <GlossaryTool glossary={glossary} attachNow={attachNow} onDefine={onDefine} onOpen={() => queue?.scanAll()} />,
      ready() {
        const run = () => void attachNow();
        if (typeof win.requestIdleCallback === 'function') {
          const handle = win.requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
          untilAborted(signal, () => win.cancelIdleCallback(handle));
        } else {
          const handle = win.setTimeout(run, IDLE_TIMEOUT_MS);
          untilAborted(signal, () => win.clearTimeout(handle));
        }
      },
    };
  },
});
