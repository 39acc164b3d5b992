import { describe, expect, it } from 'vitest';
import { bundledGlossary, type GlossaryEntry } from './index';
import {
  buildSearchIndex,
  compactForm,
  isBlankQuery,
  rankEntries,
  searchGlossary,
  sortByTerm,
} from './search';

/** A made-up entry: the ranking rules are tested on a glossary whose wording the test controls. */
function entry(fields: Partial<GlossaryEntry> & Pick<GlossaryEntry, 'id' | 'term'>): GlossaryEntry {
  return {
    aliases: [
      { text: fields.term, lang: 'en', case: 'insensitive', standalone: false, prefer: false },
    ],
    category: 'shared',
    definition: 'A definition.',
    explanation: 'An explanation.',
    seminar: { passage: '"Section", ¶1', said: 'Something was said.' },
    related: [],
    notConfusedWith: [],
    sources: [{ title: 'A source', by: 'Someone', year: 2014 }],
    ...fields,
  };
}

function alias(text: string, lang: GlossaryEntry['aliases'][number]['lang'] = 'en') {
  return { text, lang, case: 'insensitive' as const, standalone: false, prefer: false };
}

const credit = entry({
  id: 'credit',
  term: 'Xinyong (credit)',
  aliases: [alias('信用', 'zh-Hans'), alias('xìn yòng', 'pinyin')],
  chinese: { simplified: '信用', traditional: '信用' },
  pinyin: 'xìn yòng',
  definition: 'Trustworthiness in keeping promises and paying debts.',
});
const creditSystem = entry({
  id: 'credit-system',
  term: 'Social credit system',
  aliases: [
    alias('social credit system'),
    alias('社会信用体系', 'zh-Hans'),
    alias('社會信用體系', 'zh-Hant'),
  ],
  chinese: { simplified: '社会信用体系', traditional: '社會信用體系' },
  pinyin: 'shè huì xìn yòng tǐ xì',
  definition: 'A state programme of records and consequences.',
  explanation: 'Often misread as a single score for every citizen.',
});
const creditCulture = entry({
  id: 'credit-culture',
  term: 'Credit culture',
  aliases: [alias('credit culture'), alias('信用文化', 'zh-Hans')],
  chinese: { simplified: '信用文化', traditional: '信用文化' },
  pinyin: 'xìn yòng wén huà',
  definition: 'Shared habits of keeping promises.',
});
const integrity = entry({
  id: 'integrity',
  term: 'Chengxin (integrity)',
  aliases: [alias('诚信', 'zh-Hans'), alias('誠信', 'zh-Hant'), alias('chéng xìn', 'pinyin')],
  chinese: { simplified: '诚信', traditional: '誠信' },
  pinyin: 'chéng xìn',
  definition: 'Honesty: keeping one’s word.',
  explanation: 'A moral virtue that credit systems try to build.',
});
const grc = entry({
  id: 'grc',
  term: 'GRC (governance, risk and compliance)',
  aliases: [{ ...alias('GRC'), case: 'sensitive' }, alias('governance, risk and compliance')],
  category: 'western',
  definition: 'Corporate practice that ties oversight to rules.',
  explanation: 'A contract between the firm and its regulators, in effect.',
});
const topLevel = entry({
  id: 'top-level-design',
  term: 'Top-level design',
  aliases: [alias('top-level design'), alias('顶层设计', 'zh-Hans')],
  chinese: { simplified: '顶层设计', traditional: '頂層設計' },
  pinyin: 'dǐng céng shè jì',
  definition: 'Planning reform from the centre downwards.',
  explanation: 'The phrase signals that the State Council sets the frame.',
});

const sample = [creditSystem, grc, topLevel, integrity, creditCulture, credit];
const index = buildSearchIndex(sample);
const ids = (query: string) => searchGlossary(index, query).map((e) => e.id);
const first = (query: string) => ids(query)[0];

