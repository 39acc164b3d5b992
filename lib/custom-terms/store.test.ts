import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CreditLensDb } from '../db';
import { bundledGlossary } from '../glossary';
import { planImport, type ImportRow } from './import-plan';
import type { CustomTerm, CustomTermImport } from './schema';
import { CustomTermError, CustomTermStore, ImportRejectedError } from './store';

const bundled = bundledGlossary();
let db: CreditLensDb;
let store: CustomTermStore;
let onChange: ReturnType<typeof vi.fn<() => void>>;
let clock: number;

beforeEach(() => {
  db = new CreditLensDb(`custom-${Math.random()}`);
  clock = 1_000;
  onChange = vi.fn<() => void>();
  store = new CustomTermStore(db, bundled, onChange, () => clock++);
});
afterEach(async () => {
  await db.delete();
});

const alias = (text: string, lang: 'en' | 'zh-Hans' | 'zh-Hant' | 'pinyin' = 'en') => ({
  text,
  lang,
  case: 'insensitive' as const,
  standalone: false,
  prefer: false,
});

const input = (term: string, forms: string[], extra: Record<string, unknown> = {}) => ({
  term,
  aliases: forms.map((text) => ({ text, lang: /\p{Script=Han}/u.test(text) ? 'zh-Hans' : 'en' })),
  definition: `${term}: a definition.`,
  ...extra,
});

async function errorOf(promise: Promise<unknown>): Promise<CustomTermError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CustomTermError);
  return error as CustomTermError;
}

