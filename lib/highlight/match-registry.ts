import { compareComposedOrder, composedTextNodes } from '../scan/composed-tree';
import type { HighlightStyle } from '../settings';
import { TERM_HIGHLIGHT_BY_STYLE } from './names';

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

/** Which of the found matches are marked: all of them, unless the reader limits them. */
export interface MarkLimits {
  /** Only the first match of each entry, in document order. */
  firstOccurrenceOnly: boolean;
  /** At most this many marks, the first ones in document order; null for no cap. */
  cap: number | null;
}

const NO_LIMITS: MarkLimits = { firstOccurrenceOnly: false, cap: null };

/**
 * The matches on the page: kept in one `Highlight` (what the reader sees) and indexed by text node
 * (what hit-testing and rescans need).
 *
 * Every match found is kept, but only the *marked* ones — all of them, or those the reader's
 * limits let through (first occurrence of each term, a cap per page, both counted in document
 * order) — are in the highlight, are found by `matchAt` (hit-testing), are stepped through by the
 * keyboard commands (`inDocumentOrder`) and are counted for the popup and the badge
 * (`size`, `countsByEntry`). `foundCount` tells how many were found in all.
 */
export class MatchRegistry {
  readonly #byNode = new Map<Text, PageMatch[]>();
  readonly #all = new Set<PageMatch>();
  /** The marked matches when limits apply; null means every match is marked. */
  #marked: Set<PageMatch> | null = null;
  #limits: MarkLimits = NO_LIMITS;
  readonly #highlight = new Highlight();
  readonly #registry: HighlightRegistry;
  #name: string;

  constructor(registry: HighlightRegistry = CSS.highlights, style: HighlightStyle = 'background') {
    this.#registry = registry;
    this.#name = TERM_HIGHLIGHT_BY_STYLE[style];
    this.#registry.set(this.#name, this.#highlight);
  }

  /** The name the marks are registered under now (it follows the highlight style). */
  get highlightName(): string {
    return this.#name;
  }

  /** How many matches are marked. */
  get size(): number {
    return this.#marked?.size ?? this.#all.size;
  }

  /** How many matches were found, marked or not. */
  get foundCount(): number {
    return this.#all.size;
  }

  get limits(): MarkLimits {
    return this.#limits;
  }

