/**
 * Names under which our ranges live in `CSS.highlights`. The registry is shared with the page, so
 * every name carries our prefix; tests and benchmarks find our work by it.
 */
export const TERM_HIGHLIGHT = 'credit-lens-term';
/** The term whose popover is open, drawn over the ordinary mark. */
export const ACTIVE_HIGHLIGHT = 'credit-lens-active';
