import type { Glossary, GlossaryEntry } from '../glossary';
import { compileMatcher, type MatchableEntry, type TermMatcher } from '../match';
import type { CustomAlias, CustomTerm } from './schema';

/**
 * The glossary a page is marked with: the bundled entries plus the reader's own, where a custom
 * entry that `overrides` a bundled one hides it entirely (it is neither marked nor listed).
 */

/** A custom entry as the popover and the popup see it. */
export interface CustomLensEntry {
  readonly kind: 'custom';
  readonly id: string;
  readonly term: string;
  readonly aliases: readonly CustomAlias[];
  readonly definition: string;
  readonly explanation?: string | undefined;
  /** The bundled entry this one replaces, if any, and its term (for "Replaces …"). */
  readonly overrides?: string | undefined;
  readonly overridesTerm?: string | undefined;
  /** Custom entries link to nothing. Empty lists keep the code that follows links simple. */
  readonly related: string[];
  readonly notConfusedWith: { id: string; why: string }[];
}

export type LensEntry = GlossaryEntry | CustomLensEntry;

/** Like `Glossary`, with the reader's entries in it. A bundled `Glossary` is one too. */
export interface LensGlossary {
  readonly entries: readonly LensEntry[];
  get(id: string): LensEntry | undefined;
}

export function isCustomEntry(entry: LensEntry): entry is CustomLensEntry {
  return 'kind' in entry && entry.kind === 'custom';
}

function lensEntry(term: CustomTerm, bundled: Glossary): CustomLensEntry {
  return {
    kind: 'custom',
    id: term.id,
    term: term.term,
    aliases: term.aliases,
    definition: term.definition,
    explanation: term.explanation,
    overrides: term.overrides,
    overridesTerm: term.overrides === undefined ? undefined : bundled.get(term.overrides)?.term,
    related: [],
    notConfusedWith: [],
  };
}

/** The merged glossary. With no custom entries it is the bundled glossary itself. */
export function lensGlossary(bundled: Glossary, custom: readonly CustomTerm[]): LensGlossary {
  if (custom.length === 0) return bundled;
  const hidden = new Set(custom.flatMap((term) => term.overrides ?? []));
  const entries: LensEntry[] = [
    ...custom.map((term) => lensEntry(term, bundled)),
    ...bundled.entries.filter((entry) => !hidden.has(entry.id)),
  ];
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  return { entries, get: (id) => byId.get(id) };
}

/**
 * What the matcher is compiled from. Custom entries come first and every custom form is marked
 * `prefer`: `derivePatterns` reads preferred forms first, in entry order, so where a custom form
 * and a bundled one fold to the same pattern, the reader's entry gets the mark. (Two custom
 * entries never share a form: `customGlossaryProblems` refuses that at save time.)
 */
export function matchableEntries(glossary: LensGlossary): MatchableEntry[] {
  return glossary.entries.map((entry) =>
    isCustomEntry(entry)
      ? { id: entry.id, aliases: entry.aliases.map((alias) => ({ ...alias, prefer: true })) }
      : entry,
  );
}

/** The merged glossary and its matcher, compiled once per change of the reader's terms. */
export function buildLens(
  bundled: Glossary,
  custom: readonly CustomTerm[],
): { glossary: LensGlossary; matcher: TermMatcher } {
  const glossary = lensGlossary(bundled, custom);
  return { glossary, matcher: compileMatcher(matchableEntries(glossary)) };
}

/**
 * A glossary that always reads the current one: for UI built once (the popover) on a page whose
 * glossary is replaced when the reader's terms change.
 */
export function liveGlossary(current: () => LensGlossary): LensGlossary {
  return {
    get entries() {
      return current().entries;
    },
    get: (id) => current().get(id),
  };
}
