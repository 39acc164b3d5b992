import { describe, expect, it } from 'vitest';
import type { Alias, GlossaryEntry } from '../glossary/schema';
import { referenceFind, seeded } from '~/test/reference-matcher';
import { compileMatcher } from './index';

// ---------------------------------------------------------------------------------------------
// Fixtures: small entries built here, so these tests do not move when the real glossary does.
// ---------------------------------------------------------------------------------------------

type AliasSpec = Pick<Alias, 'text' | 'lang'> & Partial<Pick<Alias, 'case' | 'prefer'>>;

/** A complete glossary entry; only `id` and `aliases` matter to matching. */
function entry({ id, aliases }: { id: string; aliases: AliasSpec[] }): GlossaryEntry {
  return {
    id,
    term: id,
    aliases: aliases.map((a) => ({ case: 'insensitive', standalone: false, prefer: false, ...a })),
    category: 'shared',
    definition: `Definition of ${id}.`,
    explanation: `Explanation of ${id}.`,
    seminar: { passage: '§1 ¶1', said: 'Something.' },
    related: [],
    notConfusedWith: [],
    sources: [{ title: 'A source', by: 'Someone', year: 2018 }],
  };
}

const en = (text: string): AliasSpec => ({ text, lang: 'en' });
const acronym = (text: string): AliasSpec => ({ text, lang: 'en', case: 'sensitive' });
const hans = (text: string): AliasSpec => ({ text, lang: 'zh-Hans' });
const hant = (text: string): AliasSpec => ({ text, lang: 'zh-Hant' });
const pinyin = (text: string): AliasSpec => ({ text, lang: 'pinyin' });

const glossary: GlossaryEntry[] = [
  entry({ id: 'credit', aliases: [en('credit')] }),
  // Same pattern as the entry above, later in the glossary: never matched (first entry wins).
  entry({ id: 'credit-duplicate', aliases: [en('Credit')] }),
  entry({ id: 'social-credit', aliases: [en('social credit')] }),
  entry({
    id: 'social-credit-system',
    aliases: [
      en('social credit system'),
      hans('社会信用体系'),
      hant('社會信用體系'),
      pinyin('shè huì xìn yòng tǐ xì'),
    ],
  }),
  entry({ id: 'credit-system', aliases: [en('credit system')] }),
  entry({ id: 'risk-assessment', aliases: [en('risk assessment')] }),
  entry({ id: 'assessment-report', aliases: [en('assessment report')] }),
  entry({ id: 'grc', aliases: [acronym('GRC'), en('governance, risk and compliance')] }),
  entry({ id: 'esg', aliases: [acronym('ESG')] }),
  entry({
    id: 'chengxin',
    aliases: [hans('诚信'), hant('誠信'), pinyin('chéng xìn'), en('integrity')],
  }),
  entry({ id: 'xinyong', aliases: [hans('信用'), pinyin('xìn yòng')] }),
  entry({ id: 'anti-corruption', aliases: [en('anti-corruption')] }),
  entry({ id: 'regime', aliases: [en('régime')] }),
  // A Chinese alias that starts with a Latin letter: that edge still needs a word boundary.
  entry({ id: 'a-shares', aliases: [hans('A股')] }),
  // A case-sensitive alias and, in a later entry, the same letters case-insensitively: upper case
  // goes to the first, every other casing falls through to the second.
  entry({ id: 'cat-tool', aliases: [acronym('CAT')] }),
  entry({ id: 'cat', aliases: [en('cat')] }),
  // An astral Han character; the text may carry it as its BMP compatibility form U+FA6C.
  entry({ id: 'compat', aliases: [hant('\u{242ee}')] }),
];

const matcher = compileMatcher(glossary);

/** Matches as [original substring, entry id] pairs: what a reader would see marked. */
function marked(text: string, m = matcher): [string, string][] {
  return m.find(text).map((t) => [text.slice(t.start, t.end), t.entryId]);
}

// ---------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------

interface Case {
  why: string;
  text: string;
  expected: [string, string][];
}

