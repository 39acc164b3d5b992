import { describe, expect, it } from 'vitest';
import { customTermsToCsv, customTermsToJson } from './export-file';
import { describeRowError, parseCsvImport, parseImportFile, parseJsonImport } from './import-file';
import { CUSTOM_LIMITS, type CustomTerm } from './schema';

const hukou: CustomTerm = {
  id: 'custom-hukou',
  term: 'Hukou (household registration)',
  aliases: [
    { text: 'hù kǒu', lang: 'pinyin', case: 'insensitive', standalone: false, prefer: false },
    { text: '户口', lang: 'zh-Hans', case: 'insensitive', standalone: false, prefer: false },
    { text: '戶口', lang: 'zh-Hant', case: 'insensitive', standalone: false, prefer: false },
  ],
  definition: 'China’s household registration system, which ties public services to a place.',
  explanation: 'It decides, among other things, where children may go to school.\nSee also 户籍.',
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_500_000,
};

const tricky: CustomTerm = {
  id: 'custom-tricky-1',
  term: 'A "quoted", comma, term 🙂',
  aliases: [
    { text: '=cmd', lang: 'en', case: 'insensitive', standalone: false, prefer: false },
    { text: 'FCRA', lang: 'en', case: 'sensitive', standalone: false, prefer: false },
    { text: '信用🙂卡', lang: 'zh-Hans', case: 'insensitive', standalone: false, prefer: false },
  ],
  definition: '-5 is not a formula here. Line one,\nline two "with quotes"\r\nand a third.',
  explanation:
    '＝HYPERLINK("https://evil.example") in full-width, which some spreadsheets run too.',
  overrides: 'zhengxin',
  createdAt: 1,
  updatedAt: 2,
};

function jsonFile(terms: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: 'credit-lens-custom-terms', version: 1, terms, ...extra });
}

const entry = (fields: Record<string, unknown> = {}) => ({
  term: 'Hukou',
  aliases: [{ text: '户口', lang: 'zh-Hans' }],
  definition: 'Household registration.',
  ...fields,
});

const messages = (parsed: ReturnType<typeof parseJsonImport>) =>
  parsed.errors.map((e) => describeRowError(e, parsed.rowLabel));

