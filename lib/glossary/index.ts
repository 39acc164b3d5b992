import * as v from 'valibot';
import china from '~/assets/glossary/china.json';
import institutions from '~/assets/glossary/institutions.json';
import shared from '~/assets/glossary/shared.json';
import western from '~/assets/glossary/western.json';
import { GlossarySchema, type EntryId, type GlossaryEntry } from './schema';

export type { Alias, AliasLang, Category, EntryId, GlossaryEntry, Source } from './schema';
export { CATEGORY_LABELS } from './schema';

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

/**
 * The bundled entries as stored: one file per category, so each file stays a size a reviewer can
 * read. Order matters only for display; the glossary page sorts by term.
 */
export const BUNDLED_GLOSSARY_DATA: unknown[] = [china, western, shared, institutions].flat();

let cached: Glossary | undefined;

/** The glossary that ships with the extension, parsed once per page. */
export function bundledGlossary(): Glossary {
  cached ??= parseGlossary(BUNDLED_GLOSSARY_DATA);
  return cached;
}
