// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { buildMatcher } from '../../../../src/features/glossary/matcher';
import { scanElement, unscanElement, SCANNED_ATTR } from '../../../../src/features/glossary/scan';
import { BUILT_IN_TERMS } from '../../../../src/features/glossary/terms';

const matcher = buildMatcher(BUILT_IN_TERMS);
const marks = (root: ParentNode) => [...root.querySelectorAll<HTMLElement>('[data-term]')].map((el) => `${el.dataset.term}:${el.textContent}`);

function html(markup: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = markup; // test-only markup
  document.body.append(div);
  return div;
}

beforeEach(() => {
  document.body.replaceChildren();
});

describe('scanElement', () => {
  it('wraps each occurrence in a focusable span with data-term, keeping the text intact', () => {
    const root = html('<p>The NPS and two CRCs; ask your SPO.</p>');
    const before = root.textContent;
    const created = scanElement(root, matcher, { mode: 'every' }).terms;
    expect(marks(root)).toEqual(['NPS:NPS', 'CRC:CRCs', 'SPO:SPO']);
    expect(root.textContent).toBe(before);
    expect(created[0]?.tabIndex).toBe(0);
    expect(created[0]?.className).toBe('tl-term');
    expect(root.hasAttribute(SCANNED_ATTR)).toBe(true);
  });

  it('skips links, code, form controls, editable areas and forms', () => {
    const root = html(
      '<a href="#">NPS</a><code>NPS</code><pre>NPS</pre><textarea>NPS</textarea><div contenteditable="true">NPS</div>' +
        '<form><label>NPS <input></label></form><button>NPS</button><p>CRC</p>',
    );
    scanElement(root, matcher, { mode: 'every' });
    expect(marks(root)).toEqual(['CRC:CRC']);
  });

  it('never rescans: a second call marks nothing more, but text that arrived since is scanned', () => {
    const root = html('<p>NPS</p>');
    scanElement(root, matcher, { mode: 'every' });
    expect(scanElement(root, matcher, { mode: 'every' }).terms).toHaveLength(0);
    const added = document.createElement('p');
    added.textContent = 'new CRC comment';
    root.append(added);
    expect(scanElement(root, matcher, { mode: 'every' }).terms.map((el) => el.dataset.term)).toEqual(['CRC']);
    expect(marks(root)).toEqual(['NPS:NPS', 'CRC:CRC']);
  });

  it("in 'first' mode marks the first occurrence per comment, each comment being its own unit", () => {
    const root = html(
      '<div data-thread-comment="1"><p>NPS and <b>NPS</b></p><p>NPS again, CRC</p></div>' + '<div data-thread-comment="2"><p>NPS here too</p></div>',
    );
    scanElement(root, matcher, { mode: 'first', unitSelector: '[data-thread-comment]' });
    expect(marks(root)).toEqual(['NPS:NPS', 'CRC:CRC', 'NPS:NPS']);
  });

  it('uses text across inline elements of one comment to choose a sense', () => {
    const root = html('<p>He had 3 <b>AAs</b> for missed appointments, then a breach.</p>');
    scanElement(root, matcher, { mode: 'every' });
    expect(root.querySelector<HTMLElement>('[data-term="AA"]')?.dataset.termSense).toBeUndefined();
    const other = html('<p>He goes to <i>AA</i> meetings to stay sober.</p>');
    scanElement(other, matcher, { mode: 'every' });
    expect(other.querySelector<HTMLElement>('[data-term="AA"]')?.dataset.termSense).toBe('1');
  });

  it('works inside an open shadow root', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const body = document.createElement('div');
    body.textContent = 'The MoJ and HMPPS';
    shadow.append(body);
    scanElement(body, matcher, { mode: 'every' });
    expect(marks(shadow)).toEqual(['MoJ:MoJ', 'HMPPS:HMPPS']);
  });

  it('lets a describe callback label each new term', () => {
    const root = html('<p>an SFO review</p>');
    scanElement(root, matcher, { mode: 'every', describe: (el, hit) => el.setAttribute('aria-label', `${hit.term}!`) });
    expect(root.querySelector('[data-term]')?.getAttribute('aria-label')).toBe('SFO!');
  });

  it('unscanElement restores the plain text and allows a fresh scan', () => {
    const root = html('<p>The NPS, the CRC.</p>');
    const before = root.innerHTML;
    scanElement(root, matcher, { mode: 'every' });
    unscanElement(root);
    expect(root.innerHTML).toBe(before);
    expect(scanElement(root, matcher, { mode: 'first' }).terms).toHaveLength(2);
  });
});
