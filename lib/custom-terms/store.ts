import { formatNumber, i18n } from '~/lib/i18n';
import * as v from 'valibot';
import type { CreditLensDb } from '../db';
import type { Glossary } from '../glossary';
import {
  compactCustomTerm,
  planImport,
  type ImportMode,
  type ImportPlan,
  type ImportRow,
} from './import-plan';
import { customGlossaryProblems, type EntryProblem } from './rules';
import {
  CUSTOM_LIMITS,
  CustomTermInputSchema,
  CustomTermSchema,
  newCustomTermId,
  type CustomTerm,
} from './schema';

/** One thing wrong with a custom entry, at a field path such as `term` or `aliases.1.text`. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** A save that broke a rule; `problems` say which field, for the form to show beside it. */
export class CustomTermError extends Error {
  override name = 'CustomTermError';
  constructor(readonly problems: readonly FieldProblem[]) {
    super(problems.map((p) => p.message).join(' '));
  }
}

/** An import that would break a rule; nothing was written. */
export class ImportRejectedError extends Error {
  override name = 'ImportRejectedError';
  constructor(readonly plan: ImportPlan) {
    super(
      `The import was not applied: ${plan.problems.length === 1 ? 'one problem' : `${plan.problems.length} problems`} would remain.`,
    );
  }
}

/** Where an entry problem belongs in the form. */
export function problemField(problem: EntryProblem): string {
  if (problem.field === 'aliases' && problem.aliasIndex !== undefined) {
    return `aliases.${problem.aliasIndex}.text`;
  }
  return problem.field;
}

function schemaProblems(issues: readonly v.BaseIssue<unknown>[]): FieldProblem[] {
  return issues.map((issue) => ({ field: v.getDotPath(issue) ?? '', message: issue.message }));
}

/**
 * The reader's own glossary entries, in the extension's database. Used by extension pages (the
 * options page writes, the background reads for content scripts). Every write is checked against
 * the schema and against the whole custom glossary, inside the transaction that writes it, and
 * then `onChange` runs (the options page bumps the revision content scripts watch).
 */
export class CustomTermStore {
  constructor(
    private readonly db: CreditLensDb,
    private readonly bundled: Glossary,
    private readonly onChange: () => void | Promise<void> = () => {},
    private readonly now: () => number = Date.now,
  ) {}

  /** Every custom entry, by term. */
  async list(): Promise<CustomTerm[]> {
    const terms = await this.db.customTerms.toArray();
    return terms.sort((a, b) => a.term.localeCompare(b.term) || a.id.localeCompare(b.id));
  }

  /**
   * Only entries that pass the schema: what content scripts receive. A record that no longer
   * passes (written by hand in devtools, say) is left out rather than breaking every page.
   */
  async listValid(): Promise<CustomTerm[]> {
    return (await this.list()).filter((term) => v.is(CustomTermSchema, term));
  }

  /** Adds (no id) or updates (with id) an entry; throws `CustomTermError` naming the fields. */
  async save(input: unknown): Promise<CustomTerm> {
    const parsed = v.safeParse(CustomTermInputSchema, input);
    if (!parsed.success) throw new CustomTermError(schemaProblems(parsed.issues));
    const fields = parsed.output;
    const saved = await this.db.transaction('rw', this.db.customTerms, async () => {
      const existing = await this.db.customTerms.toArray();
      const before = fields.id === undefined ? undefined : existing.find((t) => t.id === fields.id);
      if (fields.id !== undefined && !before) {
        throw new CustomTermError([
          {
            field: 'id',
            message: i18n.t('problems.deletedMeanwhile'),
          },
        ]);
      }
      if (!before && existing.length >= CUSTOM_LIMITS.entries) {
        throw new CustomTermError([
          {
            field: '',
            message: i18n.t('problems.tooManyTerms', {
              max: formatNumber(CUSTOM_LIMITS.entries),
            }),
          },
        ]);
      }
      const now = this.now();
      const term = compactCustomTerm({
        ...fields,
        id: before?.id ?? newCustomTermId(),
        createdAt: before?.createdAt ?? now,
        updatedAt: now,
      });
      this.#check(
        existing.filter((t) => t.id !== term.id),
        term,
      );
      await this.db.customTerms.put(term);
      return term;
    });
    await this.onChange();
    return saved;
  }

  /** Deletes an entry and returns it, for "Undo". */
  async delete(id: string): Promise<CustomTerm | undefined> {
    const deleted = await this.db.transaction('rw', this.db.customTerms, async () => {
      const term = await this.db.customTerms.get(id);
      if (term) await this.db.customTerms.delete(id);
      return term;
    });
    if (deleted) await this.onChange();
    return deleted;
  }

  /** Puts a deleted entry back exactly ("Undo"), unless another entry now claims its forms. */
  async restore(term: CustomTerm): Promise<void> {
    const checked = v.parse(CustomTermSchema, term);
    await this.db.transaction('rw', this.db.customTerms, async () => {
      const others = (await this.db.customTerms.toArray()).filter((t) => t.id !== checked.id);
      this.#check(others, checked);
      await this.db.customTerms.put(compactCustomTerm(checked));
    });
    await this.onChange();
  }

  /** What an import would do now (for the preview). */
  async planImport(rows: readonly ImportRow[], mode: ImportMode): Promise<ImportPlan> {
    return planImport(await this.db.customTerms.toArray(), rows, mode, this.bundled, {
      now: this.now(),
    });
  }

  /**
   * Applies an import in one transaction, planned again inside it so a change made meanwhile is
   * seen. All or nothing: if the result would break a rule, `ImportRejectedError` is thrown and
   * nothing is written.
   */
  async applyImport(rows: readonly ImportRow[], mode: ImportMode): Promise<ImportPlan> {
    const plan = await this.db.transaction('rw', this.db.customTerms, async () => {
      const existing = await this.db.customTerms.toArray();
      const planned = planImport(existing, rows, mode, this.bundled, { now: this.now() });
      if (planned.problems.length > 0) throw new ImportRejectedError(planned);
      if (planned.result.length > CUSTOM_LIMITS.entries) {
        throw new Error(
          i18n.t('problems.importWouldLeave', {
            count: formatNumber(planned.result.length),
            max: formatNumber(CUSTOM_LIMITS.entries),
          }),
        );
      }
      await this.db.customTerms.bulkDelete([...planned.deletes]);
      await this.db.customTerms.bulkPut([...planned.writes]);
      return planned;
    });
    if (plan.writes.length > 0 || plan.deletes.length > 0) await this.onChange();
    return plan;
  }

  #check(others: readonly CustomTerm[], term: CustomTerm): void {
    const problems = customGlossaryProblems([...others, term], this.bundled).filter(
      (p) => p.entryId === term.id,
    );
    if (problems.length > 0) {
      throw new CustomTermError(
        problems.map((p) => ({ field: problemField(p), message: p.message })),
      );
    }
  }
}
