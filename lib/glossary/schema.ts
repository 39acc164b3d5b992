import * as v from 'valibot';
import { foldText } from '../match/fold';

/**
 * The shape of one bundled glossary entry. The bundled files are parsed against this schema when
 * they are loaded, and a unit test parses them too, so a malformed entry fails CI, not a reader's
 * page.
 */

const nonEmpty = v.pipe(v.string(), v.trim(), v.nonEmpty());

/** Entry ids are stable keys (notes refer to them), so keep them boring: kebab-case ASCII. */
export const EntryIdSchema = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));

/**
 * `en`: English words or phrases, matched case-insensitively unless `case` says otherwise.
 * `zh-Hans` / `zh-Hant`: Chinese characters; matched anywhere (Chinese has no word spaces).
 * `pinyin`: tone-marked Hanyu pinyin, one syllable per space-separated chunk ("chéng xìn"); the
 * matcher derives the toneless, joined and hyphenated spellings itself.
 */
export const AliasLangSchema = v.picklist(['en', 'zh-Hans', 'zh-Hant', 'pinyin']);

/** `sensitive` is for acronyms: "GRC" is the term, "grc" is not. */
export const CaseRuleSchema = v.picklist(['insensitive', 'sensitive']);

export const AliasSchema = v.object({
  text: nonEmpty,
  lang: AliasLangSchema,
  case: v.optional(CaseRuleSchema, 'insensitive'),
  /**
   * A single English word is marked on its own only when the entry opts in here. Ordinary words
   * ("credit", "risk", "governance") would otherwise light up every news page; proper names such
   * as "Equifax" are the kind of word that earns the flag.
   */
  standalone: v.optional(v.boolean(), false),
  /**
   * When two entries list the same written form, the one that sets `prefer` gets the mark. Without
   * it, a shared form is an error: the reader would see one entry and never learn of the other.
   */
  prefer: v.optional(v.boolean(), false),
});

/** Which part of the field an entry belongs to; the glossary page filters by it. */
export const CategorySchema = v.picklist(['china', 'western', 'shared', 'institutions']);

export const CATEGORY_LABELS: Record<Category, string> = {
  china: "China's system",
  western: 'US and Western practice',
  shared: 'Shared concepts',
  institutions: 'Institutions and people',
};

/** Where a fact in the entry comes from: a document named with its author and year. */
export const SourceSchema = v.object({
  title: nonEmpty,
  /** Who issued or published it ("State Council of the PRC", "Zhonghongwang"). */
  by: nonEmpty,
  year: v.pipe(v.number(), v.integer(), v.minValue(1900), v.maxValue(2100)),
  /** What the source supports, when that is not obvious from its title. */
  note: v.optional(nonEmpty),
});

/** A term readers often mix this one up with, and the difference in a sentence. */
export const ConfusionSchema = v.object({
  id: EntryIdSchema,
  why: v.pipe(nonEmpty, v.maxLength(240)),
});

export const GlossaryEntrySchema = v.object({
  id: EntryIdSchema,
  /** How the term is shown as the popover's heading. */
  term: nonEmpty,
  /** Every written form that should be marked on a page (Chinese and pinyin forms included). */
  aliases: v.pipe(v.array(AliasSchema), v.minLength(1)),
  chinese: v.optional(v.object({ simplified: nonEmpty, traditional: nonEmpty })),
  /** Tone-marked, syllables separated by spaces, e.g. "chéng xìn". */
  pinyin: v.optional(nonEmpty),
  category: CategorySchema,
  /** One or two sentences; what the popover shows first. */
  definition: v.pipe(nonEmpty, v.maxLength(200)),
  /** Two to five sentences: what the word means in this field. */
  explanation: nonEmpty,
  seminar: v.object({
    /** Where in the seminar report: `"Section heading", ¶N`. */
    passage: nonEmpty,
    /** What was said there, paraphrased. */
    said: nonEmpty,
  }),
  related: v.array(EntryIdSchema),
  notConfusedWith: v.optional(v.array(ConfusionSchema), []),
  sources: v.pipe(v.array(SourceSchema), v.minLength(1)),
});

/** The form the matcher searches for: folded, and exact for case-sensitive aliases. */
function claimedForm(alias: v.InferOutput<typeof AliasSchema>): string {
  const folded = foldText(alias.text).folded.trim();
  return alias.case === 'sensitive' ? `${alias.text}\u0000exact` : folded;
}

type Entries = v.InferOutput<typeof GlossaryEntrySchema>[];

/** Cross-entry problems, each naming the entries involved, so a failed load says what to fix. */
export function glossaryProblems(entries: Entries): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const entry of entries) {
    if (ids.has(entry.id)) problems.push(`Entry id "${entry.id}" is used twice`);
    ids.add(entry.id);
  }
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  for (const entry of entries) {
    for (const other of entry.related) {
      const target = byId.get(other);
      if (other === entry.id) problems.push(`${entry.id} lists itself as related`);
      else if (!target) problems.push(`${entry.id}: related entry "${other}" does not exist`);
      else if (!target.related.includes(entry.id)) {
        problems.push(`${entry.id} links to ${other}, but ${other} does not link back`);
      }
    }
    for (const { id } of entry.notConfusedWith) {
      if (id === entry.id) problems.push(`${entry.id} is "not to be confused with" itself`);
      else if (!byId.has(id))
        problems.push(`${entry.id}: "not to be confused with" entry "${id}" does not exist`);
    }
  }
  // A written form claimed by two entries needs exactly one of them to declare precedence.
  const claimants = new Map<string, { id: string; prefer: boolean }[]>();
  for (const entry of entries) {
    for (const alias of entry.aliases) {
      const form = claimedForm(alias);
      const list = claimants.get(form) ?? [];
      if (!list.some((c) => c.id === entry.id)) list.push({ id: entry.id, prefer: alias.prefer });
      claimants.set(form, list);
    }
  }
  for (const [form, list] of claimants) {
    if (list.length < 2) continue;
    const preferred = list.filter((c) => c.prefer).length;
    if (preferred !== 1) {
      const who = list.map((c) => c.id).join(', ');
      problems.push(
        `"${form.replace('\u0000exact', '')}" is claimed by ${who}; exactly one must set "prefer"`,
      );
    }
  }
  return problems;
}

export const GlossarySchema = v.pipe(
  v.array(GlossaryEntrySchema),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    for (const message of glossaryProblems(dataset.value)) addIssue({ message });
  }),
);

export type AliasLang = v.InferOutput<typeof AliasLangSchema>;
export type Alias = v.InferOutput<typeof AliasSchema>;
export type Category = v.InferOutput<typeof CategorySchema>;
export type Source = v.InferOutput<typeof SourceSchema>;
export type GlossaryEntry = v.InferOutput<typeof GlossaryEntrySchema>;
export type EntryId = GlossaryEntry['id'];
