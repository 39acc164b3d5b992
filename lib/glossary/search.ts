import { foldText } from '../match/fold';
import type { GlossaryEntry } from './schema';

/*
 * Searching the glossary page. Queries and entries are folded exactly as the matcher folds page
 * text (`foldText`: tone marks and accents dropped, lower case, full-width narrowed), so a reader
 * who types what they saw marked on a page finds the entry that marked it.
 *
 * Pinyin is written joined, spaced or hyphenated ("xinyong", "xin yong", "xìn-yòng"), and English
 * names vary the same way ("top-level design", "top level design"). Names are therefore compared
 * in a compact form with spaces and punctuation removed. Definitions are compared word by word,
 * at word starts, so "act" does not find "contract".
 */

/** How well an entry matched, best first; the page shows entries in this order. */
export type SearchTier = 'exact' | 'prefix' | 'name' | 'text';

const TIER_ORDER: Record<SearchTier, number> = { exact: 0, prefix: 1, name: 2, text: 3 };

export interface SearchHit {
  readonly entry: GlossaryEntry;
  readonly tier: SearchTier;
}

interface EntryRecord {
  readonly entry: GlossaryEntry;
  /** Compact folded names: term, its parts, aliases, Chinese and pinyin. */
  readonly names: readonly string[];
  /** Folded words of the definition, each preceded by a space (so " word" finds a word start). */
  readonly definition: string;
  readonly explanation: string;
  /** Names as words too, so a query's words may come from a name and the definition together. */
  readonly nameWords: string;
}

/** Entries prepared once for repeated searching, in the page's default order (by term). */
export interface SearchIndex {
  readonly entries: readonly GlossaryEntry[];
  readonly records: readonly EntryRecord[];
}

const NOT_WORD = /[^\p{L}\p{N}]+/gu;
const HAN = /\p{Script=Han}/u;

function fold(text: string): string {
  return foldText(text).folded;
}

/** Folded, with spaces and punctuation gone: "Xìn yòng" and "xin-yong" are both "xinyong". */
export function compactForm(text: string): string {
  return fold(text).replace(NOT_WORD, '');
}

/** Folded words, each preceded by one space: " social credit system". */
function wordForm(text: string): string {
  const words = fold(text)
    .split(NOT_WORD)
    .filter((word) => word.length > 0);
  return words.length === 0 ? '' : ` ${words.join(' ')}`;
}

/**
 * The names an entry answers to. A term with a gloss in parentheses ("Chengxin (integrity)",
 * "GRC (governance, risk and compliance)") is also known by each half.
 */
function entryNames(entry: GlossaryEntry): string[] {
  const names = [entry.term, ...entry.aliases.map((alias) => alias.text)];
  const glossed = /^(.*?)\s*\((.+)\)\s*$/u.exec(entry.term);
  if (glossed) names.push(glossed[1]!, glossed[2]!);
  if (entry.chinese) names.push(entry.chinese.simplified, entry.chinese.traditional);
  if (entry.pinyin) names.push(entry.pinyin);
  const compact = names.map(compactForm).filter((name) => name.length > 0);
  return [...new Set(compact)];
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Entries in the page's default order: by term, as a reader would alphabetise them. */
export function sortByTerm(entries: readonly GlossaryEntry[]): GlossaryEntry[] {
  return [...entries].sort((a, b) => collator.compare(a.term, b.term));
}

export function buildSearchIndex(entries: readonly GlossaryEntry[]): SearchIndex {
  const sorted = sortByTerm(entries);
  const records = sorted.map((entry) => {
    const names = entryNames(entry);
    return {
      entry,
      names,
      definition: wordForm(entry.definition),
      explanation: wordForm(entry.explanation),
      nameWords: [entry.term, ...entry.aliases.map((alias) => alias.text)].map(wordForm).join(''),
    };
  });
  return { entries: sorted, records };
}

/** Whether `words` (in word form) contains `word` at a word start; Chinese has no word starts. */
function hasWord(words: string, word: string): boolean {
  return HAN.test(word) ? words.includes(word) : words.includes(` ${word}`);
}

/** Ranks words found across a name after every name that contains the query whole. */
const SCATTERED_IN_NAMES = Number.MAX_SAFE_INTEGER;

interface Rank {
  tier: SearchTier;
  /** Within a tier, lower is closer: the length of the matched name, or where the text matched. */
  detail: number;
}

function rank(record: EntryRecord, compact: string, phrase: string, words: string[]): Rank | null {
  let best: Rank | null = null;
  for (const name of record.names) {
    let found: Rank | null = null;
    if (name === compact) found = { tier: 'exact', detail: 0 };
    else if (name.startsWith(compact)) found = { tier: 'prefix', detail: name.length };
    else if (name.includes(compact)) found = { tier: 'name', detail: name.length };
    if (found && (!best || compareRanks(found, best) < 0)) best = found;
  }
  if (best) return best;
  // Every word in some name ("risk compliance" for "governance, risk and compliance").
  if (words.every((word) => hasWord(record.nameWords, word))) {
    return { tier: 'name', detail: SCATTERED_IN_NAMES };
  }
  // The whole phrase in the definition beats it in the explanation, which beats scattered words.
  if (hasWord(record.definition, phrase)) return { tier: 'text', detail: 0 };
  if (hasWord(record.explanation, phrase)) return { tier: 'text', detail: 1 };
  const everywhere = record.nameWords + record.definition + record.explanation;
  if (words.every((word) => hasWord(everywhere, word))) return { tier: 'text', detail: 2 };
  return null;
}

function compareRanks(a: Rank, b: Rank): number {
  return TIER_ORDER[a.tier] - TIER_ORDER[b.tier] || a.detail - b.detail;
}

/**
 * The entries that match `query`, best first, each with how it matched: the query is a whole
 * name (term, alias, Chinese or pinyin); a name starts with it; a name contains it; its words are
 * in the definition or explanation. Ties keep the default order. A blank query ranks nothing.
 */
export function rankEntries(index: SearchIndex, query: string): SearchHit[] {
  const compact = compactForm(query);
  const words = fold(query)
    .split(NOT_WORD)
    .filter((word) => word.length > 0);
  if (compact.length === 0 || words.length === 0) return [];
  const phrase = words.join(' ');
  const ranked: { hit: SearchHit; rank: Rank; position: number }[] = [];
  index.records.forEach((record, position) => {
    const found = rank(record, compact, phrase, words);
    if (found)
      ranked.push({ hit: { entry: record.entry, tier: found.tier }, rank: found, position });
  });
  ranked.sort((a, b) => compareRanks(a.rank, b.rank) || a.position - b.position);
  return ranked.map(({ hit }) => hit);
}

/** What the glossary page lists for a query: every entry when it is blank, else the ranked ones. */
export function searchGlossary(index: SearchIndex, query: string): readonly GlossaryEntry[] {
  if (isBlankQuery(query)) return index.entries;
  return rankEntries(index, query).map((hit) => hit.entry);
}

/** True when the query is blank: nothing to search for, every entry shown. */
export function isBlankQuery(query: string): boolean {
  return compactForm(query).length === 0;
}
