import * as v from 'valibot';

/**
 * The shape of one bundled glossary entry. The bundled file is parsed against this schema when
 * it is loaded, and a unit test parses it too, so a malformed entry fails CI, not a reader's page.
 */

const nonEmpty = v.pipe(v.string(), v.trim(), v.nonEmpty());

/** Entry ids are stable keys (notes refer to them), so keep them boring: kebab-case ASCII. */
export const EntryIdSchema = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));

/**
 * `en`: English words or phrases, matched case-insensitively unless `case` says otherwise.
 * `zh-Hans` / `zh-Hant`: Chinese characters; matched anywhere (Chinese has no word spaces).
 * `pinyin`: tone-marked Hanyu pinyin, one syllable per space-separated chunk ("chéng xìn").
 */
export const AliasLangSchema = v.picklist(['en', 'zh-Hans', 'zh-Hant', 'pinyin']);

/** `sensitive` is for acronyms: "GRC" is the term, "grc" is not. */
export const CaseRuleSchema = v.picklist(['insensitive', 'sensitive']);

export const AliasSchema = v.object({
  text: nonEmpty,
  lang: AliasLangSchema,
  case: v.optional(CaseRuleSchema, 'insensitive'),
});

export const CategorySchema = v.picklist([
  'concept',
  'system',
  'institution',
  'policy',
  'method',
  'risk',
]);

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
  explanation: nonEmpty,
  seminar: v.object({
    /** Where in the seminar report: section heading and paragraph number. */
    passage: nonEmpty,
    /** What was said there, paraphrased. */
    said: nonEmpty,
  }),
  related: v.array(EntryIdSchema),
});

export const GlossarySchema = v.pipe(
  v.array(GlossaryEntrySchema),
  v.check(
    (entries) => new Set(entries.map((e) => e.id)).size === entries.length,
    'Glossary entry ids must be unique',
  ),
  v.check((entries) => {
    const ids = new Set(entries.map((e) => e.id));
    return entries.every((e) => e.related.every((r) => ids.has(r) && r !== e.id));
  }, 'Every related id must name another entry of the glossary'),
);

export type AliasLang = v.InferOutput<typeof AliasLangSchema>;
export type Alias = v.InferOutput<typeof AliasSchema>;
export type GlossaryEntry = v.InferOutput<typeof GlossaryEntrySchema>;
export type EntryId = GlossaryEntry['id'];
