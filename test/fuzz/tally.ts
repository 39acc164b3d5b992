import type { FuzzCase } from './mutate';

/** Counts per category of files refused and imported: the figures the closing note cites. */
export class FuzzTally {
  readonly #rows = new Map<string, { rejected: number; accepted: number }>();
  readonly #start = performance.now();

  count(file: FuzzCase, outcome: 'rejected' | 'accepted'): void {
    const row = this.#rows.get(file.category) ?? { rejected: 0, accepted: 0 };
    row[outcome] += 1;
    this.#rows.set(file.category, row);
  }

  print(title: string): void {
    const rows = [...this.#rows];
    const total = rows.reduce(
      (sum, [, row]) => ({
        rejected: sum.rejected + row.rejected,
        accepted: sum.accepted + row.accepted,
      }),
      { rejected: 0, accepted: 0 },
    );
    const seconds = ((performance.now() - this.#start) / 1000).toFixed(1);
    console.log(
      [
        `${title}: ${total.rejected + total.accepted} files, ${total.rejected} refused, ${total.accepted} imported and round-tripped, ${seconds} s`,
        ...rows.map(
          ([category, row]) => `  ${category}: ${row.rejected} refused, ${row.accepted} imported`,
        ),
      ].join('\n'),
    );
  }
}

/**
 * What is wrong with the messages a refusal shows: there must be at least one, none empty, and
 * each must say where the problem is (`where`: the file as a whole, or a row or entry number).
 */
export function rejectionProblems(messages: readonly string[], where: RegExp): string[] {
  if (messages.length === 0) return ['refused without a message'];
  return messages.flatMap((message) =>
    message.trim() === ''
      ? ['refused with an empty message']
      : where.test(message)
        ? []
        : [`the message does not say where: "${message.slice(0, 200)}"`],
  );
}

/** Runs each file of one category through `check` in turn; each problem is named by its file. */
export async function checkCategory(
  files: readonly FuzzCase[],
  category: string,
  check: (file: FuzzCase, index: number) => Promise<string[]>,
): Promise<string[]> {
  const failures: string[] = [];
  for (const [i, file] of files.filter((c) => c.category === category).entries()) {
    failures.push(...(await check(file, i)).map((problem) => `${file.name}: ${problem}`));
  }
  return failures;
}
