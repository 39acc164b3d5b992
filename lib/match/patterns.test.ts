import { describe, expect, it } from 'vitest';
import { derivePatterns, type MatchableAlias, type MatchableEntry } from './patterns';
import { pinyinSpacings } from './pinyin-spacings';

const entry = (id: string, ...aliases: MatchableAlias[]): MatchableEntry => ({ id, aliases });
const alias = (text: string, lang: MatchableAlias['lang'], sensitive = false): MatchableAlias => ({
  text,
  lang,
  case: sensitive ? 'sensitive' : 'insensitive',
});

describe('pinyinSpacings', () => {
  it('gives each gap either a space or nothing', () => {
    expect(pinyinSpacings('chéng xìn')).toEqual(['chéng xìn', 'chéngxìn']);
    expect(pinyinSpacings('xìn yòng tǐ')).toEqual([
      'xìn yòng tǐ',
      'xìnyòng tǐ',
      'xìn yòngtǐ',
      'xìnyòngtǐ',
    ]);
    expect(pinyinSpacings('shè huì xìn yòng tǐ xì')).toHaveLength(32);
  });

  it('leaves a single syllable alone', () => {
    expect(pinyinSpacings('xìn')).toEqual(['xìn']);
  });

  it('stops doubling for very long aliases', () => {
    const long = Array.from({ length: 14 }, () => 'a').join(' ');
    expect(pinyinSpacings(long)).toEqual([long, 'a'.repeat(14)]);
  });
});

describe('derivePatterns', () => {
  it('folds aliases the way page text is folded', () => {
    const specs = derivePatterns([
      entry(
        'a',
        alias('Social  Credit', 'en'),
        alias('诚信', 'zh-Hans'),
        alias('ＧＲＣ', 'en', true),
      ),
    ]);
    expect(specs).toEqual([
      { pattern: 'social credit', readings: [{ entryId: 'a', exact: null }] },
      { pattern: '诚信', readings: [{ entryId: 'a', exact: null }] },
      { pattern: 'grc', readings: [{ entryId: 'a', exact: 'GRC' }] },
    ]);
  });

  it('derives every pinyin spacing, without tones or capitals', () => {
    const specs = derivePatterns([entry('a', alias('Chéng Xìn', 'pinyin'))]);
    expect(specs.map((s) => s.pattern)).toEqual(['cheng xin', 'chengxin']);
  });

  it('keeps one pattern per string, and the first entry that claimed it', () => {
    const specs = derivePatterns([
      entry('first', alias('credit', 'en')),
      entry('second', alias('Crédit', 'en')),
    ]);
    expect(specs).toEqual([{ pattern: 'credit', readings: [{ entryId: 'first', exact: null }] }]);
  });

  it('gives a shared string to the entry that prefers it, wherever that entry stands', () => {
    const specs = derivePatterns([
      entry('first', alias('credit', 'en')),
      entry('second', { ...alias('Crédit', 'en'), prefer: true }),
    ]);
    expect(specs).toEqual([{ pattern: 'credit', readings: [{ entryId: 'second', exact: null }] }]);
  });

  it('keeps a later reading only when an earlier one can reject the text', () => {
    const specs = derivePatterns([
      entry('tool', alias('CAT', 'en', true)),
      entry('tool-again', alias('CAT', 'en', true)),
      entry('animal', alias('cat', 'en')),
      entry('never', alias('Cat', 'en', true)),
    ]);
    expect(specs).toEqual([
      {
        pattern: 'cat',
        readings: [
          { entryId: 'tool', exact: 'CAT' },
          { entryId: 'animal', exact: null },
        ],
      },
    ]);
  });

  it('skips aliases that fold to nothing', () => {
    expect(derivePatterns([entry('a', alias('\u0301', 'en'))])).toEqual([]);
  });
});
