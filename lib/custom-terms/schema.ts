import * as v from 'valibot';
import { AliasSchema, EntryIdSchema, type Alias } from '../glossary/schema';
import { formatNumber, i18n } from '~/lib/i18n';

/**
 * The reader's own glossary entries ("Your terms"). They are stored in the extension's database
 * (`customTerms`), matched on pages exactly like bundled entries, and may replace a bundled entry
 * (`overrides`). Every way in — the options form, JSON and CSV imports, the message that carries
 * them to content scripts — is checked against these schemas.
 */

/** Limits keep one entry popover-sized and an import something a browser tab can hold. */
export const CUSTOM_LIMITS = {
  termChars: 120,
  aliasChars: 120,
  aliases: 30,
  definitionChars: 200,
  explanationChars: 2_000,
  /** How many custom entries the glossary (and so one import) may hold. */
  entries: 2_000,
  /** Largest import file, in bytes. */
  importBytes: 2_000_000,
} as const;

/**
 * Custom ids start with "custom-", so they can never collide with a bundled id, now or in a later
 * release. After the prefix they follow the bundled rule (kebab-case ASCII), which is also what
 * notes accept as a term id.
 */
export const CustomTermIdSchema = v.pipe(
  v.string(() => i18n.t('problems.idNotText')),
  v.maxLength(80, () => i18n.t('problems.idTooLong')),
  v.regex(/^custom-[a-z0-9]+(?:-[a-z0-9]+)*$/, () => i18n.t('problems.idPattern')),
);

const HAN = /\p{Script=Han}/u;
/** Latin letters (with tone marks or ü), apostrophes between syllables, and spaces. */
const PINYIN = /^[\p{Script=Latin}\p{M}' ]+$/u;

/** A check on the whole alias whose issue is reported at its `text`, so errors name the field. */
const textRule = (ok: (alias: Alias) => boolean, message: () => string) =>
  v.forward<Alias, v.CheckIssue<Alias>, ['text']>(v.check(ok, message), ['text']);

/**
 * One written form, with exactly the bundled alias shape (`en` / `zh-Hans` / `zh-Hant` / `pinyin`,
 * `case: 'sensitive'` for acronyms), plus a length cap and a check that the text fits its language.
 * `standalone` and `prefer` are accepted for a same-shaped file, but a custom form always takes
 * precedence over a bundled one and is marked even when it is an everyday word: the reader chose it.
 */
export const CustomAliasSchema = v.pipe(
  AliasSchema,
  textRule(
    (alias) => alias.text.length <= CUSTOM_LIMITS.aliasChars,
    () => i18n.t('problems.formTooLong', { max: formatNumber(CUSTOM_LIMITS.aliasChars) }),
  ),
  textRule(
    (alias) => !alias.text.includes('|'),
    () => i18n.t('problems.formHasBar'),
  ),
  textRule(
    (alias) => !(alias.lang === 'zh-Hans' || alias.lang === 'zh-Hant') || HAN.test(alias.text),
    () => i18n.t('problems.formNotChinese'),
  ),
  textRule(
    (alias) => alias.lang !== 'en' || !HAN.test(alias.text),
    () => i18n.t('problems.formIsChinese'),
  ),
  textRule(
    (alias) => alias.lang !== 'pinyin' || PINYIN.test(alias.text.normalize('NFC')),
    () => i18n.t('problems.formNotPinyin'),
  ),
);

/** A field's problems, each a whole sentence in the UI's language (read when reported). */
interface TextMessages {
  notText: () => string;
  required?: () => string;
  tooLong: (max: string) => string;
}

const text = (messages: Required<TextMessages>, max: number) =>
  v.pipe(
    v.string(messages.notText),
    v.trim(),
    v.nonEmpty(messages.required),
    v.maxLength(max, () => messages.tooLong(formatNumber(max))),
  );

/** Empty text means "none" for optional fields (a blank CSV cell, an emptied text box). */
const optionalText = (messages: TextMessages, max: number) =>
  v.optional(
    v.pipe(
      v.string(messages.notText),
      v.trim(),
      v.maxLength(max, () => messages.tooLong(formatNumber(max))),
      v.transform((s) => (s === '' ? undefined : s)),
    ),
  );

const OVERRIDES_MESSAGE = () => i18n.t('problems.overridesInvalid');

const TimeSchema = v.pipe(v.number(), v.integer(), v.minValue(0));

/** The fields a reader writes. */
const editableEntries = {
  term: text(
    {
      notText: () => i18n.t('problems.termNotText'),
      required: () => i18n.t('problems.termRequired'),
      tooLong: (max) => i18n.t('problems.termTooLong', { max }),
    },
    CUSTOM_LIMITS.termChars,
  ),
  aliases: v.pipe(
    v.array(CustomAliasSchema, () => i18n.t('problems.formsNotList')),
    v.minLength(1, () => i18n.t('problems.formsNone')),
    v.maxLength(CUSTOM_LIMITS.aliases, () =>
      i18n.t('problems.formsTooMany', { max: formatNumber(CUSTOM_LIMITS.aliases) }),
    ),
  ),
  definition: text(
    {
      notText: () => i18n.t('problems.definitionNotText'),
      required: () => i18n.t('problems.definitionRequired'),
      tooLong: (max) => i18n.t('problems.definitionTooLong', { max }),
    },
    CUSTOM_LIMITS.definitionChars,
  ),
  explanation: optionalText(
    {
      notText: () => i18n.t('problems.explanationNotText'),
      tooLong: (max) => i18n.t('problems.explanationTooLong', { max }),
    },
    CUSTOM_LIMITS.explanationChars,
  ),
  overrides: v.optional(
    v.pipe(
      v.string(OVERRIDES_MESSAGE),
      v.trim(),
      v.check((id) => id === '' || v.is(EntryIdSchema, id), OVERRIDES_MESSAGE),
      v.transform((id) => (id === '' ? undefined : id)),
    ),
  ),
};

/** What the options form sends to be saved: a new entry has no id yet. */
export const CustomTermInputSchema = v.strictObject({
  id: v.optional(CustomTermIdSchema),
  ...editableEntries,
});

/** A custom entry as stored (and as carried to content scripts). */
export const CustomTermSchema = v.strictObject({
  id: CustomTermIdSchema,
  ...editableEntries,
  createdAt: TimeSchema,
  updatedAt: TimeSchema,
});

/** One entry of an import file: the id and times are optional (a hand-written file has none). */
export const CustomTermImportSchema = v.strictObject({
  id: v.optional(CustomTermIdSchema),
  ...editableEntries,
  createdAt: v.optional(TimeSchema),
  updatedAt: v.optional(TimeSchema),
});

export type CustomAlias = v.InferOutput<typeof CustomAliasSchema>;
export type CustomTermInput = v.InferOutput<typeof CustomTermInputSchema>;
export type CustomTerm = v.InferOutput<typeof CustomTermSchema>;
export type CustomTermImport = v.InferOutput<typeof CustomTermImportSchema>;

/** A fresh id for a new custom entry. */
export function newCustomTermId(): string {
  return `custom-${crypto.randomUUID()}`;
}
