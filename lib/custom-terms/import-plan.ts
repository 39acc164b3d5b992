import type { Glossary } from '../glossary';
import { customGlossaryProblems, termKey, type EntryProblem } from './rules';
import { newCustomTermId, type CustomTerm, type CustomTermImport } from './schema';

/**
 * What an import would do, worked out before anything is written: the preview shows it and the
 * store applies exactly this (re-planned inside its transaction).
 *
 * - `add-new`: only entries whose id and term are both new are added; existing terms stay as
 *   they are, even where the file differs.
 * - `merge`: new entries are added and existing ones the file changes are updated; terms the file
 *   does not mention are kept.
 * - `replace`: the file becomes the whole custom glossary; terms it does not mention are deleted.
 */
export type ImportMode = 'add-new' | 'merge' | 'replace';

export const IMPORT_MODES: readonly ImportMode[] = ['add-new', 'merge', 'replace'];

/** An imported entry and where it came from (CSV row or JSON entry number, for messages). */
export interface ImportRow {
  readonly row: number;
  readonly entry: CustomTermImport;
}

/** How an entry of the file compares with the reader's terms, whatever the mode. */
export type ChangeKind = 'new' | 'changed' | 'unchanged' | 'removed';

export interface PlannedChange {
  readonly kind: ChangeKind;
  /** The term as it will read (the file's), or the existing one for `removed`. */
  readonly term: string;
  /** The file's row; absent for `removed` (the file does not have it). */
  readonly row?: number;
  readonly before?: CustomTerm;
  readonly after?: CustomTerm;
  /** Whether the chosen mode writes (adds, updates or deletes) this one. */
  readonly applied: boolean;
}

/** A rule the result would break, located in the file where possible. */
export interface PlanProblem extends EntryProblem {
  readonly row?: number;
}

export interface ImportPlan {
  readonly mode: ImportMode;
  readonly changes: readonly PlannedChange[];
  /** The custom glossary after the import. */
  readonly result: readonly CustomTerm[];
  readonly writes: readonly CustomTerm[];
  readonly deletes: readonly string[];
  readonly problems: readonly PlanProblem[];
}

export interface PlanOptions {
  now?: number;
  newId?: () => string;
}

type Editable = Pick<CustomTerm, 'term' | 'aliases' | 'definition' | 'explanation' | 'overrides'>;

/** The fields a reader edits, in a fixed shape, for "has it changed?". */
function editable(entry: Editable): string {
  return JSON.stringify([
    entry.term,
    entry.aliases.map((a) => [a.text, a.lang, a.case, a.standalone, a.prefer]),
    entry.definition,
    entry.explanation ?? null,
    entry.overrides ?? null,
  ]);
}

export function planImport(
  existing: readonly CustomTerm[],
  incoming: readonly ImportRow[],
  mode: ImportMode,
  bundled: Glossary,
  { now = Date.now(), newId = newCustomTermId }: PlanOptions = {},
): ImportPlan {
  const byId = new Map(existing.map((term) => [term.id, term]));
  const byTerm = new Map(existing.map((term) => [termKey(term.term), term]));
  const matched = new Set<string>();
  const changes: PlannedChange[] = [];
  const problems: PlanProblem[] = [];
  const rowOf = new Map<string, number>();

  for (const { row, entry } of incoming) {
    // The same entry is recognised by its id, or failing that by its term (a file written by
    // hand, or exported from another browser, has other ids or none).
    const before =
      (entry.id !== undefined ? byId.get(entry.id) : undefined) ?? byTerm.get(termKey(entry.term));
    const fields: Editable = {
      term: entry.term,
      aliases: entry.aliases,
      definition: entry.definition,
      explanation: entry.explanation,
      overrides: entry.overrides,
    };
    if (before && matched.has(before.id)) {
      problems.push({
        entryId: before.id,
        term: entry.term,
        field: 'term',
        row,
        message: `Two entries of the file are the same as your term "${before.term}" (by id or by term).`,
      });
      continue;
    }
    if (before) {
      matched.add(before.id);
      rowOf.set(before.id, row);
      if (editable(before) === editable(fields)) {
        changes.push({
          kind: 'unchanged',
          term: before.term,
          row,
          before,
          after: before,
          applied: false,
        });
      } else {
        const after = compact({
          ...fields,
          id: before.id,
          createdAt: before.createdAt,
          updatedAt: entry.updatedAt ?? now,
        });
        changes.push({
          kind: 'changed',
          term: entry.term,
          row,
          before,
          after,
          applied: mode !== 'add-new',
        });
      }
    } else {
      const id = entry.id ?? newId();
      rowOf.set(id, row);
      const after = compact({
        ...fields,
        id,
        createdAt: entry.createdAt ?? now,
        updatedAt: entry.updatedAt ?? now,
      });
      changes.push({ kind: 'new', term: entry.term, row, after, applied: true });
    }
  }
  for (const term of existing) {
    if (!matched.has(term.id)) {
      changes.push({ kind: 'removed', term: term.term, before: term, applied: mode === 'replace' });
    }
  }

  const writes = changes.flatMap((c) =>
    c.applied && c.after && c.kind !== 'removed' ? [c.after] : [],
  );
  const deletes = changes.flatMap((c) => (c.applied && c.kind === 'removed' ? [c.before!.id] : []));
  const written = new Map(writes.map((term) => [term.id, term]));
  const deleted = new Set(deletes);
  // Kept entries first, so a clash between a kept term and an imported one lands on the import.
  const kept = existing.filter((term) => !written.has(term.id) && !deleted.has(term.id));
  const result = [...kept, ...writes];

  for (const problem of customGlossaryProblems(result, bundled)) {
    problems.push({ ...problem, row: rowOf.get(problem.entryId) });
  }
  return { mode, changes, result, writes, deletes, problems };
}

/** Drops optional fields that are absent, so stored entries have no `undefined` keys. */
function compact(term: CustomTerm): CustomTerm {
  const { explanation, overrides, ...rest } = term;
  return {
    ...rest,
    ...(explanation !== undefined && { explanation }),
    ...(overrides !== undefined && { overrides }),
  };
}

export { compact as compactCustomTerm };
