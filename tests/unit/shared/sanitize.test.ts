// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SafeHtml } from '../../../src/blogger/types';
import { replaceWithSafeHtml, safeFragment, safeHtmlToText, sanitizeChildren, sanitizeHtml } from '../../../src/shared/sanitize';
import { purifyHtml, purifyHtmlEach } from '../../../src/shared/sanitize-purify';

/** XSS and mutation vectors, as data (tests/fixtures/sanitize/vectors.json says where they come from). */
const VECTOR_LIST: readonly string[] = (
  JSON.parse(readFileSync(join(__dirname, '../../fixtures/sanitize/vectors.json'), 'utf8')) as { vectors: string[] }
).vectors;

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

describe('purifyHtmlEach (feed pages): every body parsed on its own', () => {
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
    expect(purifyHtmlEach(hostile)).toEqual(hostile.map(purifyHtml));
  });

  it('shows a body too deeply nested to sanitize as its own escaped text, and the others as usual', () => {
    const deep = `${'<span>'.repeat(5000)}deep<img src=x onerror=alert(1)>`;
    const [first, second] = purifyHtmlEach([deep, '<b>next</b>']);
    expect(second).toBe('<b>next</b>');
    expect(first).not.toMatch(/<[a-z]/i);
    expect(first).toContain('deep');
  });

  it('does not let an unclosed tag in one item spill into the next', () => {
    const [first, second] = purifyHtmlEach(['<b>bold <a href="https://evil.example">unclosed', 'next comment']);
    expect(second).toBe('next comment');
    expect(first).toContain('bold');
  });

  // The reported attack: A opens an element the parser treats specially, C closes it and forges the wrappers.
  const SPECIAL = [
    'textarea',
    'select',
    'xmp',
    'style',
    'title',
    'noembed',
    'plaintext',
    'iframe',
    'template',
    'svg',
    'math',
    'table',
    'noscript',
    'marquee',
  ];
  const VICTIMS = [
    'I, the victim, wrote <b>this</b>.',
    '<a href="https://example.org/">my link</a> and <i>words</i>',
    'plain words only',
    // Every vector below as the victim too: whatever a body holds, its neighbours cannot reach it.
    ...VECTOR_LIST,
  ];
  for (const element of SPECIAL) {
    it(`keeps each body its own when one opens <${element}> and a later one closes it and forges wrappers`, () => {
      for (const victim of VICTIMS) {
        const bodies = [`A<${element}>`, victim, `</${element}></marquee><marquee>I, the victim, now say something else</marquee><marquee>Z`];
        const each = purifyHtmlEach(bodies);
        expect(each[1]).toBe(purifyHtml(victim));
        expect(each[0]).not.toContain('victim');
        expect(each.join('')).not.toMatch(/marquee|<textarea|<select|<style|<iframe/i);
      }
    });
  }
});

