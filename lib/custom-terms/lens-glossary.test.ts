import { describe, expect, it } from 'vitest';
import { bundledGlossary } from '../glossary';
import { buildLens, isCustomEntry } from './lens-glossary';
import { customGlossaryProblems } from './rules';
import type { CustomTerm } from './schema';

const bundled = bundledGlossary();

function custom(
  id: string,
  fields: Partial<CustomTerm> & Pick<CustomTerm, 'term' | 'aliases'>,
): CustomTerm {
  return {
    id: `custom-${id}`,
    definition: `${fields.term}, as I use it.`,
    createdAt: 1,
    updatedAt: 1,
    ...fields,
  };
}

const alias = (
  text: string,
  lang: 'en' | 'zh-Hans' | 'zh-Hant' | 'pinyin' = 'en',
  sensitive = false,
) => ({
  text,
  lang,
  case: sensitive ? ('sensitive' as const) : ('insensitive' as const),
  standalone: false,
  prefer: false,
});

/** The marked texts and their entries, in page order. */
function marks(lens: ReturnType<typeof buildLens>, text: string): [string, string][] {
  return lens.matcher.find(text).map((m) => [text.slice(m.start, m.end), m.entryId]);
}

describe('the merged glossary', () => {
  it('is the bundled glossary itself when the reader has no terms', () => {
    expect(buildLens(bundled, []).glossary).toBe(bundled);
  });

  it('marks a custom term exactly like a bundled one: folded, pinyin spacings, Chinese, acronyms', () => {
    const lens = buildLens(bundled, [
      custom('hukou', {
        term: 'Hukou',
        aliases: [alias('hù kǒu', 'pinyin'), alias('户口', 'zh-Hans'), alias('戶口', 'zh-Hant')],
      }),
      custom('fcra', {
        term: 'FCRA',
        aliases: [alias('FCRA', 'en', true), alias('Fair Credit Reporting Act')],
      }),
    ]);
    const text =
      'Hukou, hu kou, HÙKǑU and 户口/戶口; the FCRA (not fcra) and the fair credit reporting act.';
    expect(marks(lens, text)).toEqual([
      ['Hukou', 'custom-hukou'],
      ['hu kou', 'custom-hukou'],
      ['HÙKǑU', 'custom-hukou'],
      ['户口', 'custom-hukou'],
      ['戶口', 'custom-hukou'],
      ['FCRA', 'custom-fcra'],
      ['fair credit reporting act', 'custom-fcra'],
    ]);
    // Bundled terms are still marked alongside.
    expect(marks(lens, 'chéngxìn and 诚信')).toEqual([
      ['chéngxìn', 'chengxin'],
      ['诚信', 'chengxin'],
    ]);
  });

  it('gives a form a custom entry shares with a bundled one to the custom entry, and leaves the rest bundled', () => {
    const lens = buildLens(bundled, [
      custom('my-integrity', { term: 'Integrity, my sense', aliases: [alias('诚信', 'zh-Hans')] }),
    ]);
    expect(marks(lens, '诚信 and 誠信 and chengxin')).toEqual([
      ['诚信', 'custom-my-integrity'],
      ['誠信', 'chengxin'],
      ['chengxin', 'chengxin'],
    ]);
    expect(lens.glossary.get('chengxin')?.term).toBe('Chengxin (integrity)');
  });

  it('wins even over a bundled form that itself sets "prefer", and over a case-sensitive acronym', () => {
    // No bundled form sets "prefer" today; a glossary where 诚信 does stands in for a later one.
    const entries = bundled.entries.map((entry) =>
      entry.id === 'chengxin'
        ? { ...entry, aliases: entry.aliases.map((a) => ({ ...a, prefer: a.text === '诚信' })) }
        : entry,
    );
    const preferring = { entries, get: (id: string) => entries.find((e) => e.id === id) };
    const lens = buildLens(preferring, [
      custom('mine', {
        term: 'Mine',
        aliases: [alias('诚信', 'zh-Hans'), alias('NDRC', 'en', true)],
      }),
    ]);
    expect(marks(lens, '诚信 and NDRC and 誠信')).toEqual([
      ['诚信', 'custom-mine'],
      ['NDRC', 'custom-mine'],
      ['誠信', 'chengxin'],
    ]);
  });

  it('hides a bundled entry that a custom entry overrides: none of its forms are marked and it is not listed', () => {
    const lens = buildLens(bundled, [
      custom('zx', {
        term: 'Zhengxin, my way',
        aliases: [alias('zhēng xìn', 'pinyin')],
        overrides: 'zhengxin',
      }),
    ]);
    expect(lens.glossary.get('zhengxin')).toBeUndefined();
    expect(lens.glossary.entries.some((e) => e.id === 'zhengxin')).toBe(false);
    // 征信 was a form of the bundled entry only: now nothing marks it. "zheng xin" is the reader's.
    expect(marks(lens, '征信, zheng xin and credit investigation')).toEqual([
      ['zheng xin', 'custom-zx'],
    ]);
    const entry = lens.glossary.get('custom-zx');
    expect(entry && isCustomEntry(entry)).toBe(true);
    // Other bundled entries are unaffected.
    expect(marks(lens, '信用')).toEqual([['信用', 'xinyong']]);
  });

  it('keeps leftmost-longest: a longer bundled form around a custom one still wins', () => {
    const lens = buildLens(bundled, [
      custom('sc', { term: 'Social credit, mine', aliases: [alias('social credit')] }),
    ]);
    expect(marks(lens, 'the social credit system and social credit')).toEqual([
      ['social credit system', 'social-credit-system'],
      ['social credit', 'custom-sc'],
    ]);
  });
});

describe('the rules for the reader’s glossary', () => {
  it('refuses one form in two custom entries, including the same pinyin spelled another way', () => {
    const problems = customGlossaryProblems(
      [
        custom('a', { term: 'A', aliases: [alias('hù kǒu', 'pinyin'), alias('ABC', 'en', true)] }),
        custom('b', { term: 'B', aliases: [alias('Hukou')] }),
        custom('c', { term: 'C', aliases: [alias('abc', 'en', true)] }),
        custom('d', { term: 'D', aliases: [alias('abc')] }),
      ],
      bundled,
    );
    expect(problems.map((p) => [p.entryId, p.field, p.aliasIndex])).toEqual([
      ['custom-b', 'aliases', 0],
      ['custom-d', 'aliases', 0],
    ]);
    expect(problems[0]!.message).toContain('"Hukou" is written the same way on pages as "hù kǒu"');
  });

  it('refuses two entries with one term, an unknown bundled id and two replacements of one entry', () => {
    const problems = customGlossaryProblems(
      [
        custom('a', { term: 'Hukou', aliases: [alias('户口', 'zh-Hans')], overrides: 'zhengxin' }),
        custom('b', { term: 'HUKOU ', aliases: [alias('戶口', 'zh-Hant')], overrides: 'zhengxin' }),
        custom('c', { term: 'C', aliases: [alias('ccc')], overrides: 'no-such-entry' }),
      ],
      bundled,
    );
    expect(problems.map((p) => [p.entryId, p.field])).toEqual([
      ['custom-b', 'term'],
      ['custom-b', 'overrides'],
      ['custom-c', 'overrides'],
    ]);
  });
});
