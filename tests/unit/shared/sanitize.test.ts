// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { SafeHtml } from '../../../src/blogger/types';
import { replaceWithSafeHtml, safeFragment, safeHtmlToText, sanitizeChildren, sanitizeHtml } from '../../../src/shared/sanitize';
import { purifyHtml, purifyHtmlBatch } from '../../../src/shared/sanitize-purify';

/** Both string sanitizers: the content script's walker and the feed chunk's DOMPurify; every hostile case runs on each. */
const STRING_SANITIZERS: [string, (untrusted: string) => SafeHtml][] = [
  ['sanitizeHtml (the walker over a parsed string)', sanitizeHtml],
  ['purifyHtml (DOMPurify)', purifyHtml],
];

function tagsOf(fragment: DocumentFragment): string[] {
  return [...fragment.querySelectorAll('*')].map((element) => element.tagName.toLowerCase());
}

function attributesOf(fragment: DocumentFragment): string[] {
  return [...fragment.querySelectorAll('*')].flatMap((element) => element.getAttributeNames());
}

describe.each(STRING_SANITIZERS)('%s on hostile comment HTML', (_name, sanitize) => {
  /** Parses sanitized output so assertions look at the DOM it would build, not at string spellings. */
  const dom = (untrusted: string): DocumentFragment => safeFragment(sanitize(untrusted));

  it('drops img with onerror entirely', () => {
    const out = dom('before<img src=x onerror="alert(1)">after');
    expect(tagsOf(out)).toEqual([]);
    expect(out.textContent).toBe('beforeafter');
  });

  it('drops svg with onload and its content', () => {
    expect(tagsOf(dom('<svg onload="alert(1)"><circle r="5"/></svg>ok'))).toEqual([]);
  });

  it('removes javascript: and data: hrefs but keeps the link text', () => {
    const out = dom('<a href="javascript:alert(1)">one</a> <a href="data:text/html,<script>alert(1)</script>">two</a>');
    expect([...out.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([null, null]);
    expect(out.textContent).toBe('one two');
  });

  it('removes mixed-case and entity-encoded javascript: schemes', () => {
    const variants = [
      '<a href="JaVaScRiPt:alert(1)">x</a>',
      '<a href="&#106;avascript:alert(1)">x</a>',
      '<a href="&#x6A;&#x61;vascript&colon;alert(1)">x</a>',
      '<a href="  javascript:alert(1)">x</a>',
      '<a href="java&#9;script:alert(1)">x</a>',
    ];
    for (const html of variants) {
      expect(dom(html).querySelector('a')?.getAttribute('href') ?? null, html).toBeNull();
    }
  });

  it('drops iframes including srcdoc payloads', () => {
    const out = dom('<iframe srcdoc="<script>alert(1)</script>"></iframe>text');
    expect(tagsOf(out)).toEqual([]);
    expect(out.textContent).toBe('text');
  });

  it('strips style and every other attribute from allowed tags', () => {
    const out = dom('<p style="position:fixed" class="x" id="y" onclick="alert(1)"><b style="color:red">bold</b></p>');
    expect(tagsOf(out)).toEqual(['p', 'b']);
    expect(attributesOf(out)).toEqual([]);
  });

  it('removes form controls but keeps surrounding text', () => {
    const out = dom('<form action="https://evil.example"><input name="q" value="v"><button>Go</button></form>after');
    expect(tagsOf(out)).toEqual([]);
    expect(out.textContent).toContain('after');
  });

  it('does not let nested template or mutation tricks produce active markup', () => {
    const payloads = [
      '<template><img src=x onerror=alert(1)></template>',
      '<svg><p><style><img src=x onerror=alert(1)></style></p></svg>',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
      '<<script>script>alert(1)<</script>/script>',
    ];
    for (const payload of payloads) {
      const out = dom(payload);
      expect(
        tagsOf(out).filter((tag) => !['p', 'b', 'i', 'em', 'strong', 'br', 'blockquote', 'a'].includes(tag)),
        payload,
      ).toEqual([]);
      expect(
        attributesOf(out).filter((name) => name.startsWith('on')),
        payload,
      ).toEqual([]);
    }
  });

  it('keeps only the allow-list: a[href] b i em strong br p blockquote', () => {
    const out = dom(
      '<p>p <b>b</b> <i>i</i> <em>em</em> <strong>s</strong><br><blockquote>q</blockquote><u>u</u><span>s</span><h1>h</h1><table><tr><td>t</td></tr></table></p>',
    );
    expect(new Set(tagsOf(out))).toEqual(new Set(['p', 'b', 'i', 'em', 'strong', 'br', 'blockquote']));
    expect(out.textContent).toContain('u');
    expect(out.textContent).toContain('h');
  });

  it('keeps http(s) and mailto links and marks them noopener nofollow ugc', () => {
    const out = dom('<a href="https://example.org/a?b=1" title="t">x</a><a href="mailto:a@b.c">m</a><a href="http://x.org">h</a>');
    const links = [...out.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.org/a?b=1', 'mailto:a@b.c', 'http://x.org']);
    for (const link of links) expect(link.getAttribute('rel')).toBe('noopener nofollow ugc');
    expect(links[0]?.hasAttribute('title')).toBe(false);
  });

  it('does not keep relative or protocol-relative links', () => {
    const out = dom('<a href="/feeds/x">r</a><a href="//evil.example">p</a>');
    expect([...out.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([null, null]);
  });

  it('keeps line breaks', () => {
    const safe = sanitize('one<br>two<br/>three\nfour');
    expect(safe).toBe('one<br>two<br>three\nfour');
    expect(safeHtmlToText(safe)).toBe('one\ntwo\nthree\nfour');
  });
});

describe('safe DOM helpers', () => {
  it('safeHtmlToText separates paragraphs and collapses spaces', () => {
    expect(safeHtmlToText(sanitizeHtml('<p>a   b</p><p>c</p><blockquote>q</blockquote>d'))).toBe('a b\nc\nq\nd');
  });

  it('replaceWithSafeHtml swaps an element’s children for the sanitized nodes', () => {
    const target = document.createElement('div');
    target.innerHTML = '<span>old</span>';
    replaceWithSafeHtml(target, sanitizeHtml('<b onclick="x()">new</b>'));
    expect(target.innerHTML).toBe('<b>new</b>');
  });
});

describe('purifyHtmlBatch (feed pages)', () => {
  const hostile = [
    'plain text',
    'a<br>b <a href="https://example.org">link</a>',
    '<img src=x onerror=alert(1)>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<svg><p><style><img src=x onerror=alert(1)></style></p></svg>',
    '<p style="color:red">para</p><blockquote>q</blockquote>',
    '',
  ];

  it('gives exactly what purifyHtml gives, item by item', () => {
    expect(purifyHtmlBatch(hostile)).toEqual(hostile.map(purifyHtml));
  });

  it('does not let an unclosed tag in one item spill into the next', () => {
    const [first, second] = purifyHtmlBatch(['<b>bold <a href="https://evil.example">unclosed', 'next comment']);
    expect(second).toBe('next comment');
    expect(first).toContain('bold');
  });

  it('falls back to one-by-one when an item breaks out of its wrapper', () => {
    const items = ['</marquee><img src=x onerror=alert(1)>after', 'second', '<marquee>nested</marquee>', 'fourth'];
    const batch = purifyHtmlBatch(items);
    expect(batch).toEqual(items.map(purifyHtml));
    expect(batch.join('')).not.toMatch(/marquee|onerror|<img/i);
  });

  it('handles a malformed attribute that swallows the following items', () => {
    const items = ['<a href="https://x.example/', '<img src=x onerror=alert(1)>', 'third'];
    const batch = purifyHtmlBatch(items);
    expect(batch).toEqual(items.map(purifyHtml));
    expect(batch.join('')).not.toMatch(/onerror|<img/i);
  });
});

describe('sanitizeChildren (already-parsed page elements)', () => {
  const corpus = [
    'plain & simple < text > with\u00a0nbsp',
    'a<br>b <a href="https://example.org/?a=1&amp;b=&quot;2&quot;">link</a> <a href="mailto:x@y.z">mail</a>',
    '<img src=x onerror=alert(1)>after',
    '<svg onload=alert(1)><a href="https://x.org">svg link</a><circle/></svg>tail',
    '<math><mtext><a href="https://x.org">m</a></mtext></math>end',
    '<a href="JaVaScRiPt:alert(1)">x</a><a href="&#106;avascript:alert(1)">y</a><a href="java&#9;script:alert(1)">z</a>',
    '<a href=" https://spaced.example ">s</a><a href="data:text/html,x">d</a><a>no href</a><a href="/relative">r</a>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe><script>alert(2)</script><style>p{}</style>text',
    '<p style="color:red" class="c" onclick="x()">para <b title="t">bold</b> <i>it</i> <em>em</em> <strong>st</strong></p>',
    '<blockquote>quoted<p>inner</p></blockquote><u>under</u><span>span</span><h1>head</h1>',
    '<form action="https://evil.example"><input value="v"><button>Go</button><textarea>&lt;b&gt;t</textarea></form>',
    '<template><img src=x onerror=alert(1)></template><!-- comment -->',
    '<table><thead><tr><td>h</td></tr></thead><tbody><tr><td>cell</td></tr></tbody></table>',
    '<div><div><b><i>deep <a href="http://x.org"><b>nest</b></a></i></b></div></div>',
    '<select><option>opt</option></select><video>v</video><audio>a</audio><object>o</object>',
    '<custom-element foo="bar">custom</custom-element><x-y>xy</x-y>',
  ];

  it.each(corpus)('gives what DOMPurify gives for %s', (html) => {
    const holder = document.createElement('div');
    holder.innerHTML = html;
    expect(sanitizeChildren(holder)).toBe(purifyHtml(holder.innerHTML));
  });

  it.each(corpus)('sanitizeHtml gives what DOMPurify gives for the string %s', (html) => {
    expect(sanitizeHtml(html)).toBe(purifyHtml(html));
  });

  it('sanitizeHtml keeps leading whitespace and text before a head-only element, as DOMPurify does', () => {
    for (const html of ['  \n lead<b>x</b>', '<title>t</title>after', '<meta charset="x"><link rel="x">text', '\t<script>1</script>t']) {
      expect(sanitizeHtml(html), html).toBe(purifyHtml(html));
    }
  });

  it('never writes an attribute other than a checked href and the fixed rel/target', () => {
    const holder = document.createElement('div');
    holder.innerHTML = corpus.join('');
    const out = safeFragment(sanitizeChildren(holder));
    const attributes = new Set([...out.querySelectorAll('*')].flatMap((element) => element.getAttributeNames()));
    expect([...attributes].sort()).toEqual(['href', 'rel', 'target']);
    for (const link of out.querySelectorAll('a[href]')) expect(link.getAttribute('href')).toMatch(/^\s*(?:https?:|mailto:)/i);
  });

  it('drops noscript content entirely (DOMPurify keeps its text in some parsers; dropping is the stricter side)', () => {
    const holder = document.createElement('div');
    holder.innerHTML = 'a<noscript><b>ns</b><img src=x onerror=alert(1)></noscript>b';
    expect(sanitizeChildren(holder)).toBe('ab');
  });

  it('does not change the page element it reads', () => {
    const holder = document.createElement('div');
    holder.innerHTML = '<b onclick="x()">keep</b><script>1</script>';
    const before = holder.innerHTML;
    sanitizeChildren(holder);
    expect(holder.innerHTML).toBe(before);
  });
});
