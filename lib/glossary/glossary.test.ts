import * as OpenCC from 'opencc-js';
import { pinyin as pinyinOf } from 'pinyin-pro';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { bundledGlossary, parseGlossary, type AliasLang, type GlossaryEntry } from './index';

// ---------------------------------------------------------------------------------------------
// Helpers: what a well-formed Chinese or pinyin alias looks like.
// ---------------------------------------------------------------------------------------------

const HAN_ONLY = /^\p{Script=Han}+$/u;

/** Each tone-marked vowel with its plain vowel; tones 1–4 in order. */
const TONE_ROWS: Record<string, string> = {
  a: 'āáǎà',
  e: 'ēéěè',
  i: 'īíǐì',
  o: 'ōóǒò',
  u: 'ūúǔù',
  ü: 'ǖǘǚǜ',
};
const PLAIN_OF_TONED = new Map<string, string>(
  Object.entries(TONE_ROWS).flatMap(([plain, row]) => [...row].map((t) => [t, plain] as const)),
);

/** Initial (optional) + final of one Hanyu pinyin syllable, written without tone marks. */
const SYLLABLE = new RegExp(
  '^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?' +
    '(?:iang|iong|uang|ueng|iao|ian|uai|uan|üan|ang|eng|ing|ong|ai|ei|ao|ou|an|en|er|ia|ie|iu|in' +
    '|ua|uo|ui|un|üe|ue|ün|a|o|e|i|u|ü)$',
);

/** Standard placement: a or e takes the mark; in "ou" the o does; otherwise the last vowel. */
function expectedToneIndex(plain: string): number {
  for (const vowel of ['a', 'e']) {
    const i = plain.indexOf(vowel);
    if (i >= 0) return i;
  }
  const ou = plain.indexOf('ou');
  if (ou >= 0) return ou;
  let last = -1;
  [...plain].forEach((ch, i) => {
    if ('aeiouü'.includes(ch)) last = i;
  });
  return last;
}

/** Why one space-separated pinyin chunk is not a single well-formed syllable, or undefined. */
function syllableProblem(chunk: string): string | undefined {
  if (chunk !== chunk.normalize('NFC')) return 'tone marks must be precomposed (NFC)';
  const chars = [...chunk];
  let plain = '';
  const marked: number[] = [];
  for (const [i, ch] of chars.entries()) {
    const base = PLAIN_OF_TONED.get(ch);
    if (base !== undefined) {
      plain += base;
      marked.push(i);
    } else if (/^[a-zü]$/.test(ch)) {
      plain += ch;
    } else {
      return `"${ch}" is not a pinyin letter or tone-marked pinyin vowel`;
    }
  }
  if (marked.length > 1) return 'more than one tone mark';
  if (!SYLLABLE.test(plain)) return `"${plain}" is not one pinyin syllable`;
  if (marked.length === 1 && marked[0] !== expectedToneIndex(plain)) {
    return `tone mark on the wrong vowel of "${plain}"`;
  }
  return undefined;
}

/** Problems with a whole pinyin alias: its chunks, spacing, and that it carries tones at all. */
function pinyinProblems(text: string): string[] {
  const problems: string[] = [];
  if (text !== text.trim() || text.includes('  ')) problems.push('irregular spacing');
  if (![...text].some((ch) => PLAIN_OF_TONED.has(ch))) problems.push('no tone marks');
  for (const chunk of text.trim().split(/ +/)) {
    const problem = syllableProblem(chunk);
    if (problem) problems.push(`${chunk}: ${problem}`);
  }
  return problems;
}

