/** A saved item's excerpt: sanitized again at display time (it came from storage, maybe from an imported file). */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { replaceWithSafeHtml, sanitizeHtml } from '../../../shared/sanitize';

export function SavedExcerpt({ html }: { html: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (ref.current) replaceWithSafeHtml(ref.current, sanitizeHtml(html));
  }, [html]);
  return <div ref={ref} className="saved-excerpt" />;
}