  /** Moves the marks to the highlight name of another style; the ranges stay as they are. */
  setStyle(style: HighlightStyle): void {
    const name = TERM_HIGHLIGHT_BY_STYLE[style];
    if (name === this.#name) return;
    if (this.#registry.get(this.#name) === this.#highlight) this.#registry.delete(this.#name);
    this.#name = name;
    this.#registry.set(name, this.#highlight);
  }

  /** Applies the reader's limits to the matches already found, and to every later one. */
  setLimits(limits: MarkLimits): void {
    if (
      limits.firstOccurrenceOnly === this.#limits.firstOccurrenceOnly &&
      limits.cap === this.#limits.cap
    ) {
      return;
    }
    this.#limits = { ...limits };
    this.#applyLimits();
  }

  add(matches: Iterable<PageMatch>): void {
    let added = false;
    for (const match of matches) {
      added = true;
      this.#all.add(match);
      if (!this.#marked) this.#highlight.add(match.range);
      for (const node of match.nodes) {
        const list = this.#byNode.get(node);
        if (list) insertSorted(list, match);
        else this.#byNode.set(node, [match]);
      }
    }
    if (added && this.#marked) this.#applyLimits();
  }

  /** Drops every match that touches one of these text nodes. */
  removeNodes(nodes: Iterable<Text>): void {
    let removed = false;
    for (const node of nodes) {
      const list = this.#byNode.get(node);
      if (!list) continue;
      for (const match of list) removed = this.#drop(match, node) || removed;
      this.#byNode.delete(node);
    }
    // A marked match gone may let a later one through (the next occurrence, or one under the cap).
    if (removed && this.#marked) this.#applyLimits();
  }

  /**
   * Drops every match that touches a text node inside `root` (or is `root`), including text in
   * the open shadow trees of web components inside it.
   */
  removeWithin(root: Node): void {
    if (root.nodeType === Node.TEXT_NODE) {
      this.removeNodes([root as Text]);
      return;
    }
    const nodes: Text[] = [];
    for (const node of composedTextNodes(root)) if (this.#byNode.has(node)) nodes.push(node);
    this.removeNodes(nodes);
  }

  /** The marked match covering `offset` in `node`, if any. */
  matchAt(node: Text, offset: number): PageMatch | undefined {
    const list = this.#byNode.get(node);
    if (!list) return undefined;
    return list.find((m) => {
      if (this.#marked && !this.#marked.has(m)) return false;
      const afterStart = m.range.startContainer !== node || m.range.startOffset <= offset;
      const beforeEnd = m.range.endContainer !== node || offset <= m.range.endOffset;
      return afterStart && beforeEnd;
    });
  }

  /** The marked matches in document order (for stepping through terms and listing them). */
  inDocumentOrder(): PageMatch[] {
    return [...(this.#marked ?? this.#all)].sort((a, b) => compareStarts(a.range, b.range));
  }

  /** How many times each entry is marked. */
  countsByEntry(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const match of this.#marked ?? this.#all) {
      counts.set(match.entryId, (counts.get(match.entryId) ?? 0) + 1);
    }
    return counts;
  }

  clear(): void {
    this.#all.clear();
    this.#byNode.clear();
    this.#highlight.clear();
    if (this.#marked) this.#marked = new Set();
  }

  /** Removes our highlight from the page's registry entirely. */
  dispose(): void {
    this.clear();
    if (this.#registry.get(this.#name) === this.#highlight) this.#registry.delete(this.#name);
  }

  /**
   * Recomputes which matches are marked. Runs after each batch of changes while limits apply
   * (a scan commits once per time slice), sorting the found matches once; without limits it
   * never runs and every match goes straight into the highlight.
   */
  #applyLimits(): void {
    const { firstOccurrenceOnly, cap } = this.#limits;
    if (!firstOccurrenceOnly && cap === null) {
      if (this.#marked) {
        for (const match of this.#all) {
          if (!this.#marked.has(match)) this.#highlight.add(match.range);
        }
      }
      this.#marked = null;
      return;
    }
    const next = new Set<PageMatch>();
    const seen = new Set<string>();
    for (const match of [...this.#all].sort((a, b) => compareStarts(a.range, b.range))) {
      if (cap !== null && next.size >= cap) break;
      if (firstOccurrenceOnly) {
        if (seen.has(match.entryId)) continue;
        seen.add(match.entryId);
      }
      next.add(match);
    }
    const before = this.#marked ?? this.#all;
    for (const match of before) if (!next.has(match)) this.#highlight.delete(match.range);
    for (const match of next) if (!before.has(match)) this.#highlight.add(match.range);
    this.#marked = next;
  }

  /** Forgets a match; true if it was known. */
  #drop(match: PageMatch, except: Text): boolean {
    if (!this.#all.delete(match)) return false;
    this.#marked?.delete(match);
    this.#highlight.delete(match.range);
    for (const other of match.nodes) {
      if (other === except) continue;
      const list = this.#byNode.get(other);
      if (!list) continue;
      const i = list.indexOf(match);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) this.#byNode.delete(other);
    }
    return true;
  }
}

function insertSorted(list: PageMatch[], match: PageMatch): void {
  let i = list.length;
  while (i > 0 && compareStarts(list[i - 1]!.range, match.range) > 0) i--;
  list.splice(i, 0, match);
}

/** Document order, with terms inside a web component's shadow tree where the component is. */
function compareStarts(a: AbstractRange, b: AbstractRange): number {
  if (a.startContainer === b.startContainer) return a.startOffset - b.startOffset;
  return compareComposedOrder(a.startContainer, b.startContainer);
}
