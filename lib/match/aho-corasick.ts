/**
 * Aho–Corasick over UTF-16 code units: finds every occurrence of every pattern in one pass, at a
 * cost per text unit that does not depend on how many patterns there are.
 *
 * The trie is built straight into flat typed arrays, in breadth-first order so that the busy
 * upper levels sit together in memory:
 * - code units are renamed to a dense alphabet ("classes"); a unit in no pattern is class 0 and
 *   sends the automaton straight back to the root. The "narrow" units (Latin and the other
 *   alphabets, below the CJK blocks) get the low classes, most frequent first;
 * - the first states (the root and the shallow levels, where a scan spends nearly all its time)
 *   have dense rows over the narrow classes with failure links already followed, so a step is
 *   one array read, with no multiplication (see `Automaton` for the layout);
 * - deeper states have sparse rows: their few (class, step) pairs and their failure target;
 * - every other step (CJK classes, and the rare walk) goes through sorted edge lists and failure
 *   links; an output link per node to the nearest node (itself or along its failure chain) where
 *   a pattern ends makes reporting walk only real matches.
 *
 * Two options shape it for folded text (see `term-matcher.ts`): a marker that implicitly follows
 * some units (word boundaries), and space runs.
 */

export interface AhoCorasick {
  readonly patternCount: number;
  /**
   * Calls `onMatch(patternIndex, end)` for every occurrence in `units[0, length)`, by increasing
   * `end` (exclusive); at equal `end`, longer patterns first.
   */
  scan(units: Uint16Array, length: number, onMatch: (pattern: number, end: number) => void): void;
}

export interface AutomatonOptions {
  /**
   * A unit that no text contains but that implicitly follows every unit for which `after(unit)`
   * holds: patterns may contain it, and a step on such a unit also steps over the marker. The
   * matcher puts it after every non-word character, so a pattern that starts with it can only
   * start at a word boundary. With a marker, class 1 is "a unit in no pattern, marker after".
   */
  readonly marker?: { readonly unit: number; readonly after: (unit: number) => boolean };
  /**
   * For folded text, where a whitespace run is one space: a space right after a space then
   * leaves the state as it is, so a caller may step on every space of a run and get what one
   * gives.
   */
  readonly spaceRuns?: boolean;
  /** Tests shrink these to exercise the sparse paths on small pattern sets. */
  readonly denseBudget?: number;
  readonly maxWidth?: number;
}

const ROOT = 0;
const NONE = -1;
const SPACE = 0x20;
/** Up to this many edges a linear scan beats a binary search. */
const LINEAR_LIMIT = 8;
/** Units from here on (CJK radicals, kana, Han, Hangul, …) are "wide": too many for dense rows. */
const FIRST_WIDE_UNIT = 0x2e80;
/** At most this many classes get dense columns (a row is `width` entries). */
const MAX_WIDTH = 96;
/**
 * Dense rows get at most this many entries (4 bytes each): 4 MB. The bundled glossary fits whole
 * in under 1 MB; a glossary of 10,000 terms keeps its upper levels dense, where scans spend their
 * time, and its deep states sparse. (At 1 MB a 10,000-term glossary visited sparse rows seven
 * times as often and scanned a sixth slower.)
 */
const DENSE_BUDGET = 1 << 20;

/** The frozen trie. */
interface Trie {
  readonly nodeCount: number;
  readonly classCount: number;
  /** Node n's edges are `[edgeStart[n], edgeStart[n + 1])`, sorted by class. */
  readonly edgeStart: Int32Array;
  readonly edgeClass: Int32Array;
  readonly edgeTarget: Int32Array;
  /** The root's child for every class, or the root. */
  readonly rootNext: Int32Array;
  readonly fail: Int32Array;
  /** The nearest node, this one or along the failure chain, where a pattern ends; or NONE. */
  readonly out: Int32Array;
  /** The pattern that ends at a node, or NONE. */
  readonly patternAt: Int32Array;
  /** The class that leads into a node, and the node it comes from. */
  readonly incoming: Int32Array;
  readonly parent: Int32Array;
}

