import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import createDOMPurify from 'dompurify';
import { renderMarkdown, type Sanitizer } from '../../src/ui/sanitize-markdown.ts';

const window = new JSDOM('').window;
const purify = createDOMPurify(
  window as unknown as Parameters<typeof createDOMPurify>[0],
) as unknown as Sanitizer;
const render = (source: string) => renderMarkdown(source, purify);

/** Parses the HTML in a fresh document and lists every attribute and tag it holds. */
function inventory(html: string): { tags: string[]; attributes: string[] } {
  const doc = new JSDOM(`<body>${html}</body>`).window.document;
  const elements = [...doc.body.querySelectorAll('*')];
  return {
    tags: elements.map((e) => e.tagName.toLowerCase()),
    attributes: elements.flatMap((e) => [...e.attributes].map((a) => `${a.name}=${a.value}`)),
  };
}

describe('markdown sanitizing', () => {
  it('keeps ordinary markdown', () => {
    const html = render(
      '# Title\n\nSome **bold** text and a [link](https://duckdb.org).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n![chart](data:image/png;base64,iVBORw0KGgo=)',
    );
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<a href="https://duckdb.org">link</a>');
    expect(html).toContain('<table>');
    expect(html).toContain('<img src="data:image/png;base64,iVBORw0KGgo=" alt="chart">');
  });

  const attacks: [string, string][] = [
    ['img onerror', '<img src=x onerror=window.__pwned=1>'],
    ['javascript: link in markdown', '[click me](javascript:window.__pwned=1)'],
    ['javascript: link in HTML', '<a href="javascript:window.__pwned=1">click</a>'],
    ['entity-encoded javascript: link', '<a href="&#106;avascript:window.__pwned=1">click</a>'],
    ['data: HTML link', '<a href="data:text/html,<script>alert(1)</script>">x</a>'],
    ['script tag', '<script>window.__pwned=1</script>'],
    ['svg onload', '<svg onload="window.__pwned=1"><circle r=1 /></svg>'],
    ['iframe srcdoc', '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>'],
    ['object data', '<object data="javascript:window.__pwned=1"></object>'],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=1">'],
    ['base href', '<base href="https://evil.example/">'],
    [
      'details ontoggle',
      '<details open ontoggle="window.__pwned=1"><summary>x</summary></details>',
    ],
    [
      'form posing as the app',
      '<form action="https://evil.example"><button>Trust and run</button></form>',
    ],
    [
      'style covering the page',
      '<div style="position:fixed;inset:0">x</div><style>*{display:none}</style>',
    ],
  ];
  it.each(attacks)('%s renders inert', (_, source) => {
    const { tags, attributes } = inventory(render(source));
    for (const tag of [
      'script',
      'iframe',
      'object',
      'embed',
      'meta',
      'base',
      'form',
      'button',
      'style',
      'svg',
      'link',
    ]) {
      expect(tags).not.toContain(tag);
    }
    for (const attribute of attributes) {
      expect(attribute).not.toMatch(/^on/i);
      expect(attribute).not.toMatch(/^style=/i);
      expect(attribute).not.toMatch(/javascript:/i);
      expect(attribute).not.toMatch(/^href=data:/i);
    }
  });
});
