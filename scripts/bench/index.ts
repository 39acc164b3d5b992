/**
 * `npm run bench`: issue 5's whole benchmark in one run, headless, from a fresh clone.
 *
 *   npm run bench [-- --browsers chromium,firefox] [--skip node,pages,markjs,scale,hover,footprint]
 *                 [--pages <regexp of page ids>] [--markjs-limit <seconds per page>] [--quick]
 *                 [--build | --no-build]
 *
 * 1. Matcher in Node (`node-matcher.ts`): throughput against the bare-loop ceiling, a RegExp and
 *    indexOf, bundled glossary to 10,000 terms.
 * 2. Every page (`browser-pages.ts`): the extension's scans, ranges and longest task, and mark.js
 *    with the same aliases on the same pages, in Chromium and Firefox.
 * 3. Scale (`scale.ts`): 100,000 text nodes; infinite scroll.
 * 4. Hover to popover painted (`hover.ts`).
 * 5. Footprint (`footprint.ts`): start-up on a page without terms, heap, bundle size.
 *
 * The pages are `../shared/corpus/pages` plus the demo pages, or generated articles when the
 * corpus is absent. Progress goes to stderr; stdout is the tables and, as its last line, one JSON
 * object with every figure.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { browsersUnderTest, launchBrowser, type BrowserName } from '../../e2e/support/browsers';
import { hasCorpus } from '../../e2e/support/paths';
import { startBenchServer } from './bench-server';
import { measureBrowserPages } from './browser-pages';
import { buildIfNeeded } from './build-if-needed';
import { measureBundle, measureHeap, measureStartup } from './footprint';
import { measureHover } from './hover';
import { bundleInPageHelpers } from './in-page-bundles';
import { benchPages } from './page-set';
import {
  checkTargets,
  formatFootprint,
  formatPages,
  formatScale,
  formatSummaries,
  formatTargets,
  summarisePages,
  type BrowserFigures,
  type Target,
} from './report';
import { measureManyNodes, measureScrollFeed, type ScaleResult } from './scale';

const PARTS = ['node', 'pages', 'markjs', 'scale', 'hover', 'footprint'] as const;
type Part = (typeof PARTS)[number];

const { values } = parseArgs({
  options: {
    browsers: { type: 'string' },
    /** Only pages whose id matches this regular expression (e.g. `demo|wikipedia`). */
    pages: { type: 'string' },
    skip: { type: 'string', default: '' },
    quick: { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    /** Seconds one mark.js run may take before it is stopped and extrapolated. */
    'markjs-limit': { type: 'string', default: '30' },
  },
});
const skipped = new Set(values.skip.split(',').filter(Boolean) as Part[]);
for (const part of skipped) {
  if (!PARTS.includes(part))
    throw new Error(`--skip: unknown part "${part}"; parts: ${PARTS.join(', ')}`);
}
const runs = (part: Part) => !skipped.has(part);
const browsers: BrowserName[] = values.browsers
  ? (values.browsers.split(',').map((b) => b.trim()) as BrowserName[])
  : browsersUnderTest();
const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const print = (lines: readonly string[] = ['']) => {
  for (const line of lines) console.log(line);
};

