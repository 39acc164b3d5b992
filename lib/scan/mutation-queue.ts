import { FlowCache } from './layout';

/**
 * Turns the page's DOM mutations into the smallest set of subtrees to rescan.
 *
 * - Added text or inline elements can join the text around them, so their block container is
 *   rescanned; an added block element holds whole runs of its own, so only it is.
 * - Changed text: its block container is rescanned.
 * - Removed nodes: their matches are dropped at once (the caller does this synchronously, so the
 *   reader never sees a mark on text that is gone); nothing is rescanned, because removing text
 *   does not create a term that was not there before (joining two halves across a removed `<br>`
 *   is the rare exception we accept).
 * - `hidden` / `aria-hidden` / `open` / `contenteditable` changes: the element's block container.
 */
export class DirtyRoots {
  readonly #roots = new Set<Element>();
  #flow = new FlowCache();

  get size(): number {
    return this.#roots.size;
  }

  addRecord(record: MutationRecord): void {
    const target = record.target;
    if (record.type === 'characterData') {
      if (target.parentElement) this.#addContainerOf(target.parentElement);
      return;
    }
    if (!(target instanceof Element)) return;
    if (record.type === 'attributes') {
      this.#addContainerOf(target.parentElement ?? target);
      return;
    }
    for (const added of record.addedNodes) {
      if (added instanceof Element && this.#flow.kind(added) === 'block') this.#roots.add(added);
      else if (added.nodeType === Node.TEXT_NODE || added instanceof Element) {
        this.#addContainerOf(target);
      }
    }
  }

  /** The queued roots, minus those gone from the page and those inside another queued root. */
  take(): Element[] {
    const roots = [...this.#roots].filter((root) => root.isConnected);
    this.#roots.clear();
    // Styles may change between batches; don't carry flow answers over.
    this.#flow = new FlowCache();
    // In document order a root inside another follows it, with only that root's other
    // descendants in between, so comparing against the last kept root is enough.
    roots.sort((a, b) =>
      a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    );
    const kept: Element[] = [];
    for (const root of roots) {
      const last = kept[kept.length - 1];
      if (!last?.contains(root)) kept.push(root);
    }
    return kept;
  }

  #addContainerOf(el: Element): void {
    this.#roots.add(this.#flow.blockContainer(el));
  }
}