/** Accents dropped, lower case, spaces collapsed: roughly how the matcher compares text. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

function aliasesOf(entry: GlossaryEntry, lang: AliasLang): string[] {
  return entry.aliases.filter((a) => a.lang === lang).map((a) => a.text);
}

function entryById(id: string): GlossaryEntry {
  const entry = bundledGlossary().get(id);
  if (!entry) throw new Error(`no glossary entry "${id}"`);
  return entry;
}

describe('pinyin checker (the helper the glossary checks rely on)', () => {
  it.each([
    ['chéng xìn'],
    ['shè huì xìn yòng tǐ xì'],
    ['guó jiā fā zhǎn hé gǎi gé wěi yuán huì'],
    ['dǎng de shí jiǔ dà'], // neutral tone: no mark
    ['liú'], // iu: mark on u
    ['huì'], // ui: mark on i
    ['lüè'],
    ['zhōu'],
  ])('accepts %s', (text) => {
    expect(pinyinProblems(text)).toEqual([]);
  });

  it.each([
    ['chengxìn', 'joined syllables'],
    ['cheng xin', 'no tone marks'],
    ['haǒ', 'mark on the wrong vowel'],
    ['hǎó', 'two marks in one syllable'],
    ['chêng xìn', 'circumflex is not a pinyin tone mark'],
    ['xiǹ', 'ǹ is not a vowel'],
    ['che\u0301ng xìn', 'decomposed combining accent'],
    ['Chéng xìn', 'capital letter'],
    ['chéng  xìn', 'double space'],
    ['lvè', 'v written for ü'],
  ])('rejects %s (%s)', (text) => {
    expect(pinyinProblems(text)).not.toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The bundled glossary.
// ---------------------------------------------------------------------------------------------

interface RequiredAlias {
  text: string;
  lang: AliasLang;
  case?: 'sensitive';
}

/** Other parts of the extension rely on these entries and aliases exactly. */
const REQUIRED: { id: string; term: string; aliases: RequiredAlias[] }[] = [
  {
    id: 'social-credit-system',
    term: 'Social credit system',
    aliases: [
      { text: 'social credit system', lang: 'en' },
      { text: 'social credit systems', lang: 'en' },
      { text: 'social credit', lang: 'en' },
      { text: '社会信用体系', lang: 'zh-Hans' },
      { text: '社會信用體系', lang: 'zh-Hant' },
      { text: 'shè huì xìn yòng tǐ xì', lang: 'pinyin' },
    ],
  },
  {
    id: 'chengxin',
    term: 'Chengxin (integrity)',
    aliases: [
      { text: 'chéng xìn', lang: 'pinyin' },
      { text: '诚信', lang: 'zh-Hans' },
      { text: '誠信', lang: 'zh-Hant' },
    ],
  },
  {
    id: 'xinyong',
    term: 'Xinyong (credit)',
    aliases: [
      { text: 'xìn yòng', lang: 'pinyin' },
      { text: '信用', lang: 'zh-Hans' },
    ],
  },
  {
    id: 'grc',
    term: 'GRC (governance, risk and compliance)',
    aliases: [
      { text: 'GRC', lang: 'en', case: 'sensitive' },
      { text: 'governance, risk and compliance', lang: 'en' },
      { text: 'governance, risk management and compliance', lang: 'en' },
      { text: 'governance risk management and compliance', lang: 'en' },
    ],
  },
  {
    id: 'top-level-design',
    term: 'Top-level design',
    aliases: [
      { text: 'top-level design', lang: 'en' },
      { text: 'top level design', lang: 'en' },
      { text: '顶层设计', lang: 'zh-Hans' },
      { text: '頂層設計', lang: 'zh-Hant' },
      { text: 'dǐng céng shè jì', lang: 'pinyin' },
    ],
  },
  {
    id: 'ndrc',
    term: 'NDRC',
    aliases: [
      { text: 'NDRC', lang: 'en', case: 'sensitive' },
      { text: 'National Development and Reform Commission', lang: 'en' },
      { text: '国家发展和改革委员会', lang: 'zh-Hans' },
      { text: '國家發展和改革委員會', lang: 'zh-Hant' },
      { text: '发改委', lang: 'zh-Hans' },
      { text: '發改委', lang: 'zh-Hant' },
    ],
  },
];

/** Section headings of the seminar report that `seminar.passage` may cite, with their paragraphs. */
const SEMINAR_SECTIONS = new Map([
  ['Opening (untitled)', 1],
  ['An American Perspective on the Construction of China’s Integrity (chengxin) System', 1],
  ['The Core Content of the Hidden Construction of Credit in the United States', 1],
  ['The Ultimate Purpose of the Operation of the U.S. Credit System', 1],
  ['The Challenges of U.S. Style Social Credit Construction', 3],
]);

