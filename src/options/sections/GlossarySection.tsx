/** Options: the reader's own glossary terms (the glossary's editor component), prefilled from "#glossary?define=TOKEN". */
import { Section } from './Section';

export function GlossarySection({ define }: { define: string | null }) {
  return (
    <Section id="glossary" title="Your glossary terms" description="Terms you add here are explained like the built-in ones; yours win where both define a term.">
      <p className="hint" data-define={define ?? ''}>
        {define ? `Define “${define}”: the glossary editor is not available in this build.` : 'The glossary editor is not available in this build.'}
      </p>
    </Section>
  );
}
