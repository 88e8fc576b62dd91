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
import { t } from '../../shared/i18n';
import { MenuItem } from '../../ui/ToolbarMenu';

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

/** The glossary's open state and how to open it (attaching the glossary first when it has not attached yet). */
function createGlossaryToggle(glossary: ValueStore<GlossaryController | null>, attachNow: () => Promise<void>, onOpen: () => void) {
  const open = new ValueStore(false);
  const busy = new ValueStore(false);
  const toggle = () => {
    if (open.get()) return open.set(false);
    if (glossary.get()) {
      onOpen();
      return open.set(true);
    }
    busy.set(true);
    void attachNow().then(() => {
      busy.set(false);
      if (!glossary.get()) return;
      onOpen();
      open.set(true);
    });
  };
  return { open, busy, toggle };
}

type GlossaryToggle = ReturnType<typeof createGlossaryToggle>;

/** The toolbar menu's "Glossary" item: opens or closes the panel. */
function GlossaryItem({ toggle }: { toggle: GlossaryToggle }) {
  const open = useValue(toggle.open);
  const busy = useValue(toggle.busy);
  return (
    <MenuItem
      data-thread-action="glossary"
      icon="icon-glossary"
      aria-controls="tl-glossary-panel"
      aria-busy={busy ? 'true' : undefined}
      checked={open}
      onSelect={toggle.toggle}
    >
      {t('view_glossary')}
    </MenuItem>
  );
}

/** The panel under the toolbar: terms on this page with counts, and a close button (Escape closes it too). */
function GlossaryPopover({
  toggle,
  glossary,
  onDefine,
}: {
  toggle: GlossaryToggle;
  glossary: ValueStore<GlossaryController | null>;
  onDefine: (token: string) => void;
}) {
  const open = useValue(toggle.open);
  const attached = useValue(glossary);
  const close = (event: Event) => {
    toggle.open.set(false);
    ((event.currentTarget as HTMLElement).getRootNode() as ShadowRoot).querySelector<HTMLElement>('.toolbar [data-thread-action="menu"]')?.focus();
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape is a shortcut for the panel's close button
    <div
      id="tl-glossary-panel"
      className="glossary-popover"
      hidden={!open}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          close(event);
        }
      }}
    >
      {open && (
        <button
          type="button"
          className="close-button icon-close"
          data-thread-action="close-glossary"
          aria-label={t('view_close_glossary')}
          onClick={close}
        />
      )}
      {open && attached && <GlossaryPanel glossary={attached} onDefine={onDefine} />}
    </div>
  );
}

const GLOSSARY_TOOL_STYLES = `
.glossary-popover { position: relative; margin: 0 0 var(--tl-space-3); max-height: 60vh; overflow: auto;
  background: var(--tl-color-bg); color: var(--tl-color-text); border: 1px solid var(--tl-color-border); border-radius: var(--tl-radius-m);
  padding: var(--tl-space-2) var(--tl-space-3); box-shadow: var(--tl-shadow); }
.glossary-popover[hidden] { display: none; }
.glossary-popover .close-button { position: absolute; top: var(--tl-space-1); right: var(--tl-space-1); }
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
    // Page-wide counts need every comment: far thread groups not built yet are built, a chunk per task, and scanned.
    const toggle = createGlossaryToggle(glossary, attachNow, () => {
      controller.buildEverything.set(true);
      queue?.scanAll();
    });
    return {
      toolbar: { place: 'menu', content: <GlossaryItem toggle={toggle} /> },
      panel: <GlossaryPopover toggle={toggle} glossary={glossary} onDefine={onDefine} />,
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
