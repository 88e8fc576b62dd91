/** The options page's search: shows the sections and settings whose words match what is typed, and counts them. */
import { normalizeText } from '../threads/filter-text';

/** What a setting is, on the page: one labelled control, a row of the key table, an enabled site, a term field. */
export const OPTION_SELECTOR = '.choice, .field, tbody tr, li[data-site], .tl-glossary-editor__form label';

/** Whether every word of `query` occurs in `text` (both as the reader typed them; an empty query matches all). */
export function matchesQuery(text: string, query: string): boolean {
  const words = normalizeText(query).split(' ').filter(Boolean);
  const haystack = normalizeText(text);
  return words.every((word) => haystack.includes(word));
}

function setShown(element: Element, shown: boolean): void {
  (element as HTMLElement).hidden = !shown;
}

/** The words that describe a whole section: its heading and its hints. */
function sectionWords(section: Element): string {
  return [...section.querySelectorAll('h2, .hint')].map((node) => node.textContent ?? '').join(' ');
}

/**
 * Hide the sections and settings under `root` that do not match `query`, and answer how many settings are shown
 * (a matching section without settings of its own counts as one). A section whose heading matches keeps all of it;
 * a group (fieldset) whose legend matches keeps all of its settings.
 */
export function filterOptions(root: ParentNode, query: string): number {
  let shown = 0;
  for (const section of root.querySelectorAll('.section')) {
    const options = [...section.querySelectorAll(OPTION_SELECTOR)];
    const groups = [...section.querySelectorAll('fieldset')];
    const whole = query.trim() === '' || matchesQuery(sectionWords(section), query);
    const inGroupWords = (option: Element) => option.closest('fieldset')?.querySelector('legend')?.textContent ?? '';
    let matched = 0;
    for (const option of options) {
      const match = whole || matchesQuery(`${inGroupWords(option)} ${option.textContent ?? ''}`, query);
      setShown(option, match);
      if (match) matched++;
    }
    for (const group of groups) setShown(group, whole || group.querySelector(`:is(${OPTION_SELECTOR}):not([hidden])`) !== null);
    const sectionShown = whole || matched > 0;
    setShown(section, sectionShown);
    if (sectionShown) shown += Math.max(matched, 1);
  }
  return shown;
}
