/**
 * Glossary precision on the shared corpus of unrelated real pages: every match, per page, with its
 * context, checked against the hand-reviewed list in e2e/fixtures/corpus-reviewed-marks.ts.
 *
 *   npm run glossary:precision
 *
 * Prints a table, each match in context, and as its last line one JSON object with the figures.
 * Exits 1 if a match is not in the reviewed list (a false positive until someone reads it) or a
 * reviewed match is no longer found.
 */
import { glossaryEntries } from '../e2e/support/glossary';
import { corpusDir, hasCorpus } from './support/corpus-text';
import { GENERIC_WORDS, measurePrecision } from './support/glossary-precision';

if (!hasCorpus) {
  console.log(`No corpus at ${corpusDir} (../shared is absent); nothing to measure.`);
  process.exit(0);
}

const report = measurePrecision(glossaryEntries);
const aliases = glossaryEntries.reduce((n, e) => n + e.aliases.length, 0);
const perPage = new Map<string, number>();
for (const m of report.found) perPage.set(m.page, (perPage.get(m.page) ?? 0) + 1);
const unreviewed = new Set(report.unreviewed);

console.log(`Glossary: ${glossaryEntries.length} entries, ${aliases} aliases`);
console.log(
  `Corpus: ${report.pages.length} pages, ${report.chars.toLocaleString('en')} characters`,
);
console.log(
  `Everyday words in the corpus: ${GENERIC_WORDS.map((w) => `${w} ×${report.genericCounts[w]}`).join(', ')}`,
);
console.log('');
console.log(`${'page'.padEnd(44)}matches`);
for (const page of report.pages) console.log(`${page.padEnd(44)}${perPage.get(page) ?? 0}`);
console.log('');
for (const m of report.found) {
  console.log(
    `${unreviewed.has(m) ? 'UNREVIEWED' : 'reviewed  '} ${m.page} → ${m.entryId}: ${m.context}`,
  );
}
for (const m of report.missing)
  console.log(`NO LONGER FOUND ${m.page} → ${m.entryId}: "${m.text}"`);
console.log(
  JSON.stringify({
    entries: glossaryEntries.length,
    aliases,
    pages: report.pages.length,
    chars: report.chars,
    matches: report.found.length,
    pagesWithMatches: perPage.size,
    reviewedTruePositives: report.found.length - report.unreviewed.length,
    falsePositives: report.unreviewed.length,
    genericWordOccurrences: report.genericCounts,
  }),
);
process.exit(report.unreviewed.length > 0 || report.missing.length > 0 ? 1 : 0);
