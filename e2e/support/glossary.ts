import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { GlossarySchema, type GlossaryEntry } from '../../lib/glossary/schema';
import { repoRoot } from './paths';

/*
 * The bundled glossary, read the way the extension reads it (same schema), so tests can name the
 * popover a term should open without repeating the glossary's wording. (`lib/glossary/index.ts`
 * imports the JSON through WXT's `~` alias, which only the unit-test project resolves.)
 */
const GLOSSARY_FILES = ['china', 'western', 'shared', 'institutions'];

export const glossaryEntries: readonly GlossaryEntry[] = v.parse(
  GlossarySchema,
  GLOSSARY_FILES.flatMap((name): unknown[] =>
    JSON.parse(readFileSync(path.join(repoRoot, `assets/glossary/${name}.json`), 'utf8')),
  ),
);

export function glossaryEntry(id: string): GlossaryEntry {
  const entry = glossaryEntries.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`The glossary has no entry "${id}"`);
  return entry;
}
