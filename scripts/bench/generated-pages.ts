/**
 * Pages the browser benchmark makes for itself: the scale tests (100,000 text nodes, an infinite
 * scroll feed), a page with no glossary terms for the start-up cost, and article pages that stand
 * in for the shared corpus on a fresh clone. Everything is seeded, so every run gets the same
 * pages; and every page's expected match count is worked out here with the extension's own
 * matcher, so the browser figures can be checked for completeness, not just timed.
 */
import { glossaryEntries } from '../../e2e/support/glossary';
import { compileMatcher } from '../../lib/match/index';
import { derivePatterns } from '../../lib/match/patterns';
import { pinyinSpacings } from '../../lib/match/pinyin-spacings';

/** mulberry32: tiny, seeded, the same in every runtime. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Everyday words with no glossary meaning (checked: the term-free page must have no match).
const WORDS = (
  'the a of and to in on with for from by at as is was were be been it its this that these ' +
  'river morning garden window quiet station paper light table walk city bridge music bread ' +
  'summer winter letter road harbour mountain little old green blue slowly again across under ' +
  'between before after people children teacher market evening coffee museum library train ' +
  'boat street house village festival photograph recipe football weather island forest lake ' +
  'dinner journey story song painting history kitchen bicycle orchard lantern meadow candle ' +
  'ferry valley pottery harvest blanket thunder sparrow velvet copper marble tide cliff'
).split(' ');
// Han characters that form no glossary term on their own or together.
const HAN = '山水风花雪月春夏秋冬日星云雨江河湖海树林鸟鱼茶酒书画歌舞桥路门窗灯火';

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The written forms a page may contain: every alias as written, and pinyin without tone marks. */
function termForms(): string[] {
  const forms = new Set<string>();
  for (const entry of glossaryEntries) {
    for (const alias of entry.aliases) {
      forms.add(alias.text);
      if (alias.lang === 'pinyin') {
        const spellings = pinyinSpacings(alias.text);
        forms.add(spellings.at(-1)!); // all syllables joined, tone marks kept: "chéngxìn"
      }
    }
  }
  // The matcher's own folded patterns: toneless and lower-case ("chengxin", "cheng xin").
  for (const spec of derivePatterns(glossaryEntries)) forms.add(spec.pattern);
  return [...forms];
}

/** One inline piece of a paragraph: plain text, or text inside an inline element. */
export interface Piece {
  text: string;
  tag?: 'em' | 'strong' | 'a';
}

export type Paragraph = Piece[];

interface TextSource {
  words(count: number): string;
  han(count: number): string;
  term(): string;
  chance(p: number): boolean;
  between(lo: number, hi: number): number;
}

function textSource(seed: number): TextSource {
  const random = seeded(seed);
  const forms = termForms();
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  return {
    words: (count) =>
      Array.from({ length: count }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' '),
    han: (count) =>
      Array.from({ length: count }, () => HAN[Math.floor(random() * HAN.length)]).join(''),
    term: () => forms[Math.floor(random() * forms.length)]!,
    chance: (p) => random() < p,
    between,
  };
}

/** A prose paragraph of about `words` words, with glossary terms at the given rate per word. */
function proseParagraph(source: TextSource, words: number, termRate: number): Paragraph {
  const pieces: Paragraph = [];
  let plain: string[] = [];
  const flush = () => {
    if (plain.length > 0) pieces.push({ text: plain.join(' ') + ' ' });
    plain = [];
  };
  for (let i = 0; i < words; i++) {
    if (termRate > 0 && source.chance(termRate)) {
      const term = source.term();
      // Terms sit in plain text, or inside inline markup (one run either way).
      if (source.chance(0.3)) {
        flush();
        pieces.push({ text: term, tag: source.chance(0.5) ? 'em' : 'a' }, { text: ' ' });
      } else plain.push(term);
    } else if (source.chance(0.04)) {
      flush();
      pieces.push({ text: source.words(source.between(1, 3)), tag: 'strong' }, { text: ' ' });
    } else if (source.chance(0.01)) {
      plain.push(source.han(source.between(2, 6)));
    } else {
      plain.push(source.words(1));
    }
  }
  flush();
  const last = pieces.at(-1);
  if (last && !last.tag) last.text = last.text.trimEnd() + '.';
  return pieces;
}

function paragraphHtml(paragraph: Paragraph): string {
  return paragraph
    .map(({ text, tag }) => {
      const body = escapeHtml(text);
      if (!tag) return body;
      return tag === 'a' ? `<a href="#">${body}</a>` : `<${tag}>${body}</${tag}>`;
    })
    .join('');
}

const paragraphText = (paragraph: Paragraph): string => paragraph.map((p) => p.text).join('');

let matcher: ReturnType<typeof compileMatcher> | undefined;
/** Matches the extension would find in one paragraph (one inline run). */
export function expectedMatches(paragraph: Paragraph): number {
  matcher ??= compileMatcher(glossaryEntries);
  return matcher.find(paragraphText(paragraph)).length;
}

