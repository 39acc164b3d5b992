import { TERM_HIGHLIGHT } from './names';

/** One glossary term found on the page. */
export interface PageMatch {
  readonly entryId: string;
  /**
   * StaticRange, not Range: live Ranges are updated by the browser on every DOM mutation of the
   * page, which costs the page time; we re-derive ranges from mutations ourselves instead.
   */
  readonly range: StaticRange;
  /** Every text node the range touches; a match split by `<em>` spans several. */
  readonly nodes: readonly Text[];
}

/**
 * The matches on the page: kept in one `Highlight` (what the reader sees) and indexed by text node
 * (what hit-testing and rescans need).
 */
export class MatchRegistry {
  readonly #byNode = new Map<Text, PageMatch[]>();
  readonly #all = new Set<PageMatch>();
  readonly #highlight = new Highlight();
  readonly #registry: HighlightRegistry;

  constructor(registry: HighlightRegistry = CSS.highlights) {
    this.#registry = registry;
    this.#registry.set(TERM_HIGHLIGHT, this.#highlight);
  }

  get size(): number {
    return this.#all.size;
  }

  add(matches: Iterable<PageMatch>): void {
    for (const match of matches) {
      this.#all.add(match);
      this.#highlight.add(match.range);
      for (const node of match.nodes) {
        const list = this.#byNode.get(node);
        if (list) insertSorted(list, match);
        else this.#byNode.set(node, [match]);
      }
    }
  }

  /** Drops every match that touches one of these text nodes. */
  removeNodes(nodes: Iterable<Text>): void {
    for (const node of nodes) {
      const list = this.#byNode.get(node);
      if (!list) continue;
      for (const match of list) this.#drop(match, node);
      this.#byNode.delete(node);
    }
  }

  /** Drops every match that touches a text node inside `root` (or is `root`). */
  removeWithin(root: Node): void {
    if (root.nodeType === Node.TEXT_NODE) {
      this.removeNodes([root as Text]);
      return;
    }
    const doc = root.ownerDocument ?? (root as Document);
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (this.#byNode.has(n as Text)) nodes.push(n as Text);
    }
    this.removeNodes(nodes);
  }

  /** The match covering `offset` in `node`, if any. */
  matchAt(node: Text, offset: number): PageMatch | undefined {
    const list = this.#byNode.get(node);
    if (!list) return undefined;
    return list.find((m) => {
      const afterStart = m.range.startContainer !== node || m.range.startOffset <= offset;
      const beforeEnd = m.range.endContainer !== node || offset <= m.range.endOffset;
      return afterStart && beforeEnd;
    });
  }

  /** All matches in document order (for stepping through terms and listing them). */
  inDocumentOrder(): PageMatch[] {
    return [...this.#all].sort((a, b) => compareStarts(a.range, b.range));
  }

  /** How many times each entry was found. */
  countsByEntry(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const match of this.#all) counts.set(match.entryId, (counts.get(match.entryId) ?? 0) + 1);
    return counts;
  }

  clear(): void {
    this.#all.clear();
    this.#byNode.clear();
    this.#highlight.clear();
  }

  /** Removes our highlight from the page's registry entirely. */
  dispose(): void {
    this.clear();
    if (this.#registry.get(TERM_HIGHLIGHT) === this.#highlight)
      this.#registry.delete(TERM_HIGHLIGHT);
  }

  #drop(match: PageMatch, except: Text): void {
    if (!this.#all.delete(match)) return;
    this.#highlight.delete(match.range);
    for (const other of match.nodes) {
      if (other === except) continue;
      const list = this.#byNode.get(other);
      if (!list) continue;
      const i = list.indexOf(match);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) this.#byNode.delete(other);
    }
  }
}

function insertSorted(list: PageMatch[], match: PageMatch): void {
  let i = list.length;
  while (i > 0 && compareStarts(list[i - 1]!.range, match.range) > 0) i--;
  list.splice(i, 0, match);
}

function compareStarts(a: AbstractRange, b: AbstractRange): number {
  if (a.startContainer === b.startContainer) return a.startOffset - b.startOffset;
  const position = a.startContainer.compareDocumentPosition(b.startContainer);
  return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}
