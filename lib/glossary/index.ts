import * as v from 'valibot';
import bundled from '~/assets/glossary/glossary.json';
import { GlossarySchema, type EntryId, type GlossaryEntry } from './schema';

export type { Alias, AliasLang, EntryId, GlossaryEntry } from './schema';

/** A parsed glossary with lookup by id. */
export interface Glossary {
  readonly entries: readonly GlossaryEntry[];
  get(id: EntryId): GlossaryEntry | undefined;
}

/** Parses raw glossary data; throws a `ValiError` that names the offending entry and field. */
export function parseGlossary(data: unknown): Glossary {
  const entries = v.parse(GlossarySchema, data);
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  return { entries, get: (id) => byId.get(id) };
}

let cached: Glossary | undefined;

/** The glossary that ships with the extension, parsed once per page. */
export function bundledGlossary(): Glossary {
  cached ??= parseGlossary(bundled);
  return cached;
}