describe('searchGlossary: what a query finds', () => {
  it('lists every entry, by term, for a blank or punctuation-only query', () => {
    const byTerm = sortByTerm(sample).map((e) => e.id);
    expect(ids('')).toEqual(byTerm);
    expect(ids('   ')).toEqual(byTerm);
    expect(ids(' - ')).toEqual(byTerm);
    expect(isBlankQuery(' ( ')).toBe(true);
    expect(isBlankQuery('x')).toBe(false);
  });

  it('sorts by term as a reader would, ignoring case', () => {
    expect(sortByTerm(sample).map((e) => e.term)).toEqual([
      'Chengxin (integrity)',
      'Credit culture',
      'GRC (governance, risk and compliance)',
      'Social credit system',
      'Top-level design',
      'Xinyong (credit)',
    ]);
  });

  it('finds "xinyong", "xin yong", "xìnyòng", "XIN-YONG" and "xìn yòng" as xinyong, first', () => {
    for (const query of ['xinyong', 'xin yong', 'xìnyòng', 'XIN-YONG', 'xìn yòng', ' xin  yong ']) {
      expect(first(query), query).toBe('credit');
      expect(rankEntries(index, query)[0]?.tier, query).toBe('exact');
    }
  });

  it('finds Chinese in simplified or traditional characters', () => {
    expect(first('信用')).toBe('credit');
    expect(first('誠信')).toBe('integrity');
    expect(first('诚信')).toBe('integrity');
    expect(first('社會信用體系')).toBe('credit-system');
    expect(first('頂層設計')).toBe('top-level-design');
  });

  it('folds the query like the matcher: tone marks, case and full-width letters', () => {
    expect(first('ＧＲＣ')).toBe('grc');
    expect(first('grc')).toBe('grc');
    expect(first('CHÉNGXÌN')).toBe('integrity');
    expect(compactForm('Xìn-Yòng')).toBe('xinyong');
  });

  it('treats spaces and hyphens in English names alike', () => {
    expect(first('top level design')).toBe('top-level-design');
    expect(first('toplevel')).toBe('top-level-design');
  });

  it('knows a term by both halves of "Term (gloss)"', () => {
    expect(rankEntries(index, 'integrity')[0]).toMatchObject({ entry: integrity, tier: 'exact' });
    expect(rankEntries(index, 'chengxin')[0]).toMatchObject({ entry: integrity, tier: 'exact' });
    expect(rankEntries(index, 'governance, risk and compliance')[0]).toMatchObject({
      entry: grc,
      tier: 'exact',
    });
  });

  it('finds words of the definition and explanation, at word starts only', () => {
    expect(ids('promises')).toEqual(['credit-culture', 'credit']);
    expect(ids('state council')).toEqual(['top-level-design']);
    // "act" is inside "contract", but no word starts with it.
    expect(ids('act')).toEqual([]);
    expect(ids('contract')).toEqual(['grc']);
  });

  it('needs every word of a query, from the names or the text', () => {
    expect(ids('risk compliance')).toEqual(['grc']);
    expect(ids('oversight rules')).toEqual(['grc']);
    expect(ids('oversight promises')).toEqual([]);
  });

  it('finds nothing for a query nothing contains', () => {
    expect(ids('zzz')).toEqual([]);
    expect(rankEntries(index, 'zzz')).toEqual([]);
  });
});

describe('searchGlossary: ranking', () => {
  it('ranks an exact name first, then names it begins, then names containing it', () => {
    expect(rankEntries(index, '信用').map((h) => [h.entry.id, h.tier])).toEqual([
      ['credit', 'exact'],
      ['credit-culture', 'prefix'],
      ['credit-system', 'name'],
    ]);
  });

  it('ranks a name match above a match in the definition or explanation', () => {
    // "credit" is the gloss of xinyong, begins "credit culture", is inside "social credit system"
    // and is a word of the integrity entry's explanation.
    expect(rankEntries(index, 'credit').map((h) => [h.entry.id, h.tier])).toEqual([
      ['credit', 'exact'],
      ['credit-culture', 'prefix'],
      ['credit-system', 'name'],
      ['integrity', 'text'],
    ]);
  });

  it('ranks a phrase in the definition above one in the explanation', () => {
    const a = entry({ id: 'a', term: 'Aaa', explanation: 'About a blacklist of firms.' });
    const b = entry({ id: 'b', term: 'Bbb', definition: 'A blacklist of firms.' });
    const c = entry({
      id: 'c',
      term: 'Ccc',
      definition: 'Firms of every kind.',
      explanation: 'Blacklist.',
    });
    const local = buildSearchIndex([a, b, c]);
    expect(searchGlossary(local, 'blacklist of firms').map((e) => e.id)).toEqual(['b', 'a', 'c']);
  });

  it('ranks a shorter name first among prefixes, and keeps term order on ties', () => {
    const long = entry({ id: 'long', term: 'Credit information sharing platform' });
    const short = entry({ id: 'short', term: 'Credit information' });
    const twin = entry({ id: 'twin', term: 'Credit informatics' });
    const local = buildSearchIndex([long, twin, short]);
    expect(searchGlossary(local, 'credit inform').map((e) => e.id)).toEqual([
      'twin',
      'short',
      'long',
    ]);
  });
});

describe('searchGlossary on the bundled glossary', () => {
  const glossary = bundledGlossary();
  const bundled = buildSearchIndex(glossary.entries);
  const exactHits = (query: string) =>
    rankEntries(bundled, query)
      .filter((hit) => hit.tier === 'exact')
      .map((hit) => hit.entry.id);

  it('lists every entry for a blank query', () => {
    expect(searchGlossary(bundled, '')).toHaveLength(glossary.entries.length);
  });

  it('finds every entry by its term, each alias, its Chinese and its pinyin', () => {
    for (const e of glossary.entries) {
      const forms = [e.term, ...e.aliases.map((a) => a.text)];
      if (e.chinese) forms.push(e.chinese.simplified, e.chinese.traditional);
      if (e.pinyin) {
        const toneless = e.pinyin.normalize('NFD').replace(/\p{M}/gu, '');
        forms.push(e.pinyin, toneless, toneless.replaceAll(' ', ''), e.pinyin.replaceAll(' ', ''));
      }
      for (const form of forms) expect(exactHits(form), `${e.id}: "${form}"`).toContain(e.id);
    }
  });

  it('puts xinyong first for "xinyong", "xin yong", "xìnyòng" and "信用"', () => {
    for (const query of ['xinyong', 'xin yong', 'xìnyòng', '信用']) {
      expect(searchGlossary(bundled, query)[0]?.id, query).toBe('xinyong');
    }
  });

  it('puts chengxin first for "誠信" and "cheng xin"', () => {
    for (const query of ['誠信', '诚信', 'cheng xin']) {
      expect(searchGlossary(bundled, query)[0]?.id, query).toBe('chengxin');
    }
  });
});
