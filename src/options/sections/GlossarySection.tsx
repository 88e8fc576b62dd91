/** Options: the reader's own glossary terms (the glossary's editor, which titles itself), prefilled from "#glossary?define=TOKEN". */
import { GlossaryEditor } from '../../features/glossary/GlossaryEditor';

export function GlossarySection({ define }: { define: string | null }) {
  return (
    <div id="glossary" className="section">
      <GlossaryEditor key={define ?? ''} initialDefine={define} />
    </div>
  );
}
