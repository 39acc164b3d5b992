import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { corpusDir, hasCorpus } from '../../e2e/support/paths';
import { SKIP_TAGS } from '../../lib/scan/skip';

/**
 * The readable text of saved pages, for measurements in Node (glossary precision, matcher
 * throughput). It approximates what the content script scans: text outside script, style and
 * other non-prose elements, with text nodes under the same block joined as one run (so "social
 * <b>credit</b> system" stays one phrase) and blocks kept apart. It does not evaluate CSS, so text
 * a page hides is included: for counting false positives that errs on the side of more matches.
 */

// The scanner's own list of non-prose elements, plus the document head (a DOM parsed here has no
// computed styles to say it is not displayed).
const NOT_PROSE = new Set([...SKIP_TAGS, 'HEAD', 'TITLE']);

const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'DATA',
  'DFN',
  'EM',
  'FONT',
  'I',
  'LABEL',
  'MARK',
  'Q',
  'RUBY',
  'RT',
  'S',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'VAR',
  'WBR',
  'BIG',
  'TT',
  'INS',
  'DEL',
  'NOBR',
]);

export interface CorpusPage {
  file: string;
  /** Text runs: one per block of prose. */
  runs: string[];
}

/** The text runs of one HTML document. */
export function pageRuns(html: string): string[] {
  const window = new Window({
    url: 'http://127.0.0.1/',
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableChildFrameNavigation: true, disableMainFrameNavigation: true },
    },
  });
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html');
    const runs: string[] = [];
    let current = '';
    let currentBlock: unknown = null;
    const walk = (node: (typeof doc)['body']['childNodes'][number], block: unknown): void => {
      if (node.nodeType === 3) {
        if (block !== currentBlock) {
          if (current.trim()) runs.push(current);
          current = '';
          currentBlock = block;
        }
        current += node.textContent ?? '';
        return;
      }
      if (node.nodeType !== 1) return;
      const tag = (node as unknown as { tagName: string }).tagName.toUpperCase();
      if (NOT_PROSE.has(tag)) return;
      const childBlock = INLINE.has(tag) ? block : node;
      for (const child of node.childNodes) walk(child, childBlock);
      if (childBlock !== block) currentBlock = null; // a block ended: the next text starts a run
    };
    if (doc.body) walk(doc.body as never, doc.body);
    if (current.trim()) runs.push(current);
    return runs;
  } finally {
    void window.happyDOM.close();
  }
}

/** Every saved page of the shared corpus, or an empty list when `../shared` is absent. */
export function corpusPages(): CorpusPage[] {
  if (!hasCorpus) return [];
  return readdirSync(corpusDir)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => ({ file, runs: pageRuns(readFileSync(path.join(corpusDir, file), 'utf8')) }));
}

export { corpusDir, hasCorpus };