export interface GeneratedPage {
  /** Served at `/generated/<name>.html`. */
  name: string;
  html: string;
  /** Text nodes in `<body>` (scripts excluded). */
  textNodes: number;
  chars: number;
  /** What the extension's matcher finds in the page's text. */
  expectedMatches: number;
}

function document(title: string, body: string, scripts: readonly string[] = []): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<link rel="icon" href="data:,">',
    '<style>body{font:16px/1.5 serif;max-width:44em;margin:2em auto;padding:0 1em}</style>',
    ...scripts.map((src) => `<script src="${src}"></script>`),
    '</head><body>',
    body,
    '</body></html>',
  ].join('\n');
}

function pageOf(
  name: string,
  title: string,
  paragraphs: readonly Paragraph[],
  scripts: readonly string[] = [],
  separator = '\n',
): GeneratedPage {
  const body =
    `<h1>${escapeHtml(title)}</h1>${separator}` +
    paragraphs.map((p) => `<p>${paragraphHtml(p)}</p>`).join(separator);
  // The heading's text, every piece, the line breaks around the body's content (see `document`)
  // and the separators between paragraphs.
  const textNodes =
    1 + paragraphs.reduce((n, p) => n + p.length, 0) + 2 + (separator ? paragraphs.length : 0);
  return {
    name,
    html: document(title, body, scripts),
    textNodes,
    chars: title.length + paragraphs.reduce((n, p) => n + paragraphText(p).length, 0),
    expectedMatches: paragraphs.reduce((n, p) => n + expectedMatches(p), 0),
  };
}

/** Where the in-page helpers are served (see `bench-server.ts`). */
export const inPageScript = (name: string): string => `/bench-js/${name}.js`;

/**
 * Article-like pages with glossary terms, for a fresh clone without the shared corpus: sizes from
 * a short news item to a long report.
 */
export function articlePages(): GeneratedPage[] {
  const sizes = [12, 40, 120, 400, 1_200];
  return sizes.map((count, i) => {
    const source = textSource(1_000 + i);
    const paragraphs = Array.from({ length: count }, () =>
      proseParagraph(source, source.between(40, 110), 0.01),
    );
    return pageOf(`article-${count}`, `Generated article, ${count} paragraphs`, paragraphs);
  });
}

/** An article with no glossary term at all: what most pages a reader opens look like to us. */
export function termFreePage(paragraphCount = 60): GeneratedPage {
  const source = textSource(2_000);
  const paragraphs = Array.from({ length: paragraphCount }, () =>
    proseParagraph(source, source.between(50, 110), 0),
  );
  const page = pageOf('term-free', 'A walk along the river', paragraphs, [
    inPageScript('task-gaps'),
  ]);
  if (page.expectedMatches !== 0) {
    throw new Error(`The term-free page has ${page.expectedMatches} glossary matches`);
  }
  return page;
}

/**
 * A page with `textNodes` text nodes: paragraphs of five text nodes each (text, link, text,
 * emphasis, text) with no whitespace nodes between them, a glossary term in every seventh.
 */
export function manyNodesPage(textNodes = 100_000): GeneratedPage {
  const source = textSource(3_000);
  const count = Math.ceil((textNodes - 1) / 5);
  const paragraphs: Paragraph[] = [];
  for (let i = 0; i < count; i++) {
    const middle = i % 7 === 3 ? `${source.words(2)} ${source.term()} ` : source.words(4) + ' ';
    paragraphs.push([
      { text: source.words(source.between(3, 6)) + ' ' },
      { text: source.words(2), tag: 'a' },
      { text: ' ' + middle },
      { text: source.words(2), tag: 'em' },
      { text: ' ' + source.words(source.between(2, 5)) + '.' },
    ]);
  }
  return pageOf(
    'many-nodes',
    `${textNodes.toLocaleString('en')} text nodes`,
    paragraphs,
    [inPageScript('marks-timeline')],
    '',
  );
}

export interface ScrollFeed {
  page: GeneratedPage;
  /** Paragraphs to append, burst by burst. */
  bursts: Paragraph[][];
  /** Matches in each burst. */
  burstMatches: number[];
}

/** An infinite-scroll page: a short article, then `bursts` × `perBurst` paragraphs appended. */
export function scrollFeed(bursts = 50, perBurst = 20): ScrollFeed {
  const source = textSource(4_000);
  const initial = Array.from({ length: 30 }, () => proseParagraph(source, 60, 0.01));
  const page = pageOf('scroll-feed', 'An endless feed', initial, [
    inPageScript('marks-timeline'),
    inPageScript('scroll-feed'),
  ]);
  const made = Array.from({ length: bursts }, () =>
    // Every appended paragraph carries terms, so each burst has marks to wait for.
    Array.from({ length: perBurst }, () => proseParagraph(source, source.between(30, 70), 0.03)),
  );
  return {
    page,
    bursts: made,
    burstMatches: made.map((burst) => burst.reduce((n, p) => n + expectedMatches(p), 0)),
  };
}
