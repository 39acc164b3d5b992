import { createHash } from 'node:crypto';
import type { Dexie } from 'dexie';

/** What a database holds: rows per table and one hash of every row of every table. */
export interface DbState {
  readonly counts: Readonly<Record<string, number>>;
  readonly hash: string;
}

/**
 * Every table of `db` (or the tables named in `only`), read in primary-key order and written as JSON with sorted keys, hashed.
 * Two states are equal only if every row is equal field by field (lone surrogates and NULs
 * included: `JSON.stringify` escapes them), whatever order the rows were written in.
 */
export async function dbState(db: Dexie, only?: readonly string[]): Promise<DbState> {
  const counts: Record<string, number> = {};
  const hash = createHash('sha256');
  const tables = db.tables.filter((table) => !only || only.includes(table.name));
  for (const table of tables.sort((a, b) => a.name.localeCompare(b.name))) {
    const rows = await table.toCollection().toArray();
    counts[table.name] = rows.length;
    hash.update(`${table.name}\n`);
    for (const row of rows) hash.update(`${canonicalJson(row)}\n`);
  }
  return { counts, hash: hash.digest('hex') };
}

/** JSON with object keys sorted, so equal rows give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(
          Object.keys(item)
            .sort()
            .map((key) => [key, (item as Record<string, unknown>)[key]]),
        )
      : item,
  );
}