// One line per case reads as a table; keep the formatter from unfolding it.
// prettier-ignore
const cases: Case[] = [
  // English words and word boundaries
  { why: 'a plain term', text: 'credit', expected: [['credit', 'credit']] },
  { why: 'ignores case', text: 'CREDIT and Credit', expected: [['CREDIT', 'credit'], ['Credit', 'credit']] },
  { why: 'plural is another word', text: 'credits', expected: [] },
  { why: 'no match inside a word', text: 'discredited', expected: [] },
  { why: 'digits glue too', text: 'credit2 2credit', expected: [] },
  { why: 'punctuation is a boundary', text: '(credit).', expected: [['credit', 'credit']] },
  { why: 'apostrophe is a boundary', text: "credit's", expected: [['credit', 'credit']] },
  { why: 'emoji are boundaries', text: '😀credit😀', expected: [['credit', 'credit']] },
  { why: 'CJK is a boundary for Latin terms', text: '信用credit', expected: [['信用', 'xinyong'], ['credit', 'credit']] },
  { why: 'every occurrence', text: 'credit, credit', expected: [['credit', 'credit'], ['credit', 'credit']] },
  { why: 'same pattern in two entries: the first entry wins', text: 'Credit', expected: [['Credit', 'credit']] },
  { why: 'accented letter glues to the word', text: 'creditë', expected: [] },
  { why: 'soft hyphen inside a word', text: 'cred\u00adit', expected: [['cred\u00adit', 'credit']] },
  { why: 'soft hyphen does not end a word', text: 'credit\u00ads', expected: [] },

  // Phrases, whitespace and punctuation
  { why: 'leftmost-longest: the system beats its prefix', text: 'the social credit system works', expected: [['social credit system', 'social-credit-system']] },
  { why: 'a longer candidate failing its boundary leaves the shorter one', text: 'social credit systems', expected: [['social credit', 'social-credit']] },
  { why: 'leftmost wins over a later overlapping term', text: 'risk assessment report', expected: [['risk assessment', 'risk-assessment']] },
  { why: 'the overlapping term on its own', text: 'an assessment report', expected: [['assessment report', 'assessment-report']] },
  { why: 'leftmost among overlapping alternatives', text: 'social credit systemic', expected: [['social credit', 'social-credit']] },
  { why: 'a later term after a chosen one', text: 'social social credit', expected: [['social credit', 'social-credit']] },
  { why: 'NBSP inside a phrase', text: 'social\u00a0credit', expected: [['social\u00a0credit', 'social-credit']] },
  { why: 'newline and tab inside a phrase', text: 'social\ncredit\tsystem', expected: [['social\ncredit\tsystem', 'social-credit-system']] },
  { why: 'a run of spaces inside a phrase', text: 'social   credit', expected: [['social   credit', 'social-credit']] },
  { why: 'no space is not a phrase', text: 'socialcredit', expected: [] },
  { why: 'a term spanning punctuation', text: 'Governance, risk and compliance (GRC)', expected: [['Governance, risk and compliance', 'grc'], ['GRC', 'grc']] },
  { why: 'punctuation is part of the term', text: 'governance risk and compliance', expected: [] },
  { why: 'hyphenated term', text: 'anti-corruption drive', expected: [['anti-corruption', 'anti-corruption']] },
  { why: 'hyphen not replaced by space', text: 'anti corruption', expected: [] },
  { why: 'accents in the alias are optional', text: 'regime, RÉGIME, re\u0301gime', expected: [['regime', 'regime'], ['RÉGIME', 'regime'], ['re\u0301gime', 'regime']] },

  // Case-sensitive acronyms
  { why: 'acronym in capitals', text: 'GRC', expected: [['GRC', 'grc']] },
  { why: 'acronym in lower case is another word', text: 'grc', expected: [] },
  { why: 'acronym in mixed case', text: 'Grc', expected: [] },
  { why: 'acronym glued to letters', text: 'GRCX XGRC', expected: [] },
  { why: 'acronym before a comma', text: 'GRC, ESG.', expected: [['GRC', 'grc'], ['ESG', 'esg']] },
  { why: 'acronym inside Chinese', text: '的GRC报告', expected: [['GRC', 'grc']] },
  { why: 'acronym inside Japanese and Korean', text: 'クレジットGRC한국ESG', expected: [['GRC', 'grc'], ['ESG', 'esg']] },
  { why: 'full-width acronym', text: 'ＧＲＣ', expected: [['ＧＲＣ', 'grc']] },
  { why: 'full-width lower case is still lower case', text: 'ｇｒｃ', expected: [] },
  { why: 'case decides between two entries (upper)', text: 'CAT', expected: [['CAT', 'cat-tool']] },
  { why: 'case decides between two entries (other)', text: 'cat Cat', expected: [['cat', 'cat'], ['Cat', 'cat']] },

  // Chinese
  { why: 'simplified', text: '诚信', expected: [['诚信', 'chengxin']] },
  { why: 'traditional', text: '誠信', expected: [['誠信', 'chengxin']] },
  { why: 'Chinese needs no boundaries', text: '加强诚信建设', expected: [['诚信', 'chengxin']] },
  { why: 'leftmost-longest in Chinese', text: '建设社会信用体系', expected: [['社会信用体系', 'social-credit-system']] },
  { why: 'traditional phrase', text: '社會信用體系', expected: [['社會信用體系', 'social-credit-system']] },
  { why: 'adjacent Chinese terms', text: '诚信信用', expected: [['诚信', 'chengxin'], ['信用', 'xinyong']] },
  { why: 'overlapping Chinese terms: leftmost wins', text: '诚信用', expected: [['诚信', 'chengxin']] },
  { why: 'Latin edge of a Chinese alias needs a boundary', text: '买A股, DATA股', expected: [['A股', 'a-shares']] },
  { why: 'the Chinese edge does not', text: 'A股市场', expected: [['A股', 'a-shares']] },
  { why: 'ideographic space inside Chinese text', text: '诚信\u3000信用', expected: [['诚信', 'chengxin'], ['信用', 'xinyong']] },

  // Pinyin
  { why: 'pinyin as stored', text: 'chéng xìn', expected: [['chéng xìn', 'chengxin']] },
  { why: 'pinyin joined', text: 'chéngxìn', expected: [['chéngxìn', 'chengxin']] },
  { why: 'pinyin without tones', text: 'chengxin', expected: [['chengxin', 'chengxin']] },
  { why: 'pinyin capitalised', text: 'Cheng Xin', expected: [['Cheng Xin', 'chengxin']] },
  { why: 'pinyin with a double space', text: 'cheng  xin', expected: [['cheng  xin', 'chengxin']] },
  { why: 'pinyin across a line break', text: 'chéng\nxìn', expected: [['chéng\nxìn', 'chengxin']] },
  { why: 'pinyin glued to another syllable', text: 'chengxinyong', expected: [] },
  { why: 'pinyin grouped into words', text: 'Shehui Xinyong Tixi', expected: [['Shehui Xinyong Tixi', 'social-credit-system']] },
  { why: 'pinyin fully joined', text: 'shehuixinyongtixi', expected: [['shehuixinyongtixi', 'social-credit-system']] },
  { why: 'tone marks in the text keep offsets exact', text: 'Xué chéngxìn ba', expected: [['chéngxìn', 'chengxin']] },
  { why: 'decomposed tone marks stay in the match', text: 'che\u0301ngxi\u0300n!', expected: [['che\u0301ngxi\u0300n', 'chengxin']] },
  { why: 'marks inside pinyin words', text: 'xi\u0300n yo\u0300ng', expected: [['xi\u0300n yo\u0300ng', 'xinyong']] },
  { why: 'a trailing combining mark belongs to the match', text: 'credit\u0301!', expected: [['credit\u0301', 'credit']] },

  // Other scripts and edge cases
  { why: 'a compatibility ideograph matches its canonical astral form', text: '见\ufa6c见', expected: [['\ufa6c', 'compat']] },
  { why: 'the astral form itself', text: '\u{242ee}', expected: [['\u{242ee}', 'compat']] },
  { why: 'dotted capital I', text: 'İNTEGRITY', expected: [['İNTEGRITY', 'chengxin']] },
  { why: 'empty text', text: '', expected: [] },
  { why: 'no terms at all', text: 'Nothing to see here.', expected: [] },
];

