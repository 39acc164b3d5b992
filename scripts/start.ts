/**
 * `npm start` (after the Chrome build): shows Credit Lens working on the demo article.
 *
 *   tsx scripts/start.ts [--browser chromium|firefox]
 *
 * With a display (DISPLAY or WAYLAND_DISPLAY set) it opens a visible browser with the extension
 * on the demo page and runs until that browser is closed. Without one (a server, CI, a container)
 * it does the same headless, rests the pointer on a term so the popover opens, saves a screenshot
 * to e2e/artifacts/start-<browser>.png and prints its path and the scan figures.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { waitForRole } from '../e2e/support/aria';
import { launchBrowser, type BrowserName, type LaunchedBrowser } from '../e2e/support/browsers';
import { glossaryEntry } from '../e2e/support/glossary';
import { hover, waitForScan, type ScanMeasure } from '../e2e/support/page-helpers';
import { artifactsDir } from '../e2e/support/paths';
import { startServer, type StaticServer } from '../e2e/support/server';

function browserFromArgs(): BrowserName {
  const { values } = parseArgs({
    options: { browser: { type: 'string', short: 'b', default: 'chromium' } },
  });
  const name = values.browser === 'chrome' ? 'chromium' : values.browser;
  if (name !== 'chromium' && name !== 'firefox') {
    throw new Error(`--browser must be chromium or firefox, not "${values.browser}"`);
  }
  return name;
}

function scanSummary(measures: readonly ScanMeasure[]): string {
  return measures
    .map(
      ({ duration, detail }) =>
        `${duration.toFixed(1)} ms: ${detail.textNodes} text nodes, ${detail.chars} chars, ` +
        `${detail.matches} matches`,
    )
    .join('\n  ');
}

/** Visible browser: leave it to the reader, until they close it. */
async function runWithDisplay(launched: LaunchedBrowser, server: StaticServer): Promise<void> {
  const [page = await launched.browser.newPage()] = await launched.browser.pages();
  await page.goto(server.url('/index.html'));
  console.log(`Credit Lens is running in ${launched.name} on ${server.url('/index.html')}`);
  console.log(
    'Rest the pointer on an underlined term. Close the browser (or press Ctrl+C) to stop.',
  );

  process.once('SIGINT', () => void launched.close());
  process.once('SIGTERM', () => void launched.close());
  await new Promise<void>((resolve) => launched.browser.once('disconnected', () => resolve()));
}

/** No display: prove it works with a screenshot of the open popover. */
async function runHeadless(launched: LaunchedBrowser, server: StaticServer): Promise<void> {
  const page = await launched.browser.newPage();
  await page.goto(server.url('/index.html'));
  const measures = await waitForScan(page);
  await hover(page, 'chéngxìn');
  await waitForRole(page, 'dialog', glossaryEntry('chengxin').term);
  await mkdir(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `start-${launched.name}.png`) as `${string}.png`;
  await page.screenshot({ path: file });
  console.log(`No display: ran ${launched.name} headless on the demo page.`);
  console.log(`Scan:\n  ${scanSummary(measures)}`);
  console.log(`Screenshot with the popover open: ${file}`);
}

async function main(): Promise<void> {
  const browserName = browserFromArgs();
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const server = await startServer();
  let launched: LaunchedBrowser | undefined;
  try {
    launched = await launchBrowser(browserName, { headless: !hasDisplay });
    if (hasDisplay) {
      await runWithDisplay(launched, server);
    } else {
      await runHeadless(launched, server);
    }
  } finally {
    // Also after the reader closed the browser: closing twice is harmless.
    await launched?.close();
    await server.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
