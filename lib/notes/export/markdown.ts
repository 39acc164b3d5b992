import type { Note } from '../note';
import { oldestFirst } from './json';

/**
 * Notes as a Markdown document, for reading and for pasting into other tools.
 *
 * Everything that comes from a note (body, quote, page title, URL, even term names) is text, and
 * must render as that text whatever Markdown or HTML it holds: a note saying `<img src=x
 * onerror=…>` or `[click](javascript:…)` is a note *about* that string. CommonMark lets any
 * ASCII punctuation be backslash-escaped and then always renders it as itself, so every character
 * that starts syntax in CommonMark, GitHub Flavored Markdown or common extensions is escaped.
 * Only http(s) pages become links. The JSON export is the lossless one; this one may drop what
 * Markdown cannot show (leading indentation, runs of blank lines).
 */

export type MarkdownGrouping = 'page' | 'term';

export interface MarkdownOptions {
  groupBy: MarkdownGrouping;
  /** A glossary term's display name by id; unknown ids are shown as the id itself. */
  termName: (termId: string) => string | undefined;
  exportedAt: Date;
}

/**
 * Characters escaped wherever note text appears. CommonMark syntax: \ ` * _ { } [ ] ( ) # + - . !
 * < > & (entities) and = (setext headings); GFM: | (tables), ~ (strikethrough), : (emoji
 * shortcodes and `https:` autolinks), @ (e-mail autolinks); common extensions: $ (maths),
 * ^ (superscript). Escaping one too many is harmless; one too few is not.
 */
const SYNTAX = /[\\`*_{}[\]()#+\-.!<>&=|~:@$^]/g;

/** One line of text (a heading, a link's text), escaped; line breaks become spaces. */
export function escapeMarkdownInline(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(SYNTAX, '\\$&');
}

/**
 * Text of several lines as Markdown paragraphs that keep their line breaks: lines end in a
 * backslash (a hard break), blank lines separate paragraphs. Leading indentation is dropped, as
 * four spaces would turn a line into code. `linePrefix` starts every output line (`> ` for a quote).
 */
export function escapeMarkdownBlock(text: string, linePrefix = ''): string {
  const paragraphs: string[][] = [[]];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const content = line.trim();
    const current = paragraphs.at(-1)!;
    if (content) current.push(content.replace(SYNTAX, '\\$&'));
    else if (current.length > 0) paragraphs.push([]);
  }
  const blank = linePrefix.trimEnd();
  return paragraphs
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.map((line) => `${linePrefix}${line}`).join('\\\n'))
    .join(`\n${blank}\n`);
}

/**
 * A Markdown link to the page, or just its escaped text when the URL is not http(s): `javascript:`,
 * `data:` or `file:` links in a shared document are a trap for whoever clicks them.
 */
export function markdownLink(text: string, url: string): string {
  const label = escapeMarkdownInline(text) || escapeMarkdownInline(url);
  const destination = linkDestination(url);
  return destination ? `[${label}](${destination})` : label;
}

/**
 * The URL as a link destination, or null if it is not http(s). The URL parser percent-encodes
 * spaces, controls, quotes and angle brackets; what can still end the destination or be decoded
 * by Markdown (parentheses, backslashes, `&` entities) is backslash-escaped, which CommonMark
 * undoes in destinations, so the link goes exactly where the note says.
 */
export function linkDestination(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.href.replace(/[\\()<>&\s]/g, (c) => (/\s/.test(c) ? encodeURI(c) : `\\${c}`));
}

/** The whole document. */
export function notesToMarkdown(notes: readonly Note[], options: MarkdownOptions): string {
  const groups = options.groupBy === 'page' ? byPage(notes) : byTerm(notes, options.termName);
  const pages = new Set(notes.map((note) => note.urlKey)).size;
  const lines = [
    options.groupBy === 'page' ? '# Credit Lens notes by page' : '# Credit Lens notes by term',
    '',
    `Exported ${formatTime(options.exportedAt.getTime())}: ${countOf(notes.length, 'note')} on ` +
      `${countOf(pages, 'page')}\\.`,
  ];
  if (notes.length === 0) lines.push('', 'There are no notes yet\\.');
  for (const group of groups) {
    lines.push('', `## ${group.heading}`);
    for (const note of group.notes) {
      const heading =
        options.groupBy === 'page'
          ? termHeading(note, options.termName)
          : markdownLink(note.title, note.url);
      lines.push('', `### ${heading}`, '', ...noteLines(note));
    }
  }
  return `${lines.join('\n')}\n`;
}

interface Group {
  /** Already Markdown. */
  heading: string;
  notes: Note[];
}

/** One group per page (by its key), titled and linked by its latest note; pages by title. */
function byPage(notes: readonly Note[]): Group[] {
  const pages = new Map<string, Note[]>();
  for (const note of oldestFirst(notes)) {
    const list = pages.get(note.urlKey) ?? [];
    list.push(note);
    pages.set(note.urlKey, list);
  }
  return [...pages.values()]
    .map((list) => {
      const latest = list.reduce((a, b) => (b.updatedAt > a.updatedAt ? b : a));
      const title = latest.title.trim() || latest.url;
      return { title, heading: markdownLink(title, pageUrl(latest)), notes: list };
    })
    .sort((a, b) => compareNames(a.title, b.title))
    .map(({ heading, notes: list }) => ({ heading, notes: list }));
}

/** One group per term, by name; notes on no term come last. */
function byTerm(notes: readonly Note[], termName: MarkdownOptions['termName']): Group[] {
  const terms = new Map<string, Note[]>();
  const loose: Note[] = [];
  for (const note of oldestFirst(notes)) {
    if (note.termId === undefined) {
      loose.push(note);
      continue;
    }
    const list = terms.get(note.termId) ?? [];
    list.push(note);
    terms.set(note.termId, list);
  }
  const groups = [...terms.entries()]
    .map(([termId, list]) => ({ name: termName(termId) ?? termId, notes: list }))
    .sort((a, b) => compareNames(a.name, b.name))
    .map(({ name, notes: list }) => ({ heading: escapeMarkdownInline(name), notes: list }));
  if (loose.length > 0) groups.push({ heading: 'Notes on no term', notes: loose });
  return groups;
}

function termHeading(note: Note, termName: MarkdownOptions['termName']): string {
  if (note.termId === undefined) return 'Note on the page';
  return `Note on ${escapeMarkdownInline(termName(note.termId) ?? note.termId)}`;
}

function noteLines(note: Note): string[] {
  const lines: string[] = [];
  if (note.quote && note.quote.exact.trim()) {
    lines.push(escapeMarkdownBlock(note.quote.exact, '> '), '');
  }
  lines.push(escapeMarkdownBlock(note.body), '');
  const written = `Written ${formatTime(note.createdAt)}`;
  lines.push(
    note.updatedAt !== note.createdAt
      ? `_${written}, last edited ${formatTime(note.updatedAt)}\\._`
      : `_${written}\\._`,
  );
  return lines;
}

/** The page's address without tracking parameters, if it is a web page; else the URL as saved. */
function pageUrl(note: Note): string {
  return linkDestination(note.urlKey) ? note.urlKey : note.url;
}

/** "2026-01-05 14:03 UTC": unambiguous wherever the file is read. Escaped (`-`, `:`). */
export function formatTime(time: number): string {
  const iso = new Date(time).toISOString();
  return escapeMarkdownInline(`${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`);
}

function countOf(count: number, noun: string): string {
  return `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
function compareNames(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
