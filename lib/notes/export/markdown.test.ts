// @vitest-environment happy-dom
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import type { Note } from '../note';
import {
  escapeMarkdownBlock,
  escapeMarkdownInline,
  linkDestination,
  markdownLink,
  notesToMarkdown,
} from './markdown';

/*
 * The export is checked by rendering it with micromark, a CommonMark and GitHub Flavored Markdown
 * implementation that follows the specifications to the letter, with raw HTML and every link
 * protocol allowed: whatever our escaping lets through, it would render.
 */
function render(markdown: string): Document {
  const html = micromark(markdown, {
    allowDangerousHtml: true,
    allowDangerousProtocol: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  });
  return new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
}

/** The tags of every element the Markdown became, in document order. */
function tags(doc: Document): string[] {
  return [...doc.body.querySelectorAll('*')].map((element) => element.tagName.toLowerCase());
}

const HOSTILE: [string, string][] = [
  ['a script tag', '<script>alert("x")</script>'],
  ['an image with an error handler', '<img src=x onerror=alert(1)>'],
  ['an HTML comment and a div', '<!-- hidden --> <div class="x">block</div>'],
  ['a javascript: link', '[click me](javascript:alert(document.cookie))'],
  ['a link with a title', '[a](https://evil.example "title")'],
  ['nested brackets', '[outer [inner [deepest]] text](https://x.example/(a)(b))'],
  ['an image', '![alt](https://tracker.example/pixel.png)'],
  ['an autolink', '<https://autolink.example> and <mail@example.org>'],
  ['bare URLs and addresses', 'see https://bare.example/path, www.example.org or me@example.org'],
  ['a reference definition', '[ref]: https://ref.example "title"'],
  ['a reference link and footnote', 'see [ref] and [^1] and [x][ref]'],
  ['backticks', 'use `code`, ``double `tick` code`` and ```fenced```'],
  ['emphasis of every kind', '**bold** __bold__ *em* _em_ ~~strike~~ ~one~ ***both***'],
  ['a heading', '# Not a heading #'],
  ['a quote', '> not a quote'],
  ['a bullet list', '- not a list'],
  ['a plus list', '+ not a list'],
  ['a star list', '* not a list'],
  ['an ordered list', '1. not a list'],
  ['an ordered list with a parenthesis', '2) not a list'],
  ['a task list', '- [ ] not a task'],
  ['a table row', '| a | b |'],
  ['a thematic break', '***'],
  ['entities', '&amp; &lt;b&gt; &#x3C;script&#62; &copy; &nbsp;'],
  ['backslashes', 'C:\\Users\\me\\ and \\* and a trailing one \\'],
  ['emoji shortcodes and maths', ':smile: $x^2$ $$y$$ 2^10^'],
  ['braces', '{#id .class} {{template}}'],
  ['Chinese punctuation', '诚信《社会信用体系》——「征信」*重点*【注】'],
  ['right-to-left text', 'مرحبا [رابط](javascript:x) שלום <b>עולם</b>'],
  ['bidi override characters', 'abc\u202Etxt.exe\u202C [x](y)'],
  ['an exclamation before a bracket', '!![[]]!'],
];

describe('escapeMarkdownInline', () => {
  it.each(HOSTILE)('renders %s as the literal text', (_name, text) => {
    const doc = render(escapeMarkdownInline(text));
    expect(tags(doc)).toEqual(['p']);
    expect(doc.body.textContent).toBe(text);
  });

  it('turns line breaks into spaces, so a title stays on its heading line', () => {
    const doc = render(`## ${escapeMarkdownInline('Title\n# Injected heading\r\n- item')}`);
    expect(tags(doc)).toEqual(['h2']);
    expect(doc.body.textContent).toBe('Title # Injected heading - item');
  });
});

