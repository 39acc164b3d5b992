import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreditLensDb } from '../db';
import { bundledGlossary } from '../glossary';
import { customTermsToCsv, customTermsToJson } from './export-file';
import { describeRowError, parseImportFile, type ParsedImport } from './import-file';
import { IMPORT_MODES, type ImportMode } from './import-plan';
import { termKey } from './rules';
import type { CustomTerm } from './schema';
import { CustomTermStore, ImportRejectedError } from './store';
import { canonicalJson, dbState, type DbState } from '~/test/db-state';
import { customTermsFuzzCases, seedTerms } from '~/test/fuzz/custom-terms-cases';
import type { FuzzCase } from '~/test/fuzz/mutate';
import { pollutedPrototypes } from '~/test/fuzz/pollution';
import { FuzzTally, checkCategory, rejectionProblems } from '~/test/fuzz/tally';

/*
 * Issue 7, item 12, for "Your terms": every generated JSON or CSV file goes through the path the
 * options page takes (read the file → parse and check it → plan the import for the preview →
 * apply it in one transaction), in each of the three import modes in turn. Each must either be
 * refused with messages that name the file, row or entry, leaving the database exactly as it
 * was, or be imported as planned, and then an export of the result (JSON, and CSV without its
 * dates) must import into an empty database as exactly the same terms.
 */

const NOW = 1_760_000_000_000;
const all = customTermsFuzzCases();
const tally = new FuzzTally();
const bundled = bundledGlossary();

let db: CreditLensDb;
let store: CustomTermStore;
let copyDb: CreditLensDb;
let seeded: CustomTerm[];
let seededState: DbState;

beforeAll(async () => {
  db = new CreditLensDb(`terms-fuzz-${Math.random()}`);
  store = new CustomTermStore(
    db,
    bundled,
    () => {},
    () => NOW,
  );
  seeded = seedTerms();
  await db.customTerms.bulkAdd(seeded);
  // The seed itself must be a valid glossary, or every case would be refused for its sake.
  expect((await store.planImport([], 'merge')).problems).toEqual([]);
  seededState = await dbState(db);
  copyDb = new CreditLensDb(`terms-fuzz-copy-${Math.random()}`);
});

afterAll(async () => {
  await db.delete();
  await copyDb.delete();
  tally.print('Custom terms import fuzzing');
});

/** Runs one file in one mode; returns what is wrong with how it was handled. */
async function check(file: FuzzCase, mode: ImportMode): Promise<string[]> {
  return (await checkIn(file, mode)).map((problem) => `(${mode}) ${problem}`);
}

async function checkIn(file: FuzzCase, mode: ImportMode): Promise<string[]> {
  const blob = new Blob([file.bytes as Uint8Array<ArrayBuffer>]);
  const parsed = parseImportFile(file.fileName, await blob.text());
  const wrong: string[] = [];
  let refusal = parseRefusal(parsed, wrong);
  if (!refusal) {
    const preview = await store.planImport(parsed.rows, mode);
    if (preview.problems.length > 0) {
      refusal = preview.problems.map(
        (p) => `${p.row ? `${parsed.rowLabel} ${p.row}` : `"${p.term}"`}: ${p.message}`,
      );
    }
    try {
      const applied = await store.applyImport(parsed.rows, mode);
      if (refusal) wrong.push('the preview shows problems, but the import was applied');
      else wrong.push(...(await importedAsInFile(parsed, applied.result, mode)));
    } catch (error) {
      if (!refusal) {
        // Only the size of the result is checked at apply time alone (a count, not a row).
        refusal = [error instanceof Error ? error.message : String(error)];
      } else if (!(error instanceof ImportRejectedError)) {
        wrong.push(`refused with an unexpected error: ${String(error)}`);
      }
    }
  }
  wrong.push(...pollutedPrototypes().map((proto) => `${proto} was polluted`));
  if (refusal) {
    tally.count(file, 'rejected');
    wrong.push(
      ...rejectionProblems(refusal, /^(Row|Entry) \d+|^"[^"]+": |\b(file|header row|import)\b/i),
    );
    if ((await dbState(db)).hash !== seededState.hash)
      wrong.push('refused, but the database changed');
  } else {
    tally.count(file, 'accepted');
    wrong.push(...(await roundTrips()));
    await db.customTerms.clear();
    await db.customTerms.bulkAdd(seeded);
  }
  if (file.expected && file.expected !== (refusal ? 'rejected' : 'accepted')) {
    wrong.push(`expected to be ${file.expected}${refusal ? `, refused: ${refusal[0]}` : ''}`);
  }
  return wrong;
}

