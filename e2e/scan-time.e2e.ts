import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersUnderTest, launchBrowser, type LaunchedBrowser } from './support/browsers';
import { gotoLoaded, waitForScan, type ScanMeasure } from './support/page-helpers';
import { corpusDir, hasCorpus } from './support/paths';
import { startServer, type StaticServer } from './support/server';

/*
 * A report, not a benchmark with thresholds: prints how long the content script's scans took
 * (its `credit-lens:scan` measures) on the demo page and on the heaviest saved pages. Timings on
 * a shared two-core machine are noisy; the figures are for spotting large regressions by eye.
 */

let server: StaticServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

const pages = [
  { label: 'demo page', path: '/index.html', needsCorpus: false },
  // The largest saved page (1.6 MB of HTML) and the one with the most text.
  { label: 'yahoo-2 (corpus)', path: '/corpus/yahoo-2.html', needsCorpus: true },
  { label: 'wikipedia-2 (corpus)', path: '/corpus/wikipedia-2.html', needsCorpus: true },
];

function describeMeasures(measures: readonly ScanMeasure[]): string {
  const total = measures.reduce((sum, measure) => sum + measure.duration, 0);
  const longest = Math.max(...measures.map((measure) => measure.duration));
  const sum = (key: keyof ScanMeasure['detail']) =>
    measures.reduce((acc, measure) => acc + measure.detail[key], 0);
  return [
    `${measures.length} scan(s)`,
    `${total.toFixed(1)} ms in all`,
    `longest ${longest.toFixed(1)} ms`,
    `${sum('textNodes')} text nodes`,
    `${sum('chars')} chars`,
    `${sum('matches')} matches`,
  ].join(', ');
}

describe.each(browsersUnderTest())('Scan time in %s', (browserName) => {
  let launched: LaunchedBrowser;

  beforeAll(async () => {
    launched = await launchBrowser(browserName);
  });
  afterAll(async () => {
    await launched?.close();
  });

  it.for(pages)(
    'reports the scans of the $label',
    async ({ label, path, needsCorpus }, context) => {
      if (needsCorpus && !hasCorpus) context.skip(`no saved pages at ${corpusDir}`);
      const page = await launched.browser.newPage();
      await gotoLoaded(page, server.url(path));
      const measures = await waitForScan(page);
      console.info(`[${browserName}] ${label}: ${describeMeasures(measures)}`);
      expect(measures.length).toBeGreaterThan(0);
      await page.close();
    },
  );
});
