import { composedParent, isShadowRoot } from './composed-tree';
import { FlowCache } from './layout';

/** A subtree to rescan: an element, or a whole shadow tree. */
export type DirtyRoot = Element | ShadowRoot;

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
 * - Inside an open shadow tree (watched separately, see `PageScanner`) the same rules apply; text
 *   or inline elements straight under the shadow root have no block container there, so the
 *   whole shadow root is rescanned (a component's tree is usually small).
 */
export class DirtyRoots {
  readonly #roots = new Set<DirtyRoot>();
  #flow = new FlowCache();

  get size(): number {
    return this.#roots.size;
  }

  addRecord(record: MutationRecord): void {
    const target = record.target;
    if (record.type === 'characterData') {
      if (target.parentElement) this.#addContainerOf(target.parentElement);
      else if (isShadowRoot(target.parentNode)) this.#roots.add(target.parentNode);
      return;
    }
    const inShadowRoot = isShadowRoot(target);
    if (!(target instanceof Element) && !inShadowRoot) return;
    if (record.type === 'attributes') {
      const el = target as Element;
      this.#addContainerOf(el.parentElement ?? el);
      return;
    }
    for (const added of record.addedNodes) {
      if (added instanceof Element && this.#flow.kind(added) === 'block') this.#roots.add(added);
      else if (added.nodeType === Node.TEXT_NODE || added instanceof Element) {
        if (inShadowRoot) this.#roots.add(target);
        else this.#addContainerOf(target as Element);
      }
    }
  }

  /**
   * The queued roots, minus those gone from the page and those inside another queued root
   * (shadow trees count as inside their host: scanning the host's subtree scans them too).
   */
  take(): DirtyRoot[] {
    const roots = new Set([...this.#roots].filter((root) => root.isConnected));
    this.#roots.clear();
    // Styles may change between batches; don't carry flow answers over.
    this.#flow = new FlowCache();
    const kept: DirtyRoot[] = [];
    for (const root of roots) {
      let inside = false;
      for (let up = composedParent(root); up && !inside; up = composedParent(up)) {
        inside = roots.has(up as DirtyRoot);
      }
      if (!inside) kept.push(root);
    }
    return kept;
  }

  #addContainerOf(el: Element): void {
    this.#roots.add(this.#flow.blockContainer(el));
  }
}
