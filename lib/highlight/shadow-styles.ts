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
  /** The roots we added the sheet to. Strong refs, pruned of detached ones at each addition. */
  readonly #roots = new Set<ShadowRoot>();

  constructor(css: string) {
    this.#css = css;
  }

  /** Adds our rules to a shadow root (once). */
  adopt(root: ShadowRoot): void {
    const sheet = this.#sheetFor(root);
    if (!sheet) return;
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets.push(sheet);
    this.#roots.add(root);
    // A component the page dropped should not be kept alive by this set.
    for (const known of this.#roots) if (!known.host.isConnected) this.#roots.delete(known);
  }

  /** Takes our rules out of every shadow root they were added to. */
  dispose(): void {
    for (const root of this.#roots) {
      const sheets = root.adoptedStyleSheets;
      const at = this.#sheet ? sheets.indexOf(this.#sheet) : -1;
      if (at >= 0) sheets.splice(at, 1);
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