interface Classes {
  readonly classOf: Uint16Array;
  /** The unit behind each class (NONE for the reserved ones). */
  readonly unitOf: Int32Array;
  readonly width: number;
}

/**
 * Numbers the units of the patterns: class 0 is "in no pattern", class 1 (with a marker) "in no
 * pattern, marker after"; then the narrow units (and the marker), most frequent first, which get
 * dense columns; then the rest.
 */
function assignClasses(patterns: readonly string[], maxWidth: number, marker: number): Classes {
  const counts = new Int32Array(0x10000);
  const seen: number[] = [];
  for (const pattern of patterns) {
    for (let i = 0; i < pattern.length; i++) {
      const unit = pattern.charCodeAt(i);
      if (counts[unit] === 0) seen.push(unit);
      counts[unit] = (counts[unit] as number) + 1;
    }
  }
  const frequency = seen.map((unit): [number, number] => [unit, counts[unit] as number]);
  const reserved = marker === NONE ? 1 : 2;
  const byUse = (a: [number, number], b: [number, number]): number => b[1] - a[1] || a[0] - b[0];
  const all = frequency.sort(byUse);
  const narrow = all
    .filter(([unit]) => unit < FIRST_WIDE_UNIT || unit === marker)
    .slice(0, Math.max(0, maxWidth - reserved));
  const isNarrow = new Set(narrow.map(([unit]) => unit));
  const ordered = [...narrow, ...all.filter(([unit]) => !isNarrow.has(unit))];
  const classOf = new Uint16Array(0x10000);
  const unitOf = new Int32Array(reserved + ordered.length).fill(NONE);
  ordered.forEach(([unit], index) => {
    classOf[unit] = index + reserved;
    unitOf[index + reserved] = unit;
  });
  return { classOf, unitOf, width: narrow.length + reserved };
}

function childOf(trie: Trie, node: number, cls: number): number {
  const { edgeStart, edgeClass, edgeTarget } = trie;
  let lo = edgeStart[node] as number;
  let hi = edgeStart[node + 1] as number;
  if (hi - lo <= LINEAR_LIMIT) {
    for (; lo < hi; lo++) {
      const c = edgeClass[lo] as number;
      if (c === cls) return edgeTarget[lo] as number;
      if (c > cls) return NONE;
    }
    return NONE;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = edgeClass[mid] as number;
    if (c === cls) return edgeTarget[mid] as number;
    if (c < cls) lo = mid + 1;
    else hi = mid;
  }
  return NONE;
}

/**
 * Builds the trie of the patterns directly in breadth-first order, then adds failure and output
 * links. With the patterns sorted, those that share a node at one depth are neighbours, grouped
 * by parent in the order the parents were numbered: so numbering the new nodes of each depth in
 * that order numbers the whole trie breadth-first, with every node's edges contiguous (then
 * sorted by class). No maps and one sort of strings: cheap at a content script's start-up.
 */
