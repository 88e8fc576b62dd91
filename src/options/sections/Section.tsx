/** One titled, labelled section of the options page (a landmark the reader can jump to with #id). */
import type { ComponentChildren } from 'preact';

export function Section({ id, title, children, description }: { id: string; title: string; description?: string; children: ComponentChildren }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="section">
      <h2 id={`${id}-title`}>{title}</h2>
      {description && <p className="hint">{description}</p>}
      {children}
    </section>
  );
}