/** The messages the options page shows for a file it cannot read, or null if it can. */
function parseRefusal(parsed: ParsedImport, wrong: string[]): string[] | null {
  if (parsed.fileError !== undefined) {
    if (parsed.rows.length > 0) wrong.push('a file problem, but rows were returned');
    return [parsed.fileError];
  }
  if (parsed.errors.length > 0) {
    if (parsed.rows.length > 0) wrong.push('errors, but rows were returned');
    return parsed.errors.map((error) => describeRowError(error, parsed.rowLabel));
  }
  return null;
}

/** The database holds what the plan said, and every entry of the file is there as the mode says. */
async function importedAsInFile(
  parsed: ParsedImport,
  planned: readonly CustomTerm[],
  mode: ImportMode,
): Promise<string[]> {
  const wrong: string[] = [];
  const stored = await db.customTerms.toArray();
  const byId = (list: readonly CustomTerm[]) =>
    canonicalJson([...list].sort((a, b) => (a.id < b.id ? -1 : 1)));
  if (byId(stored) !== byId(planned)) wrong.push('the stored terms differ from the plan');
  // An entry is recognised by its id, or failing that by its term (as the plan does).
  const sameAs = (entry: { id?: string; term: string }) => (term: CustomTerm) =>
    entry.id !== undefined && stored.some((t) => t.id === entry.id)
      ? term.id === entry.id
      : termKey(term.term) === termKey(entry.term);
  for (const { row, entry } of parsed.rows) {
    const term = stored.find(sameAs(entry));
    if (!term) wrong.push(`${parsed.rowLabel} ${row} is missing after the import`);
    else if (mode !== 'add-new' && canonicalJson(term.aliases) !== canonicalJson(entry.aliases)) {
      wrong.push(`${parsed.rowLabel} ${row} is stored with other written forms`);
    }
  }
  const kept = seeded.filter(
    (t) =>
      !parsed.rows.some(
        ({ entry }) => entry.id === t.id || termKey(entry.term) === termKey(t.term),
      ),
  );
  for (const term of kept) {
    const now = stored.find((t) => t.id === term.id);
    if (mode === 'replace' ? now : canonicalJson(now) !== canonicalJson(term)) {
      wrong.push(`"${term.term}", not in the file, was ${mode === 'replace' ? 'kept' : 'changed'}`);
    }
  }
  return wrong;
}

/** An export of the result (JSON exactly; CSV without dates) imports into an empty database. */
async function roundTrips(): Promise<string[]> {
  const wrong: string[] = [];
  const terms = await store.list();
  // CSV has no dates, and no columns for `standalone` and `prefer` (which custom forms ignore).
  const undated = (list: readonly CustomTerm[]) =>
    canonicalJson(
      list.map(({ createdAt: _c, updatedAt: _u, aliases, ...rest }) => ({
        ...rest,
        aliases: aliases.map(({ standalone: _s, prefer: _p, ...alias }) => alias),
      })),
    );
  for (const [name, text] of [
    ['terms.json', customTermsToJson(terms, NOW)],
    ['terms.csv', customTermsToCsv(terms)],
  ] as const) {
    const parsed = parseImportFile(name, text);
    const refusal = parseRefusal(parsed, wrong);
    if (refusal && terms.length > 0) {
      wrong.push(`its ${name} export is refused: ${refusal.slice(0, 3).join(' ')}`);
      continue;
    }
    await copyDb.customTerms.clear();
    const copy = new CustomTermStore(
      copyDb,
      bundled,
      () => {},
      () => NOW,
    );
    if (terms.length > 0) await copy.applyImport(parsed.rows, 'replace');
    if (name === 'terms.json') {
      if ((await dbState(copyDb)).hash !== (await dbState(db)).hash) {
        wrong.push('its JSON export imports as different rows');
      }
    } else if (undated(await copy.list()) !== undated(terms)) {
      wrong.push('its CSV export imports as different terms');
    }
  }
  return wrong;
}

describe('custom terms import fuzzing', () => {
  it('generates at least 1,000 files, the same ones on every run', () => {
    expect(all.length).toBeGreaterThanOrEqual(1_000);
    expect(customTermsFuzzCases().map((c) => c.name)).toEqual(all.map((c) => c.name));
  });

  const categories = [...new Set(all.map((c) => c.category))];
  it.each(categories)(
    '%s: each file is refused with the database unchanged, or imports as planned and round-trips',
    async (category) => {
      // The three import modes take turns, so each kind of damage meets each mode.
      const failures = await checkCategory(all, category, (file, i) =>
        check(file, IMPORT_MODES[i % IMPORT_MODES.length]!),
      );
      expect(failures).toEqual([]);
      expect(await dbState(db)).toEqual(seededState);
    },
    120_000,
  );
});