function buildTrie(patterns: readonly string[], classes: Classes): Trie {
  const { classOf } = classes;
  // A duplicate keeps the first index. The default sort compares strings by UTF-16 unit, and
  // runs natively: a comparator function made this the slowest step of a cold start.
  const firstIndex = new Map<string, number>();
  patterns.forEach((pattern, index) => {
    if (pattern.length > 0 && !firstIndex.has(pattern)) firstIndex.set(pattern, index);
  });
  let active = [...firstIndex.keys()].sort().map((pattern) => firstIndex.get(pattern) as number);

  const capacity = 1 + patterns.reduce((sum, pattern) => sum + pattern.length, 0);
  const parentOf = new Int32Array(capacity);
  const incomingOf = new Int32Array(capacity);
  const terminalOf = new Int32Array(capacity).fill(NONE);
  const nodeOf = new Int32Array(patterns.length); // every pattern starts at the root
  let nodeCount = 1;
  for (let depth = 0; active.length > 0; depth++) {
    const next: number[] = [];
    let lastParent = NONE;
    let lastUnit = NONE;
    for (const index of active) {
      const pattern = patterns[index] as string;
      const parent = nodeOf[index] as number;
      const unit = pattern.charCodeAt(depth);
      if (parent !== lastParent || unit !== lastUnit) {
        parentOf[nodeCount] = parent;
        incomingOf[nodeCount] = classOf[unit] as number;
        nodeCount++;
        lastParent = parent;
        lastUnit = unit;
      }
      const node = nodeCount - 1;
      nodeOf[index] = node;
      if (pattern.length === depth + 1) {
        terminalOf[node] = index;
      } else {
        next.push(index);
      }
    }
    active = next;
  }

  const classCount = classes.unitOf.length;
  const trie: Trie = {
    nodeCount,
    classCount,
    edgeStart: new Int32Array(nodeCount + 1),
    edgeClass: new Int32Array(nodeCount - 1),
    edgeTarget: new Int32Array(nodeCount - 1),
    rootNext: new Int32Array(classCount),
    fail: new Int32Array(nodeCount),
    out: new Int32Array(nodeCount).fill(NONE),
    patternAt: terminalOf.slice(0, nodeCount),
    incoming: incomingOf.slice(0, nodeCount),
    parent: parentOf.slice(0, nodeCount),
  };
  const { edgeStart, edgeClass, edgeTarget, rootNext, fail, out, patternAt } = trie;
  // Node n > 0 is reached by edge n - 1, and edges are grouped by parent in node order; each
  // node's edges are then put in class order (insertion sort: nodes have few edges).
  let e = 0;
  for (let node = 0; node < nodeCount; node++) {
    edgeStart[node] = e;
    const first = e;
    while (e < nodeCount - 1 && parentOf[e + 1] === node) {
      const cls = incomingOf[e + 1] as number;
      let k = e;
      for (; k > first && (edgeClass[k - 1] as number) > cls; k--) {
        edgeClass[k] = edgeClass[k - 1] as number;
        edgeTarget[k] = edgeTarget[k - 1] as number;
      }
      edgeClass[k] = cls;
      edgeTarget[k] = e + 1;
      if (node === ROOT) rootNext[cls] = e + 1;
      e++;
    }
  }
  edgeStart[nodeCount] = e;

  // Failure links and output links, level by level (nodes are already in BFS order). The edge
  // search is written out here: a cold start runs this loop in the interpreter, where calls and
  // destructuring cost more than the search.
  for (let node = 0; node < nodeCount; node++) {
    for (let k = edgeStart[node] as number; k < (edgeStart[node + 1] as number); k++) {
      const cls = edgeClass[k] as number;
      const target = edgeTarget[k] as number;
      let f = ROOT;
      if (node !== ROOT) {
        for (let s = fail[node] as number; ; s = fail[s] as number) {
          if (s === ROOT) {
            f = rootNext[cls] as number;
            break;
          }
          let lo = edgeStart[s] as number;
          let hi = edgeStart[s + 1] as number;
          while (hi - lo > LINEAR_LIMIT) {
            const mid = (lo + hi) >>> 1;
            if ((edgeClass[mid] as number) <= cls) lo = mid;
            else hi = mid;
          }
          while (lo < hi && (edgeClass[lo] as number) < cls) lo++;
          if (lo < hi && edgeClass[lo] === cls) {
            f = edgeTarget[lo] as number;
            break;
          }
        }
      }
      fail[target] = f;
      out[target] = patternAt[target] !== NONE ? target : (out[f] as number);
    }
  }
  return trie;
}

