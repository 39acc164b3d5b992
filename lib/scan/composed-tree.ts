/**
 * The page as the reader sees it: the document plus the open shadow trees of its web components.
 *
 * DOM methods such as `contains`, `closest` and tree walkers stop at a shadow root; these helpers
 * step from a shadow root to its host, so a subtree and the shadow trees inside it are one tree.
 * Closed shadow roots are not reachable from here (`element.shadowRoot` is null for them): their
 * authors chose to keep them private, and our own popover host is one of them.
 */

/**
 * Whether a node is a shadow root. By node type, not `instanceof`: nodes of another frame belong
 * to another realm.
 */
export function isShadowRoot(node: Node | null): node is ShadowRoot {
  return node?.nodeType === Node.DOCUMENT_FRAGMENT_NODE && (node as ShadowRoot).host != null;
}

/** The parent of a node in the composed tree: a shadow root's parent is its host. */
export function composedParent(node: Node): Node | null {
  return isShadowRoot(node) ? node.host : node.parentNode;
}

/** The host of the shadow tree a node is in; null for a node of the document. */
export function shadowHostOf(node: Node): Element | null {
  const root = node.getRootNode();
  return isShadowRoot(root) ? root.host : null;
}

/** Whether `node` is `ancestor` or lies inside it, shadow trees included. */
export function composedContains(ancestor: Node, node: Node): boolean {
  for (let current: Node | null = node; current; current = composedParent(current)) {
    if (current === ancestor) return true;
  }
  return false;
}

/** The text nodes inside `root`, then those of each open shadow tree inside it (one walk each). */
export function* composedTextNodes(root: Node): Generator<Text> {
  const doc = root.ownerDocument ?? (root as Document);
  const pending: Node[] = [root];
  for (let tree = pending.pop(); tree; tree = pending.pop()) {
    const walker = doc.createTreeWalker(tree, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE) yield n as Text;
      else {
        const shadow = (n as Element).shadowRoot;
        if (shadow) pending.push(shadow);
      }
    }
  }
}

/**
 * Orders two nodes as the reader meets them, shadow trees included: a node in a shadow tree sits
 * where its host is. (`compareDocumentPosition` calls nodes of different trees "disconnected" and
 * orders them arbitrarily.) Negative if `a` comes first. A host comes before its shadow tree.
 */
export function compareComposedOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  const position = a.compareDocumentPosition(b);
  if (!(position & Node.DOCUMENT_POSITION_DISCONNECTED)) {
    return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  }
  // Each node's stand-ins, from its own tree out to the document: itself, its host, that host's…
  const outwards = (node: Node) => {
    const chain = [node];
    for (let host = shadowHostOf(node); host; host = shadowHostOf(host)) chain.push(host);
    return chain;
  };
  const chainA = outwards(a);
  const chainB = outwards(b);
  let i = chainA.length - 1;
  let j = chainB.length - 1;
  // Step inwards while both are inside the same host: the next stand-ins share a tree.
  while (i > 0 && j > 0 && chainA[i] === chainB[j]) {
    i--;
    j--;
  }
  const x = chainA[i]!;
  const y = chainB[j]!;
  if (x === y) return i === 0 ? -1 : 1;
  return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}
