/**
 * The baseline: mark.js, the usual in-page keyword highlighter, run in a page without the
 * extension. It wraps every match in `<mark>` (fine here: this page is only the baseline) and
 * searches once per keyword, which is the cost model our single pass is measured against.
 *
 * mark.js is synchronous: a call returns after its `done` callback. Keywords go in calls of a few
 * dozen, with a task between calls, and only the calls are timed. Why not one call with every
 * keyword: mark.js starts each keyword from the previous one's `done`, so hundreds of keywords
 * nest that deep and overflow the stack ("Invalid regular expression: Stack overflow"); and a run
 * of minutes (Firefox, large pages) must not block the harness, which polls and may stop it.
 */
import Mark from 'mark.js';
import { benchGlobals, type MarkJsOutcome, type MarkJsPass, type MarkJsProgress } from './api';

// What counts as a word edge for `accuracy: 'exactly'`, besides whitespace: our matcher accepts
// any non-letter, non-digit edge, so give mark.js the punctuation pages use.
const LIMITERS = [
  ...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~¡¿«»‘’‚“”„–—…·、。，．：；！？（）《》「」『』【】',
];

const CHUNK = 40;

const progress: MarkJsProgress = { ms: 0, keywordsDone: 0, keywords: 0, done: false };
let stopped = false;

function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

async function run(passes: MarkJsPass[], reject: string): Promise<void> {
  const instance = new Mark(document.body);
  progress.keywords = passes.reduce((n, pass) => n + pass.keywords.length, 0);
  for (const pass of passes) {
    // Longest first, as mark.js orders the keywords of one call.
    const keywords = [...pass.keywords].sort((a, b) => b.length - a.length);
    for (let at = 0; at < keywords.length && !stopped; at += CHUNK) {
      const chunk = keywords.slice(at, at + CHUNK);
      const started = performance.now();
      instance.mark(chunk, {
        separateWordSearch: false,
        diacritics: true,
        acrossElements: true,
        caseSensitive: pass.caseSensitive,
        accuracy:
          pass.accuracy === 'exactly' ? { value: 'exactly', limiters: LIMITERS } : 'partially',
        // Text our scanner skips (code, form fields, editors…), and text a longer keyword has
        // already marked. A filter, called per match, rather than `exclude`, which mark.js tests
        // against every text node's parent for every keyword: with a selector for ancestors too
        // that test, not mark.js's search, would be what this measures.
        filter: (node) => !node.parentElement?.closest(reject),
      });
      progress.ms += performance.now() - started;
      progress.keywordsDone += chunk.length;
      await nextTask();
    }
  }
  progress.done = true;
}

function isVisible(element: Element): boolean {
  if (element.getClientRects().length === 0) return false;
  return (
    typeof element.checkVisibility !== 'function' ||
    element.checkVisibility({ visibilityProperty: true })
  );
}

/**
 * Matches from the `<mark>` elements: mark.js splits a match that crosses elements into one
 * `<mark>` per text node, so marks with no unmarked text between them are one match.
 */
function collectMatches(): { elements: number; matches: Element[][] } {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const matches: Element[][] = [];
  let current: Element[] | null = null;
  let elements = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent?.localName === 'mark' && parent.hasAttribute('data-markjs')) {
      elements++;
      if (current) current.push(parent);
      else matches.push((current = [parent]));
    } else if ((node.nodeValue ?? '') !== '') {
      current = null;
    }
  }
  return { elements, matches };
}

const bench = benchGlobals();
bench.startMarkJs = (passes, reject) => {
  void run(passes, reject);
};
bench.markJsProgress = () => ({ ...progress });
bench.stopMarkJs = () => {
  stopped = true;
};
bench.markJsOutcome = (): MarkJsOutcome => {
  const { elements, matches } = collectMatches();
  const visible = matches.filter((parts) => isVisible(parts[0]!));
  return {
    ms: progress.ms,
    complete: progress.keywordsDone === progress.keywords,
    keywordsDone: progress.keywordsDone,
    elements,
    matches: matches.length,
    visibleMatches: visible.length,
    visibleTexts: visible.map((parts) => parts.map((part) => part.textContent ?? '').join('')),
  };
};