/**
 * The automaton. A class, not closures, so that code calling `step` on several automata (tests,
 * benchmarks, pages with different glossaries) sees one function.
 *
 * Its tables for stepping live in one Int32Array, `heap`, so a loop over the text keeps one
 * array base in a register (the matcher puts its own tables at the start and the end):
 * - a dense row of `width` entries per dense state, from `rowsAt` to `rowLimit`: the entry for
 *   class `cls` at `heap[row + cls]` is the next state's row shifted left by one, plus 1 when a
 *   pattern ends there;
 * - then a sparse row per other state: the row of its failure target, a count, and that many
 *   (class, step) pairs, one per edge whose class has a dense column (and, for a space-ended
 *   state, the space staying put). A step on another class is that of the failure target: a
 *   caller follows the failure rows until a pair or a dense row answers.
 * Rows are offsets in `heap`, so a step reads one entry with no multiplication.
 */
export class Automaton implements AhoCorasick {
  readonly patternCount: number;
  /** The class of every UTF-16 unit that is in a pattern; 0 for the others. */
  readonly classOf: Uint16Array;
  /** With a marker: the class of a unit in no pattern that the marker follows (else 0). */
  readonly markedOtherClass: number;
  /** The class of the marker itself (0 without one): for units whose marking needs context. */
  readonly markerClass: number;
  /** Classes below this have dense columns. */
  readonly width: number;
  /** See the class comment. */
  readonly heap: Int32Array;
  readonly rowsAt: number;
  readonly rowLimit: number;
  /** The row to start from: after the marker, when there is one (a text starts at a boundary). */
  readonly startRow: number;
  /** Steps taken off the dense rows (each a walk of edges and failure links), for tests. */
  readonly counts = { slowSteps: 0 };

  private readonly trie: Trie;
  private readonly denseStates: number;
  /** The row of each state past the dense ones, in state order (so rows ascend). */
  private readonly sparseRows: Int32Array;
  private readonly spaceClass: number;
  /** Whether a step on a class also steps over the marker. */
  private readonly marked: Uint8Array;
  /** States a space leaves as they are (with `spaceRuns`). */
  private readonly spaceEnded: Uint8Array;
  private readonly markerAfter: ((unit: number) => boolean) | undefined;

  /** Where the entries left at the end of `heap` for the caller start (see `constructor`). */
  readonly tailAt: number;

  /** `reserve` and `tail`: entries left at the start and at the end of `heap` for the caller. */
  constructor(patterns: readonly string[], options: AutomatonOptions = {}, reserve = 0, tail = 0) {
    const { spaceRuns = false, denseBudget = DENSE_BUDGET, maxWidth = MAX_WIDTH } = options;
    const markerUnit = options.marker?.unit ?? NONE;
    const classes = assignClasses(patterns, maxWidth, markerUnit);
    const trie = buildTrie(patterns, classes);
    this.patternCount = patterns.length;
    this.trie = trie;
    this.classOf = classes.classOf;
    this.width = classes.width;
    this.markerClass = markerUnit === NONE ? 0 : (classes.classOf[markerUnit] as number);
    this.markedOtherClass = markerUnit === NONE ? 0 : 1;
    this.markerAfter = options.marker?.after;
    this.spaceClass = classes.classOf[SPACE] as number;

    this.marked = new Uint8Array(trie.classCount);
    if (options.marker) {
      this.marked[this.markedOtherClass] = 1;
      for (let cls = 2; cls < trie.classCount; cls++) {
        const unit = classes.unitOf[cls] as number;
        this.marked[cls] = unit !== markerUnit && options.marker.after(unit) ? 1 : 0;
      }
    }

    // Entered by a space, or by the marker after a space. A failure target of such a state is
    // one too (or the root), since it ends with the same units.
    this.spaceEnded = new Uint8Array(trie.nodeCount);
    if (spaceRuns && this.spaceClass !== 0) {
      const spaceMarked = this.marked[this.spaceClass] === 1;
      for (let state = 1; state < trie.nodeCount; state++) {
        const cls = trie.incoming[state] as number;
        const spaceEnded = spaceMarked
          ? cls === this.markerClass &&
            trie.incoming[trie.parent[state] as number] === this.spaceClass
          : cls === this.spaceClass;
        if (spaceEnded) this.spaceEnded[state] = 1;
      }
    }

    this.denseStates = Math.max(1, Math.min(trie.nodeCount, Math.floor(denseBudget / this.width)));
    this.rowsAt = reserve;
    this.rowLimit = reserve + this.denseStates * this.width;
    this.sparseRows = new Int32Array(trie.nodeCount - this.denseStates);
    let end = this.rowLimit;
    for (let state = this.denseStates; state < trie.nodeCount; state++) {
      this.sparseRows[state - this.denseStates] = end;
      let pairs = this.spaceEnded[state] as number;
      for (
        let k = trie.edgeStart[state] as number;
        k < (trie.edgeStart[state + 1] as number);
        k++
      ) {
        if ((trie.edgeClass[k] as number) < this.width) pairs++;
      }
      end += 2 + 2 * pairs;
    }
    this.tailAt = end;
    this.heap = new Int32Array(end + tail);
    this.fillDenseRows();
    this.fillSparseRows();
    this.startRow =
      this.markerClass === 0 ? this.rowsAt : this.step(this.rowsAt, this.markerClass) >> 1;
    this.counts.slowSteps = 0;
  }

