/** Renders a comment's sanitized HTML into a div without going through Preact's innerHTML path. */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { SafeHtml } from '../blogger/types';
import { replaceWithSafeHtml } from '../shared/sanitize';

export function SafeBody({ html, className, onRendered }: { html: SafeHtml; className: string; onRendered?: (el: HTMLElement) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    replaceWithSafeHtml(element, html);
    onRendered?.(element);
  }, [html]);
  return <div ref={ref} className={className} />;
}
