import type { Glossary } from '../glossary';
import type { TermMatcher } from '../match';
import { buildLens, type LensGlossary } from './lens-glossary';
import type { CustomTerm } from './schema';

export interface FollowOptions {
  bundled: Glossary;
  /** Fetches the reader's terms (in a content script: a message to the background). */
  fetchTerms: () => Promise<CustomTerm[]>;
  /** Calls back on every change of the reader's terms; returns a function that stops. */
  watchRevision: (onChange: () => void) => () => void;
  /** Receives each new glossary and matcher (the page lens rescans with them). */
  apply: (glossary: LensGlossary, matcher: TermMatcher) => void | Promise<void>;
  onError?: (error: unknown) => void;
}

/**
 * Keeps a page's glossary in step with the reader's terms: fetches them now and after every
 * change, and hands over a new glossary and matcher. The page is marked with the bundled terms
 * meanwhile, so start-up never waits for the round trip; with no custom terms (most readers)
 * nothing is recompiled or rescanned. A slow answer overtaken by a newer one is dropped.
 */
export function followCustomTerms({
  bundled,
  fetchTerms,
  watchRevision,
  apply,
  onError = (error) => console.warn('[Credit Lens] your terms could not be loaded', error),
}: FollowOptions): () => void {
  let stopped = false;
  let latest = 0;
  /** Whether the page currently has custom terms in its glossary. */
  let hasCustom = false;

  const load = async () => {
    const request = ++latest;
    const started = performance.now();
    try {
      const terms = await fetchTerms();
      if (stopped || request !== latest) return;
      const fetched = performance.now();
      if (terms.length === 0 && !hasCustom) return;
      hasCustom = terms.length > 0;
      const { glossary, matcher } = buildLens(bundled, terms);
      // Observability: the round trip to the background and the recompile, before the rescan.
      performance.measure('credit-lens:custom-terms', {
        start: started,
        end: performance.now(),
        detail: { terms: terms.length, fetchMs: fetched - started },
      });
      await apply(glossary, matcher);
    } catch (error) {
      if (!stopped) onError(error);
    }
  };

  const unwatch = watchRevision(() => void load());
  void load();
  return () => {
    stopped = true;
    unwatch();
  };
}