describe('escapeMarkdownBlock', () => {
  it.each(HOSTILE)('renders %s as the literal text', (_name, text) => {
    const doc = render(escapeMarkdownBlock(text));
    expect(tags(doc)).toEqual(['p']);
    expect(doc.body.textContent).toBe(text);
  });

  it('keeps line breaks and paragraphs, and no line turns into syntax', () => {
    const body = [
      'First line',
      '===',
      'after a setext underline',
      '---',
      '    four spaces would be code',
      '```js',
      'alert(1)',
      '```',
      '',
      '',
      '<div>',
      '| a | b |',
      '| - | - |',
      'last line \\',
    ].join('\n');
    const doc = render(escapeMarkdownBlock(body));
    expect(tags(doc)).toEqual(['p', ...Array(7).fill('br'), 'p', 'br', 'br', 'br']);
    const paragraphs = [...doc.querySelectorAll('p')].map((p) => p.textContent);
    expect(paragraphs).toEqual([
      [
        'First line',
        '===',
        'after a setext underline',
        '---',
        'four spaces would be code', // indentation is dropped
        '```js',
        'alert(1)',
        '```',
      ].join('\n'),
      ['<div>', '| a | b |', '| - | - |', 'last line \\'].join('\n'),
    ]);
  });

  it('quotes every line of a quote, blank lines included', () => {
    const doc = render(escapeMarkdownBlock('one\n> two\n\n<b>three</b>', '> '));
    expect(tags(doc)).toEqual(['blockquote', 'p', 'br', 'p']);
    expect(doc.querySelector('blockquote')!.textContent!.trim()).toBe('one\n> two\n<b>three</b>');
  });
});

describe('markdownLink', () => {
  const href = (markdown: string) => {
    const links = [...render(markdown).querySelectorAll('a')];
    expect(links).toHaveLength(1);
    return { href: links[0]!.getAttribute('href'), text: links[0]!.textContent };
  };

  it('links http(s) pages to exactly their address, brackets and entities included', () => {
    for (const url of [
      'https://en.wikipedia.org/wiki/Credit_(finance)',
      'https://x.example/a(b))c?q=(1&lt;2)&amp;r=\\#frag(',
      'http://例え.jp/パス?名前=値',
      'https://x.example/a b<c>"d"`e`',
    ]) {
      // The renderer percent-encodes the backslash a query may hold; browsers read both alike.
      const expected = new URL(url).href.replaceAll('\\', '%5C');
      expect(href(markdownLink('Title', url))).toEqual({ href: expected, text: 'Title' });
    }
  });

  it('keeps hostile titles as the link text', () => {
    const title = '](javascript:alert(1)) <img src=x> [nested [brackets]] `x` *y*';
    expect(href(markdownLink(title, 'https://ok.example/'))).toEqual({
      href: 'https://ok.example/',
      text: title,
    });
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'vbscript:msgbox',
    'not a url at all',
  ])('does not link %s, and shows it as text', (url) => {
    const doc = render(markdownLink('', url));
    expect(tags(doc)).toEqual(['p']);
    expect(doc.body.textContent).toBe(url.trim());
    expect(linkDestination(url)).toBeNull();
  });
});

const base = Date.UTC(2026, 0, 5, 14, 3);
function note(fields: Partial<Note> & Pick<Note, 'id'>): Note {
  return {
    url: 'https://example.org/article',
    urlKey: 'https://example.org/article',
    title: 'Reading about integrity',
    quote: null,
    body: 'A note.',
    createdAt: base,
    updatedAt: base,
    ...fields,
  };
}

const TERMS: Record<string, string> = {
  chengxin: 'Chengxin (integrity)',
  grc: 'GRC (governance, risk and compliance)',
  evil: '<b>Evil</b> [term](javascript:x)',
};
const termName = (id: string) => TERMS[id];

