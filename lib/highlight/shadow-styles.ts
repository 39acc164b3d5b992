/**
 * Our `::highlight()` rules for the open shadow trees of web components.
 *
 * Why: a `::highlight()` rule styles highlighted text through its originating element, and
 * document stylesheets (our manifest CSS among them) do not reach elements inside a shadow tree.
 * Firefox 153 follows that strictly: a term found inside a component is registered but not drawn.
 * (Chromium 156 draws it with the document's rules; the added sheet changes nothing there.)
 *
 * How: one constructed stylesheet holding the same rules, appended to the shadow root's
 * `adoptedStyleSheets`. No node is inserted, and the component's own sheets stay as they are, in
 * their order, ahead of ours. The trade-off: the component's list of sheets does change, which a
 * component that inspects `adoptedStyleSheets` could see; and our sheet only has `::highlight()`
 * rules for names with our prefix, so it cannot change how anything else in the component looks.
 * The sheet is taken out again when marking stops or the extension goes away.
 */
export class ShadowHighlightStyles {
  readonly #css: string;
  #sheet: CSSStyleSheet | undefined;
  /**
   * The roots we added the sheet to, for `dispose`. Those whose host has left the page are
   * dropped now and then, so a page that churns components does not grow this without end; one
   * that comes back is found by the next scan of it and added again.
   */
  readonly #roots = new Set<ShadowRoot>();
  /** When the set reaches this size, roots whose host has left the page are dropped from it. */
  #pruneAt = 64;

  constructor(css: string) {
    this.#css = css;
  }

  /** Adds our rules to a shadow root, unless they are there already. */
  adopt(root: ShadowRoot): void {
    const sheet = this.#sheetFor(root);
    if (!sheet) return;
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets.push(sheet);
    this.#roots.add(root);
    if (this.#roots.size >= this.#pruneAt) {
      for (const known of this.#roots) if (!known.host.isConnected) this.#roots.delete(known);
      this.#pruneAt = Math.max(64, this.#roots.size * 2);
    }
  }

  /** Takes our rules out of every shadow root they were added to. */
  dispose(): void {
    const sheet = this.#sheet;
    for (const root of this.#roots) {
      const at = sheet ? root.adoptedStyleSheets.indexOf(sheet) : -1;
      if (at >= 0) root.adoptedStyleSheets.splice(at, 1);
    }
    this.#roots.clear();
  }

  /**
   * The one sheet, shared by every shadow root of this document (a constructed sheet can only be
   * adopted in the document it was made for: the content script's own, as each frame has its own
   * script). Undefined where constructed sheets are not supported.
   */
  #sheetFor(root: ShadowRoot): CSSStyleSheet | undefined {
    if (!this.#sheet && 'adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function') {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(this.#css);
      this.#sheet = sheet;
    }
    return this.#sheet;
  }
}