  private rowOf(state: number): number {
    return state < this.denseStates
      ? this.rowsAt + state * this.width
      : (this.sparseRows[state - this.denseStates] as number);
  }

  private stateOf(row: number): number {
    if (row < this.rowLimit) return Math.floor((row - this.rowsAt) / this.width);
    const rows = this.sparseRows;
    let lo = 0;
    let hi = rows.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((rows[mid] as number) <= row) lo = mid;
      else hi = mid - 1;
    }
    return this.denseStates + lo;
  }

  private encode(state: number): number {
    return (this.rowOf(state) << 1) | (this.trie.out[state] === NONE ? 0 : 1);
  }

  /**
   * The dense rows: full steps (marker and space runs included), encoded. A state's row starts as
   * a copy of its failure target's row, which is shallower, so earlier in BFS order and already
   * complete: a step on a class the state has no edge for is its failure target's step. Then the
   * state's own edges, and the space that stays put on a space-ended state, overwrite their
   * columns. Copies and one pass over the edges: cheap enough for a content script's start-up.
   */
  private fillDenseRows(): void {
    const { width, denseStates, trie, heap, rowsAt, spaceClass, spaceEnded } = this;
    const { edgeStart, edgeClass, edgeTarget, fail } = trie;
    // The root: its edges, else back to the root; and where the marker follows (a unit in no
    // pattern, or any marked class), on over the marker.
    heap[rowsAt] = this.encode(ROOT);
    for (let cls = 1; cls < width; cls++) {
      heap[rowsAt + cls] = this.edgeStep(cls, trie.rootNext[cls] as number, ROOT);
    }
    for (let state = 1; state < denseStates; state++) {
      const row = rowsAt + state * width;
      const failRow = rowsAt + (fail[state] as number) * width;
      heap.copyWithin(row, failRow, failRow + width);
      for (let k = edgeStart[state] as number; k < (edgeStart[state + 1] as number); k++) {
        const cls = edgeClass[k] as number;
        if (cls < width) heap[row + cls] = this.edgeStep(cls, edgeTarget[k] as number, state);
      }
      if (spaceEnded[state] === 1 && spaceClass < width)
        heap[row + spaceClass] = this.encode(state);
    }
  }

  /**
   * The encoded step along an edge on `cls` to `target`, built while the rows of states up to
   * `building` (exclusive) are complete: the target itself, or where the marker then leads.
   */
  private edgeStep(cls: number, target: number, building: number): number {
    if (this.marked[cls] === 0) return this.encode(target);
    const { trie, markerClass, width, rowsAt } = this;
    for (let s = target; ; s = trie.fail[s] as number) {
      if (s < building && s < this.denseStates && markerClass < width) {
        return this.heap[rowsAt + s * width + markerClass] as number;
      }
      if (s === ROOT) return this.encode(trie.rootNext[markerClass] as number);
      const next = childOf(trie, s, markerClass);
      if (next !== NONE) return this.encode(next);
    }
  }

  private fillSparseRows(): void {
    const { trie, heap, width, denseStates, spaceClass, spaceEnded } = this;
    const { edgeStart, edgeClass, edgeTarget, fail } = trie;
    for (let state = denseStates; state < trie.nodeCount; state++) {
      const row = this.sparseRows[state - denseStates] as number;
      heap[row] = this.rowOf(fail[state] as number);
      let pairs = 0;
      for (let k = edgeStart[state] as number; k < (edgeStart[state + 1] as number); k++) {
        const cls = edgeClass[k] as number;
        if (cls >= width) continue;
        heap[row + 2 + 2 * pairs] = cls;
        heap[row + 3 + 2 * pairs] = this.edgeStep(cls, edgeTarget[k] as number, denseStates);
        pairs++;
      }
      if (spaceEnded[state] === 1 && spaceClass < width) {
        heap[row + 2 + 2 * pairs] = spaceClass;
        heap[row + 3 + 2 * pairs] = this.encode(state);
        pairs++;
      }
      heap[row + 1] = pairs;
    }
  }

  /**
   * The full transition (marker and space runs included) from any state on any class. A walk
   * along failure links that reaches a dense state can take that state's entry: the states on
   * the way had no edge for the class, and a state that is not space-ended has no space-ended
   * suffix.
   */
  private fullNext(state: number, cls: number): number {
    if (cls === 0) return ROOT;
    if (cls === this.spaceClass && this.spaceEnded[state] === 1) return state;
    const { trie, denseStates, width } = this;
    let s = state;
    let target: number;
    for (;;) {
      this.counts.slowSteps++;
      if (s < denseStates && cls < width) {
        return this.stateOf((this.heap[this.rowOf(s) + cls] as number) >> 1);
      }
      if (s === ROOT) {
        target = trie.rootNext[cls] as number;
        break;
      }
      const next = childOf(trie, s, cls);
      if (next !== NONE) {
        target = next;
        break;
      }
      s = trie.fail[s] as number;
    }
    // The marker is not itself marked, and it is not a space: one more step at most.
    return this.marked[cls] === 1 ? this.fullNext(target, this.markerClass) : target;
  }

  /** The step from any row on any class (encoded as in the dense rows). */
  step(row: number, cls: number): number {
    if (row < this.rowLimit && cls < this.width) return this.heap[row + cls] as number;
    return this.encode(this.fullNext(this.stateOf(row), cls));
  }

  /** Calls `onMatch(patternIndex)` for every pattern that ends at `row`, longest first. */
  reportsAt(row: number, onMatch: (pattern: number) => void): void {
    const { out, fail, patternAt } = this.trie;
    for (
      let o = out[this.stateOf(row)] as number;
      o !== NONE;
      o = out[fail[o] as number] as number
    ) {
      onMatch(patternAt[o] as number);
    }
  }

  scan(units: Uint16Array, length: number, onMatch: (pattern: number, end: number) => void): void {
    let row = this.startRow;
    for (let i = 0; i < length; i++) {
      const unit = units[i] as number;
      let cls = this.classOf[unit] as number;
      if (cls === 0 && this.markerAfter?.(unit) === true) cls = this.markedOtherClass;
      const next = this.step(row, cls);
      row = next >> 1;
      if ((next & 1) === 1) {
        const end = i + 1;
        this.reportsAt(row, (pattern) => onMatch(pattern, end));
      }
    }
  }
}

/** Builds the automaton; patterns are indexed by position. Empty patterns are ignored. */
export function buildAhoCorasick(
  patterns: readonly string[],
  options: AutomatonOptions = {},
): Automaton {
  return new Automaton(patterns, options);
}
