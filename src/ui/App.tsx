/** The Threadline section: toolbar over the thread list, inside the error boundary that hands the page back on failure. */
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { ThreadContext } from './context';
import type { Controller } from './controller';
import { ErrorBoundary } from './ErrorBoundary';
import { useValue } from './store';
import { ThreadList } from './ThreadList';
import { t } from '../shared/i18n';
import { Toolbar, type ToolbarTools } from './Toolbar';

export interface AppProps {
  controller: Controller;
  onReady: () => void;
  onError: (error: unknown) => void;
  /** The features' toolbar tools by place (bar, menu, filter area). */
  tools?: ToolbarTools;
  /** Panels shown between the toolbar and the threads. */
  panels?: ComponentChildren;
  /** Overlays (tooltip, sidebar, help). */
  overlays?: ComponentChildren;
}

function Threads({ controller, onReady }: { controller: Controller; onReady: () => void }) {
  const renderAll = useValue(controller.renderAll);
  // A printed page shows every comment: build the groups not built yet (Preact renders before the print layout).
  useEffect(() => {
    const win = controller.doc.defaultView;
    const buildAll = () => controller.renderAll.set(true);
    win?.addEventListener('beforeprint', buildAll);
    return () => win?.removeEventListener('beforeprint', buildAll);
  }, [controller]);
  return <ThreadList renderAll={renderAll} onComplete={onReady} />;
}

export function App({ controller, onReady, onError, tools, panels, overlays }: AppProps) {
  return (
    <ErrorBoundary onError={onError}>
      <ThreadContext.Provider value={controller}>
        <section className="threadline" aria-label={t('view_section_label')}>
          <Toolbar tools={tools} />
          {panels}
          <Threads controller={controller} onReady={onReady} />
        </section>
        {overlays}
      </ThreadContext.Provider>
    </ErrorBoundary>
  );
}
