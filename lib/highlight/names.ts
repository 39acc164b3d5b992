import type { HighlightStyle } from '../settings';

/*
 * Names under which our ranges live in `CSS.highlights`. The registry is shared with the page, so
 * every name carries our prefix; tests and benchmarks find our work by it.
 *
 * Each highlight style is its own name with its own `::highlight()` rule (content-script CSS,
 * `entrypoints/content/highlights.css`): switching style moves one `Highlight` object to another
 * name, and the page's DOM is never touched (no class on <html>, no inline style).
 */

/** Every marked term, in the default style (a shaded background with a dotted underline). */
export const TERM_HIGHLIGHT = 'credit-lens-term';

/** The highlight name of the marked terms for each style. */
export const TERM_HIGHLIGHT_BY_STYLE: Readonly<Record<HighlightStyle, string>> = {
  background: TERM_HIGHLIGHT,
  underline: 'credit-lens-term-underline',
  // No rule draws this one: the terms are only seen through the hover and active highlights.
  hover: 'credit-lens-term-on-hover',
};

/** The term under the pointer, before (and while) its popover opens. */
export const HOVER_HIGHLIGHT = 'credit-lens-hover';
/** The term whose popover is open, drawn over the ordinary mark. */
export const ACTIVE_HIGHLIGHT = 'credit-lens-active';
/** A brief extra emphasis on a term the reader was sent to from the popup's list. */
export const FLASH_HIGHLIGHT = 'credit-lens-flash';