describe('one policy per tag in both sanitizers', () => {
  it('keeps href on links only', () => {
    for (const sanitize of [purifyHtml, sanitizeHtml]) {
      expect(sanitize('<b href="https://x.example/">bold</b>')).toBe('<b>bold</b>');
      expect(sanitize('<p href="https://x.example/">para</p>')).toBe('<p>para</p>');
      expect(sanitize('<a href="https://x.example/">link</a>')).toContain('href="https://x.example/"');
    }
  });

  it('drops forms and form controls whole, content and all', () => {
    const html = 'before<form id="f"><input name="nextSibling">inside<textarea>typed</textarea><button>Go</button></form>after';
    expect(sanitizeHtml(html)).toBe('beforeafter');
    expect(purifyHtml(html)).toBe('beforeafter');
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

describe('the page walker cannot be clobbered by a form’s named controls', () => {
  /** A form whose own properties are shadowed, as `<input form="f" name="nextSibling">` does in browsers (jsdom does not). */
  function clobberedForm(doc: Document, names: string[]): HTMLFormElement {
    const form = doc.createElement('form');
    const control = doc.createElement('input');
    for (const name of names) Object.defineProperty(form, name, { value: control, configurable: true });
    form.append('form text');
    return form;
  }

  for (const names of [['nextSibling'], ['firstChild'], ['getAttribute', 'localName', 'nodeType'], ['nextSibling', 'firstChild']]) {
    it(`ends and keeps each comment's own text when a form shadows ${names.join(', ')}`, () => {
      const first = document.createElement('div');
      first.append('own text ', clobberedForm(document, names), ' tail', document.createElement('b'));
      first.querySelector('b')!.textContent = 'bold';
      const second = document.createElement('div');
      second.innerHTML = '<b>the second comment</b>';
      expect(sanitizeChildren(first)).toBe('own text  tail<b>bold</b>');
      expect(sanitizeChildren(second)).toBe('<b>the second comment</b>');
    });
  }

  it('walks a deeply nested body without recursion and keeps its text', () => {
    const element = document.createElement('div');
    let innermost: Element = element;
    for (let depth = 0; depth < 3000; depth++) innermost = innermost.appendChild(document.createElement(depth % 2 ? 'span' : 'i'));
    innermost.textContent = 'deep';
    const out = sanitizeChildren(element);
    expect(out).toContain('deep');
    expect(out.replace(/<\/?i>/g, '')).toBe('deep');
  });
});

const VECTORS = VECTOR_LIST;

describe('every vector through every sanitizer path', () => {
  const ALLOWED = new Set(['a', 'b', 'i', 'em', 'strong', 'br', 'p', 'blockquote']);
  /** What the output would build: only allowed tags; only http(s)/mailto links with Threadline's rel; no other attribute. */
  function problemsOf(safe: string): string[] {
    const fragment = safeFragment(safe as never);
    const problems: string[] = [];
    for (const element of fragment.querySelectorAll('*')) {
      const tag = element.localName;
      if (!ALLOWED.has(tag)) problems.push(`<${tag}>`);
      for (const { name, value } of [...element.attributes]) {
        const ok =
          tag === 'a' &&
          ((name === 'href' && /^(https?:|mailto:)/i.test(value)) ||
            (name === 'rel' && value === 'noopener nofollow ugc') ||
            (name === 'target' && value === '_blank'));
        if (!ok) problems.push(`${tag}[${name}=${value}]`);
      }
    }
    return problems;
  }
  const throughWalker = (html: string) => {
    const element = document.createElement('div');
    element.innerHTML = html;
    return sanitizeChildren(element);
  };
  const paths: Array<[string, (html: string) => string]> = [
    ['page walker', throughWalker],
    ['feed purifier', (html) => purifyHtmlEach([html])[0]!],
    ['excerpt sanitizer', sanitizeHtml],
  ];
  for (const [where, sanitize] of paths) {
    it(`${where}: only allowed elements and attributes, and sanitizing its output again changes nothing`, () => {
      for (const vector of VECTORS) {
        const once = sanitize(vector);
        expect(problemsOf(once), vector).toEqual([]);
        expect(sanitize(once), vector).toBe(once);
      }
    });
  }
});

describe('seeded fuzzing of the sanitizers', () => {
  /** A small deterministic generator (mulberry32), so a failure names its seed. */
  function rng(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const TAGS = [
    'b',
    'i',
    'a',
    'p',
    'blockquote',
    'br',
    'textarea',
    'select',
    'option',
    'style',
    'script',
    'svg',
    'math',
    'mtext',
    'table',
    'td',
    'tr',
    'form',
    'input',
    'iframe',
    'template',
    'noscript',
    'xmp',
    'title',
    'img',
    'marquee',
    'foreignObject',
    'desc',
  ];
  const ATTRS = [
    'href="https://x.example/"',
    'href="javascript:alert(1)"',
    'onerror=alert(1)',
    'src=x',
    'style="a"',
    'name="nextSibling"',
    'form="f"',
    'id="f"',
    'xlink:href="javascript:1"',
    'title="</style><img src=x onerror=alert(1)>"',
  ];
  const TEXT = ['text', ' ', '&amp;', '&lt;b&gt;', '<!--c-->', '<![CDATA[x]]>', '"', "'", '\u00a0', '&#106;'];
  function generate(next: () => number): string {
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    let out = '';
    const parts = 1 + Math.floor(next() * 30);
    for (let i = 0; i < parts; i++) {
      const roll = next();
      const tag = pick(TAGS);
      if (roll < 0.35) out += `<${tag}${next() < 0.5 ? ` ${pick(ATTRS)}` : ''}>`;
      else if (roll < 0.55) out += `</${tag}>`;
      else out += pick(TEXT);
    }
    return out;
  }
  const cases = Number(process.env.FUZZ_CASES ?? 300);

  it(`${cases} generated bodies: safe output, stable on a second pass, no body slow (seeded)`, () => {
    const next = rng(20261206);
    let slowest = 0;
    for (let i = 0; i < cases; i++) {
      const html = generate(next);
      for (const sanitize of [sanitizeHtml, purifyHtml]) {
        const started = performance.now();
        const once = sanitize(html);
        slowest = Math.max(slowest, performance.now() - started);
        expect(once, `case ${i}: ${html}`).not.toMatch(/<(?!\/?(a|b|i|em|strong|br|p|blockquote)[\s>])[a-z]/i);
        expect(once, `case ${i}: ${html}`).not.toMatch(/\son[a-z]+=|javascript:|style=|src=/i);
        expect(sanitize(once), `case ${i}: ${html}`).toBe(once);
      }
    }
    console.info(`fuzz: ${cases} bodies, slowest single sanitize ${slowest.toFixed(1)} ms (jsdom)`);
    expect(slowest).toBeLessThan(250); // jsdom; a few ms in a browser
  });
});
