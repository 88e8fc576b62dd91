// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { filterOptions, matchesQuery } from '../../../src/options/options-search';

const PAGE = `
  <section class="section" id="view"><h2>Comments</h2>
    <fieldset><legend>Default view</legend>
      <label class="choice"><input type="radio">Threaded</label>
      <label class="choice"><input type="radio">As posted</label>
    </fieldset>
    <label class="choice"><input type="checkbox">Collapse replies by default</label>
  </section>
  <section class="section" id="muted"><h2>Muted words</h2><p class="hint">Comments containing them are folded.</p>
    <label class="field"><span>One per line</span><textarea></textarea></label>
  </section>
  <section class="section" id="reset"><h2>Reset</h2><button>Reset to defaults</button></section>`;

const shown = (id: string) => !document.getElementById(id)!.hidden;

describe('options search', () => {
  beforeEach(() => {
    document.body.innerHTML = PAGE;
  });

  it('matches every word, ignoring case and accents', () => {
    expect(matchesQuery('Collapse replies by default', 'REPLIES collapse')).toBe(true);
    expect(matchesQuery('Café noir', 'cafe')).toBe(true);
    expect(matchesQuery('Collapse replies', 'collapse threads')).toBe(false);
  });

  it('keeps only the matching settings and the sections that hold them, and counts them', () => {
    expect(filterOptions(document.body, 'posted')).toBe(1);
    expect(shown('view')).toBe(true);
    expect(shown('muted')).toBe(false);
    expect(shown('reset')).toBe(false);
    const [threaded, posted] = document.querySelectorAll<HTMLElement>('fieldset .choice');
    expect([threaded!.hidden, posted!.hidden]).toEqual([true, false]);
    expect(document.querySelector<HTMLElement>('#view > .choice')!.hidden).toBe(true);
  });

  it('keeps a whole section when its heading or hint matches, and a whole group when its legend does', () => {
    expect(filterOptions(document.body, 'folded')).toBe(1);
    expect(shown('muted')).toBe(true);
    expect(filterOptions(document.body, 'default view')).toBe(2);
    expect(document.querySelector<HTMLElement>('fieldset')!.hidden).toBe(false);
    expect(filterOptions(document.body, 'reset')).toBe(1);
    expect(shown('reset')).toBe(true);
  });

  it('shows everything again for an empty query, and nothing for a query that matches nothing', () => {
    expect(filterOptions(document.body, 'zzz')).toBe(0);
    expect([shown('view'), shown('muted'), shown('reset')]).toEqual([false, false, false]);
    expect(filterOptions(document.body, '  ')).toBe(5);
    expect(document.querySelectorAll('[hidden]')).toHaveLength(0);
  });
});