describe('compileMatcher: table', () => {
  it('has a healthy number of cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('$why: $text', ({ text, expected }) => {
    expect(marked(text)).toEqual(expected);
  });
});

describe('compileMatcher: offsets', () => {
  it('reports UTF-16 offsets into the original text', () => {
    expect(matcher.find('Xué chéngxìn ba')).toEqual([{ start: 4, end: 12, entryId: 'chengxin' }]);
    expect(matcher.find('😀 GRC')).toEqual([{ start: 3, end: 6, entryId: 'grc' }]);
    // Decomposed input: ten code units, of which the two marks are dropped when folding.
    expect(matcher.find('che\u0301ngxi\u0300n')).toEqual([
      { start: 0, end: 10, entryId: 'chengxin' },
    ]);
    expect(matcher.find('a  social\n\ncredit  b')).toEqual([
      { start: 3, end: 17, entryId: 'social-credit' },
    ]);
  });

  it('counts distinct patterns, pinyin spacings included', () => {
    // "shè huì xìn yòng tǐ xì" alone has 5 gaps, so 32 spellings.
    const m = compileMatcher([
      entry({ id: 'scs', aliases: [pinyin('shè huì xìn yòng tǐ xì')] }),
      entry({ id: 'dup', aliases: [en('shehuixinyongtixi')] }),
    ]);
    expect(m.patternCount).toBe(32);
  });

  it('matches nothing with an empty glossary', () => {
    const m = compileMatcher([]);
    expect(m.patternCount).toBe(0);
    expect(m.find('credit')).toEqual([]);
  });

  it('gives the same answers on repeated and interleaved calls', () => {
    // The matcher reuses its folding buffers; a long text must not leave stale data behind.
    const long = 'credit '.repeat(5000) + 'GRC';
    const short = 'GRC credit';
    const first = marked(short);
    expect(marked(long)).toHaveLength(5001);
    expect(marked(short)).toEqual(first);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties against a slow reference
// ---------------------------------------------------------------------------------------------

// A small alphabet, so random texts hit random patterns often, with every awkward case in it:
// case, accents (composed and not), full width, whitespace kinds, CJK, emoji, İ, punctuation.
const PIECES = [
  'a',
  'b',
  'c',
  'A',
  'B',
  'á',
  'a\u0301',
  'ｂ',
  'Ｃ',
  ' ',
  '  ',
  '\u00a0',
  '\n',
  '-',
  ',',
  '诚',
  '信',
  '😀',
  'İ',
  'i',
  'ab',
  'ba',
];
const ALIAS_PIECES = ['a', 'b', 'c', 'A', 'B', 'á', 'ab', 'ba', '诚', '信', '-', 'i', 'İ'];

function randomText(next: () => number, pieces: readonly string[], maxPieces: number): string {
  let s = '';
  const count = 1 + Math.floor(next() * maxPieces);
  for (let i = 0; i < count; i++) s += pieces[Math.floor(next() * pieces.length)];
  return s;
}

function randomGlossary(next: () => number): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [];
  const count = 1 + Math.floor(next() * 6);
  for (let i = 0; i < count; i++) {
    const aliases: AliasSpec[] = [];
    for (let k = 1 + Math.floor(next() * 3); k > 0; k--) {
      const roll = next();
      const lang: Alias['lang'] =
        roll < 0.4 ? 'en' : roll < 0.7 ? 'pinyin' : roll < 0.85 ? 'zh-Hans' : 'zh-Hant';
      const words = 1 + Math.floor(next() * 3);
      const text = Array.from({ length: words }, () => randomText(next, ALIAS_PIECES, 2)).join(' ');
      aliases.push({ text, lang, case: next() < 0.3 ? 'sensitive' : 'insensitive' });
    }
    entries.push(entry({ id: `e${i}`, aliases }));
  }
  return entries;
}

describe('compileMatcher: properties', () => {
  it('agrees with the brute-force reference on random glossaries and texts', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = seeded(seed);
      const entries = randomGlossary(next);
      const m = compileMatcher(entries);
      for (let t = 0; t < 10; t++) {
        const text = randomText(next, PIECES, 30);
        const actual = m.find(text);
        expect(actual, `seed ${seed}, text ${JSON.stringify(text)}`).toEqual(
          referenceFind(entries, text),
        );
      }
    }
  });

  it('returns sorted, non-overlapping, in-bounds matches', () => {
    const next = seeded(42);
    for (let round = 0; round < 200; round++) {
      const entries = randomGlossary(next);
      const m = compileMatcher(entries);
      const text = randomText(next, PIECES, 60);
      let reach = 0;
      for (const match of m.find(text)) {
        expect(match.start).toBeGreaterThanOrEqual(reach);
        expect(match.end).toBeGreaterThan(match.start);
        expect(match.end).toBeLessThanOrEqual(text.length);
        reach = match.end;
      }
    }
  });
});
