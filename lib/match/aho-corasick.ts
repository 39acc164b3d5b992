/**
 * Aho–Corasick over UTF-16 code units: finds every occurrence of every pattern in one pass, at a
 * cost per text unit that does not depend on how many patterns there are.
 *
 * The trie is built with maps, then frozen into flat typed arrays, in breadth-first order so that
 * the busy upper levels sit together in memory:
 * - code units are renamed to a dense alphabet ("classes"); a unit in no pattern is class 0 and
 *   sends the automaton straight back to the root without any lookup;
 * - the root, which is visited most, has a direct table from class to child;
 * - other nodes keep their edges sorted by class, in one shared array (compressed rows);
 * - failure links, plus an output link per node to the nearest node (itself or along its failure
 *   chain) where a pattern ends, so reporting walks only real matches.
 */

export interface AhoCorasick {
  readonly patternCount: number;
  /**
   * Calls `onMatch(patternIndex, end)` for every occurrence in `units[0, length)`, by increasing
   * `end` (exclusive); at equal `end`, longer patterns first.
   */
  scan(units: Uint16Array, length: number, onMatch: (pattern: number, end: number) => void): void;
}

const ROOT = 0;
const NONE = -1;
/** Up to this many edges a linear scan beats a binary search. */
const LINEAR_LIMIT = 8;

/** Builds the automaton; patterns are indexed by position. Empty patterns are ignored. */
export function buildAhoCorasick(patterns: readonly string[]): AhoCorasick {
  const classOf = new Int32Array(0x10000);
  let classCount = 0;
  for (const pattern of patterns) {
    for (let i = 0; i < pattern.length; i++) {
      const unit = pattern.charCodeAt(i);
      if (classOf[unit] === 0) classOf[unit] = ++classCount;
    }
  }

  // The trie, in build form.
  const children: Map<number, number>[] = [new Map()];
  const terminal: number[] = [NONE];
  patterns.forEach((pattern, index) => {
    if (pattern.length === 0) return;
    let node = ROOT;
    for (let i = 0; i < pattern.length; i++) {
      const cls = classOf[pattern.charCodeAt(i)] as number;
      let next = (children[node] as Map<number, number>).get(cls);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        terminal.push(NONE);
        (children[node] as Map<number, number>).set(cls, next);
      }
      node = next;
    }
    if (terminal[node] === NONE) terminal[node] = index; // a duplicate keeps the first index
  });

  // Breadth-first order: parents before children, which failure links need, and good locality.
  const order: number[] = [ROOT];
  for (let k = 0; k < order.length; k++) {
    for (const child of (children[order[k] as number] as Map<number, number>).values()) {
      order.push(child);
    }
  }
  const nodeCount = order.length;
  const renamed = new Int32Array(nodeCount);
  order.forEach((node, index) => (renamed[node] = index));

  const edgeStart = new Int32Array(nodeCount + 1);
  const edgeCount = nodeCount - 1;
  const edgeClass = new Int32Array(edgeCount);
  const edgeTarget = new Int32Array(edgeCount);
  const rootNext = new Int32Array(classCount + 1); // 0 means "stay at the root"
  const patternAt = new Int32Array(nodeCount);
  let e = 0;
  order.forEach((node, index) => {
    edgeStart[index] = e;
    patternAt[index] = terminal[node] as number;
    const sorted = [...(children[node] as Map<number, number>)].sort((a, b) => a[0] - b[0]);
    for (const [cls, child] of sorted) {
      edgeClass[e] = cls;
      edgeTarget[e] = renamed[child] as number;
      e++;
      if (index === ROOT) rootNext[cls] = renamed[child] as number;
    }
  });
  edgeStart[nodeCount] = e;

  function child(node: number, cls: number): number {
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

  // Failure links and output links, level by level (nodes are already in BFS order).
  const fail = new Int32Array(nodeCount);
  const out = new Int32Array(nodeCount).fill(NONE);
  for (let node = 0; node < nodeCount; node++) {
    for (let k = edgeStart[node] as number; k < (edgeStart[node + 1] as number); k++) {
      const cls = edgeClass[k] as number;
      const target = edgeTarget[k] as number;
      let f = NONE;
      if (node !== ROOT) {
        let s = fail[node] as number;
        for (;;) {
          f = s === ROOT ? (rootNext[cls] as number) : child(s, cls);
          if (f !== NONE || s === ROOT) break;
          s = fail[s] as number;
        }
      }
      fail[target] = f === NONE ? ROOT : f;
      out[target] = patternAt[target] !== NONE ? target : (out[fail[target] as number] as number);
    }
  }

  function scan(
    units: Uint16Array,
    length: number,
    onMatch: (pattern: number, end: number) => void,
  ): void {
    let state = ROOT;
    for (let i = 0; i < length; i++) {
      const cls = classOf[units[i] as number] as number;
      if (cls === 0) {
        state = ROOT;
        continue;
      }
      for (;;) {
        if (state === ROOT) {
          state = rootNext[cls] as number;
          break;
        }
        const next = child(state, cls);
        if (next !== NONE) {
          state = next;
          break;
        }
        state = fail[state] as number;
      }
      for (let o = out[state] as number; o !== NONE; o = out[fail[o] as number] as number) {
        onMatch(patternAt[o] as number, i + 1);
      }
    }
  }

  return { patternCount: patterns.length, scan };
}