/**
 * Everyday English words. An alias made only of these (and small joining words) would light up
 * ordinary pages in some other sense — "risk management", "data collection", "party leadership" —
 * so it is allowed only when its entry opts in with `standalone` and the form is the entry's
 * precise meaning wherever it appears ("credit score").
 */
const GENERIC_WORDS = new Set(
  (
    'credit credits integrity compliance ideology ideologies risk risks governance transparency ' +
    'algorithm algorithms algorithmic data design culture control controls management ' +
    'information supervision score scores bias analysis collection retention leadership party ' +
    'superstructure'
  ).split(' '),
);
const JOINING_WORDS = new Set(['and', 'of', 'the', 'in', 'a', 'an', 'to', 'for', 'by', 'or']);

/** The seminar report: every entry cites it among its sources. */
const SEMINAR_SOURCE = { by: 'Zhonghongwang', year: 2018 };

const MAX_MATCHED_SYLLABLES = 8;

const TO_TRADITIONAL = (['t', 'tw', 'hk'] as const).map((to) =>
  OpenCC.Converter({ from: 'cn', to }),
);

/**
 * Where pinyin-pro's reading of a polyphonic character is not the one this term uses, the right
 * reading is written here, with the reason.
 */
const PINYIN_READINGS = new Map<string, string>([]);