describe('JSON import', () => {
  it('reads its own export back exactly', () => {
    const parsed = parseJsonImport(customTermsToJson([hukou, tricky]));
    expect(parsed.fileError).toBeUndefined();
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => r.entry)).toEqual([hukou, tricky]);
    expect(parsed.rows.map((r) => r.row)).toEqual([1, 2]);
  });

  it('reads a hand-written file with only the required fields, and a byte-order mark', () => {
    const parsed = parseJsonImport(`\ufeff${jsonFile([entry()])}`);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]!.entry).toEqual({
      term: 'Hukou',
      aliases: [
        { text: '户口', lang: 'zh-Hans', case: 'insensitive', standalone: false, prefer: false },
      ],
      definition: 'Household registration.',
    });
  });

  it('says a truncated file is not valid JSON', () => {
    const text = customTermsToJson([hukou]);
    const parsed = parseJsonImport(text.slice(0, text.length / 2));
    expect(parsed.fileError).toMatch(/^This file is not valid JSON \(it may be cut short/);
    expect(parsed.rows).toEqual([]);
  });

  it('refuses files that are not a terms export, or from a newer version', () => {
    expect(parseJsonImport('[1,2]').fileError).toMatch(/not a Credit Lens terms file/);
    expect(
      parseJsonImport('{"format":"credit-lens-notes","version":1,"notes":[]}').fileError,
    ).toMatch(/"format" should be "credit-lens-custom-terms"/);
    expect(parseJsonImport(jsonFile([], { version: 2 })).fileError).toMatch(
      /newer version of Credit Lens/,
    );
    expect(parseJsonImport(jsonFile([], { version: '1' })).fileError).toMatch(/no valid "version"/);
    expect(
      parseJsonImport(JSON.stringify({ format: 'credit-lens-custom-terms', version: 1 })).fileError,
    ).toMatch(/no "terms" list/);
  });

  it('names the entry and the field of every wrong type or missing field', () => {
    const parsed = parseJsonImport(
      jsonFile([
        entry(),
        entry({ term: 42 }),
        entry({ aliases: [{ text: '户口', lang: 'fr' }], definition: undefined }),
        'just a string',
        entry({ aliases: [] }),
      ]),
    );
    expect(parsed.rows).toEqual([]);
    expect(messages(parsed)).toEqual([
      'Entry 2, term: The term must be text.',
      'Entry 3, aliases.0.lang: Expected ("en" | "zh-Hans" | "zh-Hant" | "pinyin"), but found "fr".',
      'Entry 3, definition: This field is required.',
      'Entry 4: Each term must be an object.',
      'Entry 5, aliases: Give at least one written form to look for on pages.',
    ]);
  });

  it('refuses unknown keys, "__proto__" included, without touching any prototype', () => {
    const text = `{"format":"credit-lens-custom-terms","version":1,"__proto__":{"polluted":true},"terms":[{"term":"Hukou","aliases":[{"text":"户口","lang":"zh-Hans"}],"definition":"x","__proto__":{"polluted":true},"defintion":"typo"}]}`;
    const parsed = parseJsonImport(text);
    expect(messages(parsed)).toEqual([
      'Entry 1, __proto__: This field is not part of a term; check its spelling.',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(messages(parseJsonImport(jsonFile([entry({ defintion: 'typo' })])))).toEqual([
      'Entry 1, defintion: This field is not part of a term; check its spelling.',
    ]);
  });

  it('refuses the same id or the same term twice, naming both entries', () => {
    const parsed = parseJsonImport(
      jsonFile([
        entry({ id: 'custom-a' }),
        entry({ id: 'custom-a', term: 'Other', aliases: [{ text: '户籍', lang: 'zh-Hans' }] }),
        entry({ term: ' HUKOU', aliases: [{ text: '戶口', lang: 'zh-Hant' }] }),
      ]),
    );
    expect(messages(parsed)).toEqual([
      'Entry 2, id: The id "custom-a" is also used in entry 1.',
      'Entry 3, term: The term "HUKOU" also appears in entry 1.',
    ]);
  });

  it('enforces the limits: field lengths, ids, and the size of the file', () => {
    const parsed = parseJsonImport(
      jsonFile([
        entry({ definition: 'x'.repeat(CUSTOM_LIMITS.definitionChars + 1) }),
        entry({ term: 'T'.repeat(CUSTOM_LIMITS.termChars + 1), id: 'chengxin' }),
        entry({ aliases: [{ text: 'a'.repeat(CUSTOM_LIMITS.aliasChars + 1), lang: 'en' }] }),
      ]),
    );
    expect(messages(parsed)).toEqual([
      'Entry 1, definition: The definition is too long (at most 200 characters).',
      'Entry 2, id: The id must start with "custom-" followed by lower-case letters, digits and single hyphens.',
      'Entry 2, term: The term is too long (at most 120 characters).',
      'Entry 3, aliases.0.text: A written form is too long (at most 120 characters).',
    ]);
    const huge = jsonFile([
      entry({ explanation: '信'.repeat(CUSTOM_LIMITS.importBytes / 3 + 10) }),
    ]);
    expect(parseJsonImport(huge).fileError).toMatch(/too big \(at most 2 MB\)/);
    const many = jsonFile(Array.from({ length: CUSTOM_LIMITS.entries + 1 }, () => ({})));
    expect(parseJsonImport(many).fileError).toMatch(
      /has 2,001 terms; Credit Lens keeps at most 2,000/,
    );
  });

  it('checks that written forms fit their language', () => {
    const parsed = parseJsonImport(
      jsonFile([
        entry({
          aliases: [
            { text: 'hukou', lang: 'zh-Hans' },
            { text: '户口', lang: 'pinyin' },
            { text: 'a|b', lang: 'en' },
            { text: '户口 registration', lang: 'en' },
          ],
        }),
      ]),
    );
    expect(messages(parsed)).toEqual([
      'Entry 1, aliases.0.text: A Chinese form must contain Chinese characters.',
      'Entry 1, aliases.1.text: Pinyin must be Latin letters (tone marks welcome), with spaces between syllables or words.',
      'Entry 1, aliases.2.text: A written form cannot contain "|" (it separates forms in CSV).',
      'Entry 1, aliases.3.text: This form has Chinese characters: choose simplified or traditional Chinese as its language.',
    ]);
  });
});

describe('CSV import', () => {
  it('round-trips its own export: quotes, commas, line breaks, CJK, emoji, formula-looking cells', () => {
    const csv = customTermsToCsv([hukou, tricky]);
    expect(
      csv.startsWith('\ufeffid,term,aliases,langs,case,definition,explanation,overrides\r\n'),
    ).toBe(true);
    // The formula-looking alias is defused for spreadsheets...
    expect(csv).toContain(`"'=cmd|FCRA|信用🙂卡"`);
    expect(csv).toContain(`"'-5 is not a formula here.`);
    expect(csv).toContain(`"'＝HYPERLINK(""https://evil.example"")`);
    const parsed = parseCsvImport(csv);
    expect(parsed.fileError).toBeUndefined();
    expect(parsed.errors).toEqual([]);
    // ...and read back as written. (CSV keeps no dates: JSON is the backup format.)
    const withoutDates = ({ createdAt, updatedAt, ...fields }: CustomTerm) => {
      expect(createdAt).toBeGreaterThan(0);
      expect(updatedAt).toBeGreaterThan(0);
      return fields;
    };
    expect(parsed.rows.map((r) => r.entry)).toEqual([withoutDates(hukou), withoutDates(tricky)]);
    // Spreadsheet rows: the header is row 1; a cell with line breaks is still one row.
    expect(parsed.rows.map((r) => r.row)).toEqual([2, 3]);
  });

  it('keeps the reader\'s own apostrophes before a formula character ("\'=x" stays "\'=x")', () => {
    const quoted: CustomTerm = {
      ...hukou,
      term: "'=Hukou",
      definition: "''+two apostrophes, then a plus.",
      explanation: "'plain apostrophe",
    };
    const csv = customTermsToCsv([quoted]);
    expect(csv).toContain("''=Hukou");
    const parsed = parseCsvImport(csv);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]!.entry).toMatchObject({
      term: quoted.term,
      definition: quoted.definition,
      explanation: quoted.explanation,
    });
  });

  it('reads a hand-written file: columns in any order, no optional columns, blank lines skipped', () => {
    const parsed = parseCsvImport(
      'definition,langs,term,aliases\n"Household registration, in short.",pinyin|zh-Hans,Hukou,hù kǒu|户口\n\n',
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toEqual([
      {
        row: 2,
        entry: {
          term: 'Hukou',
          aliases: [
            {
              text: 'hù kǒu',
              lang: 'pinyin',
              case: 'insensitive',
              standalone: false,
              prefer: false,
            },
            {
              text: '户口',
              lang: 'zh-Hans',
              case: 'insensitive',
              standalone: false,
              prefer: false,
            },
          ],
          definition: 'Household registration, in short.',
        },
      },
    ]);
  });

  it('says which columns are missing, unknown or repeated', () => {
    expect(parseCsvImport('term,aliases\nA,a\n').fileError).toBe(
      'The header row lacks the columns "langs", "definition". Required columns: term, aliases, langs, definition.',
    );
    expect(
      parseCsvImport('term,aliases,langs,definition,__proto__\nA,a,en,d,x\n').fileError,
    ).toMatch(/^Unknown column "__proto__" in the header row\. The columns are: id, term/);
    expect(parseCsvImport('term,term,aliases,langs,definition\n').fileError).toBe(
      'The column "term" appears twice in the header row.',
    );
    expect(parseCsvImport('').fileError).toMatch(/empty/);
    expect(parseCsvImport('term,aliases,langs,definition\r\n').fileError).toMatch(/no terms/);
  });

  it('names the row, the column and the problem, for every bad row', () => {
    const csv = [
      'term,aliases,langs,case,definition,overrides',
      'Good,good term,en,,Fine.,',
      'Bad lang,bad lang,english,,Fine.,',
      'Counts,a|b|c,en|en,,Fine.,',
      'Case,ABC,en,upper,Fine.,',
      `Long,long one,en,,${'x'.repeat(201)},`,
      'Short row,short',
      ',no term,en,,Fine.,',
      'Override,over one,en,,Fine.,Not An Id',
      'Gap,a||b,en|en|en,,Fine.,',
    ].join('\n');
    const parsed = parseCsvImport(csv);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors.map((e) => describeRowError(e, parsed.rowLabel))).toEqual([
      'Row 3, langs (form 1): The language or case must be en, zh-Hans, zh-Hant or pinyin.',
      'Row 4, langs: Give one language per written form: 3 forms, but 2 languages.',
      'Row 5, case (form 1): The language or case must be sensitive or insensitive.',
      'Row 6, definition: The definition is too long (at most 200 characters).',
      'Row 7: This row has 2 cells, but the header has 6 columns.',
      'Row 8, term: The term is required.',
      'Row 9, overrides: Replaces must be the id of a bundled entry (lower-case letters, digits and hyphens).',
      'Row 10, aliases: Written form 2 is empty (two | in a row?).',
    ]);
  });

  it('says where a quoted cell is never closed (a truncated file)', () => {
    const csv = customTermsToCsv([hukou, tricky]);
    const cut = csv.slice(0, csv.indexOf('line two'));
    const parsed = parseCsvImport(cut);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors.map((e) => describeRowError(e, parsed.rowLabel))).toEqual([
      'Row 3: A quoted cell is never closed (the file may be cut short, or a quote inside a cell is not doubled).',
    ]);
  });

  it('refuses duplicate ids and terms across rows', () => {
    const parsed = parseCsvImport(
      'id,term,aliases,langs,definition\ncustom-a,A,aaa,en,d\ncustom-a,B,bbb,en,d\n,a ,ccc,en,d\n',
    );
    expect(parsed.errors.map((e) => describeRowError(e, parsed.rowLabel))).toEqual([
      'Row 3, id: The id "custom-a" is also used in row 2.',
      'Row 4, term: The term "a" also appears in row 2.',
    ]);
  });

  it('refuses an oversized file before parsing it', () => {
    const big = `term,aliases,langs,definition\n${'A,a,en,d\n'.repeat(CUSTOM_LIMITS.importBytes / 9 + 10)}`;
    expect(parseCsvImport(big).fileError).toMatch(/too big/);
  });
});

describe('choosing the format', () => {
  it('goes by the file name, then by the content', () => {
    expect(parseImportFile('terms.JSON', customTermsToJson([hukou])).format).toBe('json');
    expect(parseImportFile('terms.csv', customTermsToCsv([hukou])).format).toBe('csv');
    expect(parseImportFile('terms.txt', customTermsToJson([hukou])).format).toBe('json');
    expect(parseImportFile('terms', customTermsToCsv([hukou])).format).toBe('csv');
  });
});
