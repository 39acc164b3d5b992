import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Paths the harness needs, resolved from this file so tests and scripts work from any cwd. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const demoDir = path.join(repoRoot, 'demo');

/**
 * Saved real-world pages shared between checkouts. They are test data that must stay out of the
 * repository, so tests that need them skip (saying so) on a clean clone where the folder is absent.
 */
export const corpusDir = path.resolve(repoRoot, '../shared/corpus/pages');
export const hasCorpus = existsSync(corpusDir);

/** Screenshots and other run outputs; git-ignored. */
export const artifactsDir = path.join(repoRoot, 'e2e/artifacts');