describe('bundled glossary', () => {
  // If the file does not parse, the per-entry tables are empty and the next test reports why.
  let entries: readonly GlossaryEntry[] = [];
  try {
    entries = bundledGlossary().entries;
  } catch {
    // reported below
  }
  const byId = entries.map((e) => [e.id, e] as const);

  it('parses and has at least 40 entries, in every category', () => {
    expect(() => bundledGlossary()).not.toThrow();
    expect(entries.length).toBeGreaterThanOrEqual(40);
    expect(new Set(entries.map((e) => e.category))).toEqual(
      new Set(['china', 'western', 'shared', 'institutions']),
    );
  });

  it.each(REQUIRED)('has entry $id with its required aliases', ({ id, term, aliases }) => {
    const entry = entryById(id);
    expect(entry.term).toBe(term);
    const actual = entry.aliases.map((a) => ({ text: a.text, lang: a.lang, case: a.case }));
    for (const alias of aliases) {
      expect(actual).toContainEqual({ case: 'insensitive', ...alias });
    }
  });

  it('gives 信用 a single alias, since its simplified and traditional forms are the same', () => {
    const xinyong = entryById('xinyong');
    expect(xinyong.chinese).toEqual({ simplified: '信用', traditional: '信用' });
    expect(xinyong.aliases.filter((a) => a.text === '信用')).toEqual([
      { text: '信用', lang: 'zh-Hans', case: 'insensitive', standalone: false, prefer: false },
    ]);
  });

  it.each(byId)('%s: definition is at most 200 characters', (_id, entry) => {
    expect(entry.definition.length).toBeLessThanOrEqual(200);
  });

  it.each(byId)('%s: explanation is a short paragraph of 2–5 sentences', (_id, entry) => {
    const sentences = entry.explanation.split(/(?<=[.!?])\s+(?=[A-Z0-9"'‘“(])/);
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(5);
    expect(entry.explanation).toMatch(/[.!?]$/);
  });

  it.each(byId)('%s: Chinese aliases are Han characters only', (_id, entry) => {
    for (const text of [...aliasesOf(entry, 'zh-Hans'), ...aliasesOf(entry, 'zh-Hant')]) {
      expect(text, text).toMatch(HAN_ONLY);
    }
  });

  it.each(byId)('%s: the chinese field appears among the aliases', (_id, entry) => {
    if (!entry.chinese) return;
    const { simplified, traditional } = entry.chinese;
    expect(simplified).toMatch(HAN_ONLY);
    expect(traditional).toMatch(HAN_ONLY);
    expect(aliasesOf(entry, 'zh-Hans')).toContain(simplified);
    if (traditional !== simplified) expect(aliasesOf(entry, 'zh-Hant')).toContain(traditional);
    // A form that is the same in both scripts is listed once, as zh-Hans.
    const hans = new Set(aliasesOf(entry, 'zh-Hans'));
    expect(aliasesOf(entry, 'zh-Hant').filter((t) => hans.has(t))).toEqual([]);
  });

  it.each(byId)('%s: pinyin is tone-marked, one valid syllable per chunk', (_id, entry) => {
    for (const text of aliasesOf(entry, 'pinyin')) {
      expect(pinyinProblems(text), text).toEqual([]);
    }
    if (entry.pinyin !== undefined) expect(pinyinProblems(entry.pinyin)).toEqual([]);
  });

  it.each(byId)('%s: the pinyin alias is exactly the pinyin field', (_id, entry) => {
    const pinyin = aliasesOf(entry, 'pinyin');
    // Long official names are not written out in pinyin in running text, and every syllable gap
    // doubles the matcher's spacing variants, so their pinyin is shown but not matched.
    const matchable =
      entry.pinyin !== undefined && entry.pinyin.split(' ').length <= MAX_MATCHED_SYLLABLES;
    expect(pinyin).toEqual(matchable ? [entry.pinyin] : []);
    // Pinyin needs Chinese to be the spelling of.
    if (entry.pinyin !== undefined) expect(entry.chinese).toBeDefined();
  });

  it.each(byId)('%s: no toneless or joined pinyin spellings listed by hand', (_id, entry) => {
    const derived = new Set(
      aliasesOf(entry, 'pinyin').flatMap((p) => [fold(p), fold(p).replace(/ /g, '')]),
    );
    for (const alias of entry.aliases.filter((a) => a.lang !== 'pinyin')) {
      expect(derived.has(fold(alias.text)), alias.text).toBe(false);
      expect(derived.has(fold(alias.text).replace(/ /g, '')), alias.text).toBe(false);
    }
  });

  it.each(byId)('%s: English aliases are specific enough to mark', (_id, entry) => {
    for (const alias of entry.aliases.filter((a) => a.lang === 'en')) {
      expect(alias.text, 'aliases are trimmed and singly spaced').toBe(
        alias.text.trim().replace(/\s+/g, ' '),
      );
      if (alias.case === 'sensitive') {
        expect(alias.text, 'case-sensitive aliases are acronyms').toMatch(/^[A-Z0-9]{2,}$/);
        continue;
      }
      const words = fold(alias.text)
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
      const meaningful = words.filter((w) => !JOINING_WORDS.has(w));
      const onlyEveryday = meaningful.every((w) => GENERIC_WORDS.has(w));
      if (words.length === 1 || onlyEveryday) {
        expect(alias.standalone, `"${alias.text}" needs the entry to opt in (standalone)`).toBe(
          true,
        );
        // Opting in cannot rescue a single everyday word: "credit" alone is never a term.
        expect(words.length === 1 && onlyEveryday, `"${alias.text}" alone is too common`).toBe(
          false,
        );
      }
    }
  });

  it('has the generic words of the issue in its everyday list', () => {
    const named = 'credit integrity compliance ideology risk governance transparency algorithm';
    for (const word of named.split(' ')) expect(GENERIC_WORDS.has(word), word).toBe(true);
  });

  it('never lets two entries claim the same written form without a declared preference', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const entry of entries) {
      for (const alias of entry.aliases.filter((a) => !a.prefer)) {
        const forms =
          alias.lang === 'pinyin'
            ? [fold(alias.text), fold(alias.text).replace(/ /g, '')]
            : [alias.case === 'sensitive' ? alias.text : fold(alias.text)];
        for (const form of forms) {
          const previous = owner.get(form);
          if (previous !== undefined && previous !== entry.id) {
            clashes.push(`"${form}": ${previous} and ${entry.id}`);
          }
          owner.set(form, entry.id);
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it.each(byId)('%s: aliases are not repeated within the entry', (_id, entry) => {
    const keys = entry.aliases.map((a) => `${a.lang}:${a.text}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(byId)('%s: related links are distinct and mutual', (id, entry) => {
    expect(new Set(entry.related).size).toBe(entry.related.length);
    for (const other of entry.related) {
      expect(entryById(other).related, `${other} should link back to ${id}`).toContain(id);
    }
  });

  it.each(byId)('%s: cites a seminar passage by heading and paragraph', (_id, entry) => {
    const { passage, said } = entry.seminar;
    const match = /"([^"]+)", ¶(\d+)$/.exec(passage);
    expect(match, passage).not.toBeNull();
    const paragraphs = SEMINAR_SECTIONS.get(match?.[1] ?? '');
    expect(paragraphs, `unknown section in ${passage}`).toBeDefined();
    expect(Number(match?.[2])).toBeGreaterThanOrEqual(1);
    expect(Number(match?.[2])).toBeLessThanOrEqual(paragraphs ?? 0);
    expect(said.length).toBeGreaterThan(20);
  });

  it.each(byId)('%s: names its sources, the seminar report among them', (_id, entry) => {
    expect(entry.sources).toContainEqual(expect.objectContaining(SEMINAR_SOURCE));
    const keys = entry.sources.map((s) => `${s.by}|${s.title}|${s.year}`);
    expect(new Set(keys).size, 'no source twice').toBe(keys.length);
  });

  it.each(byId)('%s: "not to be confused with" names other entries, once each', (id, entry) => {
    const ids = entry.notConfusedWith.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const other of ids) {
      expect(other).not.toBe(id);
      expect(() => entryById(other)).not.toThrow();
    }
  });

  it.each(byId)('%s: traditional characters are the simplified ones converted', (_id, entry) => {
    // OpenCC's standard, Taiwan and Hong Kong variants can differ (征信 → 徵信, 平台 → 平臺);
    // any of them is a form a reader may meet.
    const traditionalForms = (text: string) =>
      new Set(TO_TRADITIONAL.map((convert) => convert(text)));
    if (entry.chinese) {
      expect(traditionalForms(entry.chinese.simplified)).toContain(entry.chinese.traditional);
    }
    // Every traditional alias is the conversion of some simplified alias of the entry.
    const converted = new Set(aliasesOf(entry, 'zh-Hans').flatMap((t) => [...traditionalForms(t)]));
    for (const text of aliasesOf(entry, 'zh-Hant')) expect(converted, text).toContain(text);
  });

  it.each(byId)('%s: pinyin spells the simplified characters', (_id, entry) => {
    if (!entry.chinese || entry.pinyin === undefined) return;
    const expected = pinyinOf(entry.chinese.simplified, { toneType: 'symbol' });
    const reading = PINYIN_READINGS.get(entry.chinese.simplified) ?? expected;
    expect(entry.pinyin).toBe(reading);
  });

  it('links every entry into the graph', () => {
    for (const entry of entries) expect(entry.related.length, entry.id).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------
// parseGlossary must reject malformed data.
// ---------------------------------------------------------------------------------------------

type Loose = Record<string, unknown>;

function validEntry(id: string, related: string[]): Loose {
  return {
    id,
    term: `Term ${id}`,
    aliases: [{ text: `term ${id}`, lang: 'en' }],
    category: 'shared',
    definition: 'A short definition.',
    explanation: 'A first sentence. A second sentence.',
    seminar: { passage: '"Opening (untitled)", ¶1', said: 'Something was said about it.' },
    related,
    sources: [{ title: 'A report', by: 'Someone', year: 2018 }],
  };
}

/** Two valid entries that point at each other; every bad case changes one thing. */
function validGlossary(): Loose[] {
  return [validEntry('alpha', ['beta']), validEntry('beta', ['alpha'])];
}

function alpha(entries: Loose[]): Loose {
  const first = entries[0];
  if (!first) throw new Error('fixture is empty');
  return first;
}

function rejection(data: unknown): v.ValiError<v.GenericSchema> {
  try {
    parseGlossary(data);
  } catch (error) {
    if (error instanceof v.ValiError) return error;
    throw error;
  }
  throw new Error('parseGlossary accepted malformed data');
}

describe('parseGlossary', () => {
  it('accepts the valid fixture, including a definition of exactly 200 characters', () => {
    const entries = validGlossary();
    alpha(entries).definition = 'x'.repeat(200);
    const glossary = parseGlossary(entries);
    expect(glossary.entries.map((e) => e.id)).toEqual(['alpha', 'beta']);
    expect(glossary.get('beta')?.aliases[0]?.case).toBe('insensitive');
  });

  it('accepts a shared written form when exactly one entry prefers it, and that entry is marked', () => {
    const entries = validGlossary();
    alpha(entries).aliases = [{ text: 'term beta', lang: 'en', prefer: true }];
    expect(() => parseGlossary(entries)).not.toThrow();
  });

  /** Valid data with one change to the first entry. */
  const withAlpha = (change: (entry: Loose) => void) => (): unknown => {
    const entries = validGlossary();
    change(alpha(entries));
    return entries;
  };

  /** [case, data, expected path (keys) of the first issue, expected message of that issue] */
  const cases: [string, () => unknown, (string | number)[], RegExp][] = [
    [
      'duplicate ids',
      () => [...validGlossary(), { ...validEntry('beta', ['alpha']), term: 'Another beta' }],
      [],
      /"beta" is used twice/,
    ],
    [
      'dangling related id',
      withAlpha((e) => {
        e.related = ['beta', 'gamma'];
      }),
      [],
      /alpha: related entry "gamma" does not exist/,
    ],
    [
      'entry related to itself',
      withAlpha((e) => {
        e.related = ['beta', 'alpha'];
      }),
      [],
      /alpha lists itself as related/,
    ],
    [
      'definition of 201 characters',
      withAlpha((e) => {
        e.definition = 'x'.repeat(201);
      }),
      [0, 'definition'],
      /200/,
    ],
    [
      'id with upper case and underscore',
      withAlpha((e) => {
        e.id = 'Social_Credit';
      }),
      [0, 'id'],
      /format/i,
    ],
    [
      'id with a double hyphen',
      withAlpha((e) => {
        e.id = 'social--credit';
      }),
      [0, 'id'],
      /format/i,
    ],
    [
      'id with a trailing hyphen',
      withAlpha((e) => {
        e.id = 'alpha-';
      }),
      [0, 'id'],
      /format/i,
    ],
    [
      'unknown alias lang',
      withAlpha((e) => {
        e.aliases = [{ text: 'crédit social', lang: 'fr' }];
      }),
      [0, 'aliases', 0, 'lang'],
      /"fr"/,
    ],
    [
      'unknown case rule',
      withAlpha((e) => {
        e.aliases = [{ text: 'GRC', lang: 'en', case: 'upper' }];
      }),
      [0, 'aliases', 0, 'case'],
      /"upper"/,
    ],
    [
      'no aliases',
      withAlpha((e) => {
        e.aliases = [];
      }),
      [0, 'aliases'],
      /length/i,
    ],
    [
      'blank alias text',
      withAlpha((e) => {
        e.aliases = [{ text: '   ', lang: 'en' }];
      }),
      [0, 'aliases', 0, 'text'],
      /length/i,
    ],
    [
      'unknown category',
      withAlpha((e) => {
        e.category = 'ideology';
      }),
      [0, 'category'],
      /"ideology"/,
    ],
    [
      'missing seminar citation',
      withAlpha((e) => {
        delete e.seminar;
      }),
      [0, 'seminar'],
      /"seminar"/,
    ],
    [
      'a related link that is not returned',
      () => [
        validEntry('alpha', ['beta']),
        validEntry('beta', ['gamma']),
        validEntry('gamma', ['beta']),
      ],
      [],
      /alpha links to beta, but beta does not link back/,
    ],
    [
      'a confusion with an entry that does not exist',
      withAlpha((e) => {
        e.notConfusedWith = [{ id: 'omega', why: 'They sound alike.' }];
      }),
      [],
      /"not to be confused with" entry "omega" does not exist/,
    ],
    [
      'a written form two entries claim, neither preferred',
      () => {
        const entries = validGlossary();
        alpha(entries).aliases = [{ text: 'Term  BETA', lang: 'en' }];
        return entries;
      },
      [],
      /"term beta" is claimed by alpha, beta; exactly one must set "prefer"/,
    ],
    [
      'no sources',
      withAlpha((e) => {
        e.sources = [];
      }),
      [0, 'sources'],
      /length/i,
    ],
    [
      'a source without a year',
      withAlpha((e) => {
        e.sources = [{ title: 'A report', by: 'Someone' }];
      }),
      [0, 'sources', 0, 'year'],
      /"year"/,
    ],
    ['an object instead of an array', () => ({ entries: validGlossary() }), [], /array/i],
  ];

  it.each(cases)('rejects %s', (_name, data, path, message) => {
    const [issue] = rejection(data()).issues;
    expect(issue.path?.map((p) => p.key) ?? []).toEqual(path);
    expect(issue.message).toMatch(message);
  });
});
