import { describe, expect, it } from 'vitest';
import { glossaryEntries } from '../../e2e/support/glossary';
import { corpusDir, hasCorpus } from './corpus-text';
import { measurePrecision } from './glossary-precision';

describe.skipIf(!hasCorpus)('glossary precision on the corpus of unrelated pages', () => {
  it('marks nothing but the reviewed true positives', { timeout: 30_000 }, () => {
    const report = measurePrecision(glossaryEntries);
    expect(report.pages.length).toBeGreaterThan(0);
    // The corpus does use the everyday words, so a glossary that marked them would show here.
    expect(report.genericCounts.credit).toBeGreaterThan(10);
    expect(report.unreviewed.map((m) => `${m.page} → ${m.entryId}: ${m.context}`)).toEqual([]);
    expect(report.missing).toEqual([]);
  });
});

if (!hasCorpus) {
  describe('glossary precision on the corpus of unrelated pages', () => {
    it.skip(`needs the saved pages at ${corpusDir} (../shared is absent)`, () => {});
  });
}
