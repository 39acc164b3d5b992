import { shadowHostOf } from './composed-tree';
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

/** Where the scanner starts: the document, an element, or the open shadow root of a component. */
export type ScanRoot = Element | Document | ShadowRoot;

/**
 * Yields the inline runs inside `root` in document order. A block boundary, `<br>`, a hidden
 * element or a skipped element (code, form field, editor…) ends a run. The caller must have
 * checked that `root` itself is not inside a skipped subtree.
 *
 * Open shadow roots of the elements passed are not entered: each is handed to `onShadowRoot`, for
 * the caller to scan as a root of its own (a tree walker cannot cross into one). A shadow host
 * ends a run, since its shadow tree renders between the text before and after it. Light-DOM
 * children of a host are read here only if they are slotted (rendered); a slot's fallback content
 * only if nothing is slotted. So no text is read twice, and none that is not shown.
 *
 * A generator so that the scanner can stop after any run and resume in the next time slice.
 */
export function* inlineRuns(
  root: ScanRoot,
  flow: FlowCache,
  onShadowRoot?: (shadow: ShadowRoot) => void,
): Generator<InlineRun> {
  const doc = root.nodeType === Node.DOCUMENT_NODE ? (root as Document) : root.ownerDocument!;
  /** Shadow hosts met in this walk: their light children render only where slotted. */
  const hosts = new Set<Node>();
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

  // The walk starts below `root`, so a root that is a shadow host itself is looked at here.
  const rootShadow = root.nodeType === Node.ELEMENT_NODE ? (root as Element).shadowRoot : null;
  if (rootShadow) {
    hosts.add(root);
    onShadowRoot?.(rootShadow);
  }

  let node: Node | null = walker.nextNode();

  while (node) {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node as Text;
      const parent = text.parentElement;
      const unslotted = parent !== null && hosts.has(parent) && text.assignedSlot === null;
      // Text straight under a shadow root takes its style and place in the flow from the host.
      const styledBy = parent ?? shadowHostOf(text);
      if (styledBy && text.data.length > 0 && !unslotted && !flow.isInvisible(styledBy)) {
        const block = flow.blockContainer(styledBy);
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
    if (isSkippedElement(el) || isUnrendered(el, hosts)) {
      yield* flush();
      node = nextOutside(walker, root);
      continue;
    }
    const kind = flow.kind(el);
    const shadow = kind === 'hidden' ? null : el.shadowRoot;
    if (kind !== 'inline' || shadow) yield* flush();
    if (shadow) {
      hosts.add(el);
      onShadowRoot?.(shadow);
    }
    node = kind === 'hidden' ? nextOutside(walker, root) : walker.nextNode();
  }
  yield* flush();
}

/**
 * Whether an element is not rendered because of a shadow tree: a light-DOM child of a host that
 * no slot takes, or a slot's fallback content while nodes are slotted into it (those are read
 * where they sit in the light DOM).
 */
function isUnrendered(el: Element, hosts: ReadonlySet<Node>): boolean {
  if (el.parentElement && hosts.has(el.parentElement) && el.assignedSlot === null) return true;
  return el.localName === 'slot' && (el as HTMLSlotElement).assignedNodes().length > 0;
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
