import type { Glossary } from '../glossary';
import type { Alias } from '../glossary/schema';
import { foldKeepCase, foldText } from '../match/fold';
import { pinyinSpacings } from '../match/pinyin-spacings';
import { i18n } from '~/lib/i18n';

/**
 * The rules the reader's glossary as a whole must keep so that matching stays unambiguous: what a
 * single entry's schema cannot see. Each problem names the entry and the field, so the options
 * form can put it beside the right control and an import can name the row.
 */

/** The part of a custom entry these rules read. */
export interface RuledEntry {
  readonly id: string;
  readonly term: string;
  readonly aliases: readonly Pick<Alias, 'text' | 'lang' | 'case'>[];
  readonly overrides?: string | undefined;
}

export interface EntryProblem {
  /** The entry with the problem (the later of two that clash). */
  readonly entryId: string;
  readonly term: string;
  readonly field: 'id' | 'term' | 'aliases' | 'overrides';
  /** For `aliases`: which form. */
  readonly aliasIndex?: number;
  readonly message: string;
}

/** How two terms are compared for "the same term": folded (case, accents, width, spacing). */
export function termKey(term: string): string {
  return foldText(term).folded.trim();
}

interface Claim {
  readonly entryId: string;
  readonly term: string;
  readonly aliasIndex: number;
  readonly text: string;
  /** The exact spelling a case-sensitive form demands, or null for any casing. */
  readonly exact: string | null;
}

/**
 * The folded patterns one alias is searched as, the same way the matcher derives them
 * (`lib/match/patterns.ts`): pinyin also in every joined or spaced spelling.
 */
export function aliasPatterns(
  alias: Pick<Alias, 'text' | 'lang' | 'case'>,
): { pattern: string; exact: string | null }[] {
  const kept = foldKeepCase(alias.text).trim();
  const spellings = alias.lang === 'pinyin' ? pinyinSpacings(kept) : [kept];
  return spellings.flatMap((spelling) => {
    const pattern = foldText(spelling).folded.trim();
    return pattern ? [{ pattern, exact: alias.case === 'sensitive' ? spelling : null }] : [];
  });
}

/** Two readings of one pattern both want the same text unless both demand different casings. */
function clash(a: Claim, b: Claim): boolean {
  return a.exact === null || b.exact === null || a.exact === b.exact;
}

/**
 * Every problem of a custom glossary, in entry order; a clash is reported on the later entry.
 * Put the entry being saved (or the imported ones) last to have the problems land on it.
 */
export function customGlossaryProblems(
  entries: readonly RuledEntry[],
  bundled: Glossary,
): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const ids = new Map<string, RuledEntry>();
  const terms = new Map<string, RuledEntry>();
  const claims = new Map<string, Claim[]>();
  const replaced = new Map<string, RuledEntry>();

  for (const entry of entries) {
    const at = { entryId: entry.id, term: entry.term };
    if (ids.has(entry.id)) {
      problems.push({ ...at, field: 'id', message: i18n.t('problems.idTwice', { id: entry.id }) });
    }
    ids.set(entry.id, entry);

    const key = termKey(entry.term);
    const sameTerm = terms.get(key);
    if (sameTerm && sameTerm.id !== entry.id) {
      problems.push({
        ...at,
        field: 'term',
        message: i18n.t('problems.termTwice', { term: sameTerm.term }),
      });
    } else terms.set(key, entry);

    entry.aliases.forEach((alias, aliasIndex) => {
      const reported = new Set<string>();
      for (const { pattern, exact } of aliasPatterns(alias)) {
        const claim: Claim = { ...at, aliasIndex, text: alias.text, exact };
        const list = claims.get(pattern) ?? [];
        const other = list.find((c) => c.entryId !== entry.id && clash(c, claim));
        if (other && !reported.has(other.entryId)) {
          reported.add(other.entryId);
          problems.push({
            ...at,
            field: 'aliases',
            aliasIndex,
            message:
              other.text === alias.text
                ? i18n.t('problems.formTaken', { form: alias.text, term: other.term })
                : i18n.t('problems.formSameOnPages', {
                    form: alias.text,
                    other: other.text,
                    term: other.term,
                  }),
          });
        }
        list.push(claim);
        claims.set(pattern, list);
      }
    });

    if (entry.overrides !== undefined) {
      const target = bundled.get(entry.overrides);
      const earlier = replaced.get(entry.overrides);
      if (!target) {
        problems.push({
          ...at,
          field: 'overrides',
          message: i18n.t('problems.noSuchBundled', { id: entry.overrides }),
        });
      } else if (earlier && earlier.id !== entry.id) {
        problems.push({
          ...at,
          field: 'overrides',
          message: i18n.t('problems.alreadyReplaced', {
            term: earlier.term,
            replaced: target.term,
          }),
        });
      } else replaced.set(entry.overrides, entry);
    }
  }
  return problems;
}

const bundledPatternCache = new WeakMap<Glossary, Map<string, { id: string; term: string }[]>>();

function bundledPatterns(bundled: Glossary): Map<string, { id: string; term: string }[]> {
  let map = bundledPatternCache.get(bundled);
  if (!map) {
    map = new Map();
    for (const entry of bundled.entries) {
      for (const alias of entry.aliases) {
        for (const { pattern } of aliasPatterns(alias)) {
          const list = map.get(pattern) ?? [];
          if (!list.some((e) => e.id === entry.id)) list.push({ id: entry.id, term: entry.term });
          map.set(pattern, list);
        }
      }
    }
    bundledPatternCache.set(bundled, map);
  }
  return map;
}

/**
 * Bundled entries that also claim one of this alias's forms. Not an error: the reader's form wins
 * on pages (that is what overriding means). The form says so, so it is no surprise.
 */
export function bundledClaimants(
  alias: Pick<Alias, 'text' | 'lang' | 'case'>,
  bundled: Glossary,
  except?: string,
): { id: string; term: string }[] {
  const map = bundledPatterns(bundled);
  const found = new Map<string, { id: string; term: string }>();
  for (const { pattern } of aliasPatterns(alias)) {
    for (const entry of map.get(pattern) ?? []) {
      if (entry.id !== except) found.set(entry.id, entry);
    }
  }
  return [...found.values()];
}