const notes: Note[] = [
  note({
    id: '00000000-0000-4000-8000-000000000001',
    termId: 'chengxin',
    quote: { exact: 'chengxin is <em>not</em> only honesty', prefix: 'Here ', suffix: '.' },
    body: 'Backer: integrity is a *small* part.\nSecond line <script>alert(1)</script>',
    createdAt: base,
    updatedAt: base + 86_400_000,
  }),
  note({
    id: '00000000-0000-4000-8000-000000000002',
    termId: 'grc',
    url: 'javascript:alert("page")',
    urlKey: 'javascript:alert("page")',
    title: '# [Hostile](javascript:alert(1)) <img src=x onerror=alert(1)>',
    body: '[link](javascript:alert(2))',
    createdAt: base + 1,
    updatedAt: base + 1,
  }),
  note({
    id: '00000000-0000-4000-8000-000000000003',
    termId: 'chengxin',
    url: 'https://example.org/article?utm_source=feed#p3',
    body: 'Same page, another note.',
    createdAt: base + 2,
    updatedAt: base + 2,
  }),
  note({
    id: '00000000-0000-4000-8000-000000000004',
    url: 'https://zh.example/诚信?a=(1)',
    urlKey: 'https://zh.example/%E8%AF%9A%E4%BF%A1?a=(1)',
    title: '诚信建设 — مرحبا',
    body: '没有术语的笔记',
    createdAt: base + 3,
    updatedAt: base + 3,
  }),
  note({
    id: '00000000-0000-4000-8000-000000000005',
    termId: 'evil',
    title: '',
    url: 'https://example.org/untitled',
    urlKey: 'https://example.org/untitled',
    body: 'On a term with a hostile name.',
    createdAt: base + 4,
    updatedAt: base + 4,
  }),
];

function outline(doc: Document): string[] {
  return [...doc.querySelectorAll('h1, h2, h3')].map(
    (h) => `${h.tagName.toLowerCase()} ${h.textContent}`,
  );
}

describe('notesToMarkdown', () => {
  const exportedAt = new Date(Date.UTC(2026, 1, 1, 9, 30));

  it('groups by page, titled and linked by the page, notes oldest first', () => {
    const doc = render(notesToMarkdown(notes, { groupBy: 'page', termName, exportedAt }));
    expect(outline(doc)).toEqual([
      'h1 Credit Lens notes by page',
      'h2 # [Hostile](javascript:alert(1)) <img src=x onerror=alert(1)>',
      'h3 Note on GRC (governance, risk and compliance)',
      'h2 https://example.org/untitled', // no title: the address stands in
      'h3 Note on <b>Evil</b> [term](javascript:x)',
      'h2 Reading about integrity',
      'h3 Note on Chengxin (integrity)',
      'h3 Note on Chengxin (integrity)',
      'h2 诚信建设 — مرحبا',
      'h3 Note on the page',
    ]);
    expect(doc.body.querySelector('p')!.textContent).toBe(
      'Exported 2026-02-01 09:30 UTC: 5 notes on 4 pages.',
    );
  });

  it('groups by term, by name, with notes on no term last and each note linked to its page', () => {
    const doc = render(notesToMarkdown(notes, { groupBy: 'term', termName, exportedAt }));
    expect(outline(doc)).toEqual([
      'h1 Credit Lens notes by term',
      'h2 <b>Evil</b> [term](javascript:x)',
      'h3 https://example.org/untitled',
      'h2 Chengxin (integrity)',
      'h3 Reading about integrity',
      'h3 Reading about integrity',
      'h2 GRC (governance, risk and compliance)',
      'h3 # [Hostile](javascript:alert(1)) <img src=x onerror=alert(1)>',
      'h2 Notes on no term',
      'h3 诚信建设 — مرحبا',
    ]);
  });

  it.each(['page', 'term'] as const)(
    'by %s: links only http(s) pages, and every note renders as its text',
    (groupBy) => {
      const doc = render(notesToMarkdown(notes, { groupBy, termName, exportedAt }));
      expect(new Set(tags(doc))).toEqual(
        new Set(['h1', 'h2', 'h3', 'p', 'a', 'blockquote', 'br', 'em']),
      );
      const hrefs = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
      expect(hrefs).toContain('https://zh.example/%E8%AF%9A%E4%BF%A1?a=(1)');
      const text = doc.body.textContent!;
      expect(text).toContain(
        'Backer: integrity is a *small* part.\nSecond line <script>alert(1)</script>',
      );
      expect(text).toContain('[link](javascript:alert(2))');
      expect(doc.querySelector('blockquote')!.textContent!.trim()).toBe(
        'chengxin is <em>not</em> only honesty',
      );
      expect(text).toContain('Written 2026-01-05 14:03 UTC, last edited 2026-01-06 14:03 UTC.');
      expect(text).toContain('没有术语的笔记');
    },
  );

  it('says so when there are no notes', () => {
    const doc = render(notesToMarkdown([], { groupBy: 'page', termName, exportedAt }));
    expect(doc.body.textContent).toContain('There are no notes yet.');
  });
});