async function nodeMatcher(): Promise<unknown> {
  try {
    const module = await import('./node-matcher');
    progress('matcher (Node)…');
    const result = await module.measureNodeMatcher({
      progress,
      ...(values.quick ? { repeats: 3, warmUps: 1, baselineBudgetMs: 3_000 } : {}),
    });
    print(['## Matcher (Node)', ...module.formatNodeMatcher(result), '']);
    return result;
  } catch (error) {
    const note = `skipped: ${error instanceof Error ? error.message : String(error)}`;
    print(['## Matcher (Node)', note, '']);
    return { skipped: note };
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const figures: Record<string, unknown> = {
    bench: 'credit-lens',
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      os: `${os.type()} ${os.release()}`,
      node: process.version,
      // Timings on a busy machine are not comparable: the load is part of the record.
      loadAverageAtStart: os.loadavg()[0],
    },
    pageSource: hasCorpus ? 'corpus' : 'generated',
  };

  if (runs('node')) figures.matcher = await nodeMatcher();

  const browserParts = runs('pages') || runs('scale') || runs('hover') || runs('footprint');
  const perBrowser: Partial<Record<BrowserName, BrowserFigures>> = {};
  const versions: Partial<Record<BrowserName, string>> = {};
  let heap: Awaited<ReturnType<typeof measureHeap>> | undefined;
  let bundle: ReturnType<typeof measureBundle> | undefined;
  if (browserParts) {
    if (!values['no-build']) buildIfNeeded(values.build);
    const scripts = await bundleInPageHelpers();
    const server = await startBenchServer(scripts);
    try {
      const filter = values.pages === undefined ? undefined : new RegExp(values.pages);
      const pages = benchPages(server).filter((p) => !filter || filter.test(p.id));
      progress(`${pages.length} pages (${hasCorpus ? 'shared corpus' : 'generated'} + demo)`);
      for (const name of browsers) {
        const mine: BrowserFigures = {};
        perBrowser[name] = mine;
        if (runs('pages')) {
          mine.pages = await measureBrowserPages(name, pages, scripts['markjs-run'], {
            markjs: runs('markjs'),
            markjsBudgetMs: Number(values['markjs-limit']) * 1000,
            progress,
          });
          mine.summary = summarisePages(mine.pages);
          versions[name] = mine.pages.version;
        }
        if (runs('scale') || runs('hover') || runs('footprint')) {
          const launched = await launchBrowser(name);
          versions[name] = await launched.browser.version();
          try {
            if (runs('scale')) {
              progress(`${name}: 100,000 text nodes…`);
              const manyNodes = await measureManyNodes(launched, server);
              progress(`${name}: infinite scroll…`);
              const scrollFeed = await measureScrollFeed(launched, server);
              mine.scale = { browser: name, manyNodes, scrollFeed } satisfies ScaleResult;
            }
            if (runs('hover')) {
              progress(`${name}: hover…`);
              mine.hover = await measureHover(launched, server);
            }
            if (runs('footprint')) {
              progress(`${name}: start-up…`);
              mine.startup = await measureStartup(launched, server);
            }
          } finally {
            await launched.close();
          }
        }
      }
      if (runs('footprint')) {
        bundle = measureBundle();
        if (browsers.includes('chromium')) {
          // The page with the most text (the most for the extension to hold on to); without
          // the pages part, the largest file.
          const bySize = pages.reduce((a, b) => (b.bytes > a.bytes ? b : a));
          const largest = perBrowser.chromium?.summary?.largest.page ?? bySize.id;
          const page = pages.find((p) => p.id === largest)!;
          progress(`chromium: heap on ${largest}…`);
          heap = await measureHeap(largest, page.url);
        }
      }
    } finally {
      await server.close();
    }
  }

  // Tables.
  const pagesResults = browsers.flatMap((b) => perBrowser[b]?.pages ?? []);
  if (pagesResults.length) {
    print(['## Pages']);
    for (const result of pagesResults) print([...formatPages(result), '']);
    print(['## Pages, summed', ...formatSummaries(pagesResults.map(summarisePages)), '']);
  }
  const scale = browsers.flatMap((b) => perBrowser[b]?.scale ?? []);
  if (scale.length) print(['## Scale', ...formatScale(scale), '']);
  const startups = browsers.flatMap((b) => perBrowser[b]?.startup ?? []);
  const hovers = browsers.flatMap((b) => perBrowser[b]?.hover ?? []);
  if (startups.length || hovers.length || bundle || heap) {
    print(['## Footprint and hover', ...formatFootprint(startups, hovers, bundle, heap), '']);
  }
  const targets: Target[] = checkTargets(perBrowser, heap);
  const matcher = figures.matcher as { targets?: { met: boolean } } | undefined;
  if (matcher?.targets) {
    targets.unshift({
      name: 'matcher (Node): ≥ 40% of the bare loop, flat to 10,000 terms',
      target: '≥ 40%, ≤ 1.25',
      measured: 'see the matcher table',
      met: matcher.targets.met,
    });
  }
  if (targets.length) print(['## Targets (issue 5)', ...formatTargets(targets), '']);
  const load = os.loadavg()[0]!;
  (figures.machine as Record<string, unknown>).loadAverageAtEnd = load;
  print([
    `Took ${((Date.now() - started) / 60_000).toFixed(1)} min; load average ${load.toFixed(1)} ` +
      `on ${os.cpus().length} CPUs${load > os.cpus().length ? ' (busy machine: timings are inflated)' : ''}.`,
  ]);

  figures.browsers = versions;
  figures.pages = Object.fromEntries(
    browsers.map((b) => [
      b,
      { summary: perBrowser[b]?.summary, pages: perBrowser[b]?.pages?.pages },
    ]),
  );
  figures.scale = Object.fromEntries(browsers.map((b) => [b, perBrowser[b]?.scale]));
  figures.hover = Object.fromEntries(browsers.map((b) => [b, perBrowser[b]?.hover]));
  figures.startup = Object.fromEntries(browsers.map((b) => [b, perBrowser[b]?.startup]));
  figures.heap = heap;
  figures.bundle = bundle;
  figures.targets = targets;
  console.log(JSON.stringify(figures));
}

await main();