describe('CustomTermStore: the options form', () => {
  it('adds an entry with a fresh custom id and times, and tells content scripts', async () => {
    const saved = await store.save(input('Hukou', ['户口', 'hukou'], { explanation: '  ' }));
    expect(saved.id).toMatch(/^custom-[0-9a-f-]{36}$/);
    expect(saved).toMatchObject({ term: 'Hukou', createdAt: 1_000, updatedAt: 1_000 });
    expect('explanation' in saved).toBe(false); // blank means none
    expect(await store.list()).toEqual([saved]);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('updates an entry, keeping its id and creation time', async () => {
    const first = await store.save(input('Hukou', ['户口']));
    const second = await store.save({ ...input('Hukou', ['户口', '戶口']), id: first.id });
    expect(second).toMatchObject({
      id: first.id,
      createdAt: first.createdAt,
      updatedAt: first.updatedAt + 1,
    });
    expect((await store.list()).map((t) => t.aliases.length)).toEqual([2]);
  });

  it('refuses bad fields with their paths, and writes nothing', async () => {
    const error = await errorOf(
      store.save({
        term: ' ',
        aliases: [{ text: 'x', lang: 'zh-Hans' }],
        definition: 'x'.repeat(201),
      }),
    );
    expect(error.problems.map((p) => p.field)).toEqual(['term', 'aliases.0.text', 'definition']);
    expect(await db.customTerms.count()).toBe(0);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('refuses a form another of the reader’s terms already claims, naming the form’s field', async () => {
    await store.save(input('Hukou', ['户口']));
    const error = await errorOf(
      store.save(input('Residence permit', ['residence permit', '户口'])),
    );
    expect(error.problems).toEqual([
      {
        field: 'aliases.1.text',
        message:
          '"户口" is already a written form of your term "Hukou"; a form can mark only one of your terms.',
      },
    ]);
    expect(await db.customTerms.count()).toBe(1);
  });

  it('refuses a second term of the same name and a replacement of a bundled entry that does not exist', async () => {
    await store.save(input('Hukou', ['户口']));
    const error = await errorOf(
      store.save(input('hukou', ['戶口'], { overrides: 'no-such-entry' })),
    );
    expect(error.problems.map((p) => p.field)).toEqual(['term', 'overrides']);
  });

  it('allows a form a bundled entry has (the reader’s wins on pages)', async () => {
    await expect(store.save(input('Integrity', ['诚信']))).resolves.toMatchObject({
      term: 'Integrity',
    });
  });

  it('saving an entry deleted meanwhile says so instead of bringing it back', async () => {
    const error = await errorOf(store.save({ ...input('Gone', ['gone term']), id: 'custom-gone' }));
    expect(error.problems[0]!.field).toBe('id');
    expect(await db.customTerms.count()).toBe(0);
  });

  it('deletes and restores an entry exactly (undo)', async () => {
    const saved = await store.save(input('Hukou', ['户口']));
    const deleted = await store.delete(saved.id);
    expect(deleted).toEqual(saved);
    expect(await store.list()).toEqual([]);
    await store.restore(deleted!);
    expect(await store.list()).toEqual([saved]);
    expect(onChange).toHaveBeenCalledTimes(3);
  });

  it('does not restore an entry whose form was taken meanwhile', async () => {
    const saved = await store.save(input('Hukou', ['户口']));
    await store.delete(saved.id);
    await store.save(input('Other', ['户口']));
    await errorOf(store.restore(saved));
    expect((await store.list()).map((t) => t.term)).toEqual(['Other']);
  });
});

function rows(...entries: CustomTermImport[]): ImportRow[] {
  return entries.map((entry, i) => ({ row: i + 2, entry }));
}

const imported = (
  term: string,
  forms: string[],
  extra: Partial<CustomTermImport> = {},
): CustomTermImport => ({
  term,
  aliases: forms.map((text) => alias(text, /\p{Script=Han}/u.test(text) ? 'zh-Hans' : 'en')),
  definition: `${term}: a definition.`,
  ...extra,
});

describe('imports: add-new, merge, replace', () => {
  let a: CustomTerm;
  let b: CustomTerm;
  let file: ImportRow[];

  beforeEach(async () => {
    a = await store.save(input('Alpha', ['alpha term']));
    b = await store.save(input('Beta', ['beta term']));
    onChange.mockClear();
    file = rows(
      // Alpha, changed, recognised by its id.
      imported('Alpha', ['alpha term', 'alpha form'], { id: a.id }),
      // Beta, unchanged, recognised by its term although the file has another id.
      imported('Beta', ['beta term'], { id: 'custom-from-elsewhere' }),
      // Gamma, new.
      imported('Gamma', ['gamma term'], { id: 'custom-gamma' }),
    );
  });

  it('previews every entry by term as new, changed, unchanged or removed', () => {
    const existing = [
      a,
      b,
      { ...a, id: 'custom-delta', term: 'Delta', aliases: [alias('delta term')] },
    ];
    const plan = planImport(existing, file, 'merge', bundled, { now: 5 });
    expect(plan.changes.map((c) => [c.kind, c.term, c.row])).toEqual([
      ['changed', 'Alpha', 2],
      ['unchanged', 'Beta', 3],
      ['new', 'Gamma', 4],
      ['removed', 'Delta', undefined],
    ]);
  });

  it('add-new adds only entries whose id and term are new', async () => {
    const plan = await store.applyImport(file, 'add-new');
    expect(plan.changes.filter((c) => c.applied).map((c) => c.term)).toEqual(['Gamma']);
    const terms = await store.list();
    expect(terms.map((t) => t.term)).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(terms[0]).toEqual(a); // the file's change to Alpha is not applied
    expect(terms[2]!.id).toBe('custom-gamma');
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('merge adds new entries and updates changed ones, keeping ids, creation times and the rest', async () => {
    await store.save(input('Delta', ['delta term']));
    await store.applyImport(file, 'merge');
    const terms = await store.list();
    expect(terms.map((t) => t.term)).toEqual(['Alpha', 'Beta', 'Delta', 'Gamma']);
    expect(terms[0]).toMatchObject({ id: a.id, createdAt: a.createdAt });
    expect(terms[0]!.aliases.map((x) => x.text)).toEqual(['alpha term', 'alpha form']);
    expect(terms[1]).toEqual(b);
  });

  it('replace makes the file the whole custom glossary', async () => {
    await store.save(input('Delta', ['delta term']));
    const plan = await store.applyImport(file, 'replace');
    expect(plan.deletes).toHaveLength(1);
    expect((await store.list()).map((t) => t.term)).toEqual(['Alpha', 'Beta', 'Gamma']);
  });

  it('writes nothing when the result would break a rule, and says which row', async () => {
    const clashing = rows(
      imported('Gamma', ['gamma term']),
      imported('Epsilon', ['beta term']), // Beta's form
    );
    const before = await store.list();
    const error = await store.applyImport(clashing, 'merge').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportRejectedError);
    const { problems } = (error as ImportRejectedError).plan;
    expect(problems.map((p) => [p.row, p.field, p.term])).toEqual([[3, 'aliases', 'Epsilon']]);
    expect(await store.list()).toEqual(before);
    expect(onChange).not.toHaveBeenCalled();
    // With replace, Beta goes, so its form is free: the same file is fine.
    await store.applyImport(clashing, 'replace');
    expect((await store.list()).map((t) => t.term)).toEqual(['Epsilon', 'Gamma']);
  });

  it('recognises a term however it is capitalised or accented, and counts that as a change', () => {
    const plan = planImport([b], rows(imported('BÉTA', ['beta term'])), 'merge', bundled);
    expect(plan.changes.map((c) => [c.kind, c.term, c.after?.id])).toEqual([
      ['changed', 'BÉTA', b.id],
    ]);
  });

  it('refuses a file where two entries are the same existing term (by id and by term)', () => {
    const plan = planImport(
      [a],
      rows(imported('Alpha', ['alpha term']), imported('Renamed', ['renamed term'], { id: a.id })),
      'merge',
      bundled,
    );
    expect(plan.problems.map((p) => [p.row, p.message])).toEqual([
      [3, 'Two entries of the file are the same as your term "Alpha" (by id or by term).'],
    ]);
  });

  it('keeps the dates a JSON backup carries', async () => {
    await store.applyImport(
      rows(imported('Old', ['old term'], { createdAt: 5, updatedAt: 6 })),
      'add-new',
    );
    expect((await store.list()).find((t) => t.term === 'Old')).toMatchObject({
      createdAt: 5,
      updatedAt: 6,
    });
  });
});
