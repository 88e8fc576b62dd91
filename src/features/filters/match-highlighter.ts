/** Keeps <mark> highlights in the rendered bodies of matching comments in step with the search, a few bodies per task. */
import type { Scheduler } from './chunked-marks';
import { clearHighlights, highlightTerms } from './highlight';

const BODIES_PER_TASK = 40;

export class MatchHighlighter {
  private readonly bodies = new Map<string, HTMLElement>();
  private readonly highlighted = new Set<string>();
  private terms: readonly string[] = [];
  private matches: ReadonlySet<string> = new Set();
  private generation = 0;

  constructor(private readonly schedule: Scheduler) {}

  /** A comment body was rendered (or rendered again): remember it and highlight it if it matches. */
  onBody(id: string, body: HTMLElement): void {
    this.bodies.set(id, body);
    this.highlighted.delete(id);
    if (this.terms.length > 0 && this.matches.has(id)) {
      highlightTerms(body, this.terms);
      this.highlighted.add(id);
    }
  }

  /** New search terms and matching comments: unmark what no longer matches, mark what newly does. */
  update(terms: readonly string[], matches: ReadonlySet<string>): void {
    const termsChanged = terms.join('\u0000') !== this.terms.join('\u0000');
    this.terms = terms;
    this.matches = matches;
    const work: Array<() => void> = [];
    for (const id of this.highlighted) {
      if (!termsChanged && matches.has(id)) continue;
      work.push(() => {
        const body = this.bodies.get(id);
        if (body) clearHighlights(body);
        this.highlighted.delete(id);
      });
    }
    if (terms.length > 0) {
      for (const id of matches) {
        if (!termsChanged && this.highlighted.has(id)) continue;
        work.push(() => {
          const body = this.bodies.get(id);
          if (!body || !body.isConnected || this.highlighted.has(id)) return;
          highlightTerms(body, terms);
          this.highlighted.add(id);
        });
      }
    }
    const generation = ++this.generation;
    let at = 0;
    const step = () => {
      if (generation !== this.generation) return;
      const end = Math.min(work.length, at + BODIES_PER_TASK);
      for (; at < end; at += 1) work[at]!();
      if (at < work.length) this.schedule(step);
    };
    step();
  }

  /** Whether a comment's body currently carries highlights. */
  isHighlighted(id: string): boolean {
    return this.highlighted.has(id);
  }
}
