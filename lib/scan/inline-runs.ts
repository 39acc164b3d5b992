import { FlowCache } from './layout';
import { isSkippedElement } from './skip';

/**
 * A stretch of text a reader sees as continuous: text nodes joined across inline elements, so
 * `social <em>credit</em> system` is one run. `text` is the nodes' data concatenated;
 * `starts[i]` is where `nodes[i]` begins in it.
 */
export interface InlineRun {
  readonly nodes: Text[];
  readonly starts: number[];
  readonly text: string;
  /** The nearest non-inline ancestor; used to put runs in the viewport first. */
  readonly container: Element;
}

/**
 * Yields the inline runs inside `root` in document order. A block boundary, `<br>`, a hidden
 * element or a skipped element (code, form field, editor…) ends a run. The caller must have
 * checked that `root` itself is not inside a skipped subtree.
 *
 * A generator so that the scanner can stop after any run and resume in the next time slice.
 */
export function* inlineRuns(root: Element | Document, flow: FlowCache): Generator<InlineRun> {
  const doc = root instanceof Document ? root : root.ownerDocument;
  // SHOW_ELEMENT as well as SHOW_TEXT: elements are where runs end and subtrees are skipped. No
  // filter callback: calling into JS for every node is what makes tree walks slow.
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let nodes: Text[] = [];
  let starts: number[] = [];
  let parts: string[] = [];
  let length = 0;
  let container: Element | null = null;

  function* flush(): Generator<InlineRun> {
    if (nodes.length > 0 && container && parts.some(hasVisibleChar)) {
      yield { nodes, starts, text: parts.join(''), container };
    }
    nodes = [];
    starts = [];
    parts = [];
    length = 0;
    container = null;
  }

  let node: Node | null = walker.nextNode();

  while (node) {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node as Text;
      const parent = text.parentElement;
      if (parent && text.data.length > 0 && !flow.isInvisible(parent)) {
        const block = flow.blockContainer(parent);
        if (block !== container) {
          yield* flush();
          container = block;
        }
        nodes.push(text);
        starts.push(length);
        parts.push(text.data);
        length += text.data.length;
      }
      node = walker.nextNode();
      continue;
    }

    const el = node as Element;
    if (isSkippedElement(el)) {
      yield* flush();
      node = nextOutside(walker, root);
      continue;
    }
    const kind = flow.kind(el);
    if (kind !== 'inline') yield* flush();
    node = kind === 'hidden' ? nextOutside(walker, root) : walker.nextNode();
  }
  yield* flush();
}

/** Moves the walker past the current node's subtree; null once it would leave `root`. */
function nextOutside(walker: TreeWalker, root: Node): Node | null {
  let current: Node | null = walker.currentNode;
  while (current && current !== root) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    current = walker.parentNode();
  }
  return null;
}

function hasVisibleChar(part: string): boolean {
  return /\S/.test(part);
}
