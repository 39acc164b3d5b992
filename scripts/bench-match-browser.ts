/**
 * Runs the matcher benchmark (`scripts/bench-match.ts`, ours against a RegExp alternation) inside
 * real browsers: Node 20's V8 is not the browsers' V8 or SpiderMonkey, and the content script
 * runs in the browser.
 *
 *   npx tsx scripts/bench-match-browser.ts [--browser chromium|firefox]
 *
 * The benchmark is bundled for the browser with esbuild and run in a blank page; its output is
 * the page's console. No extension is loaded.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { browsersUnderTest, launchBrowser, type BrowserName } from '../e2e/support/browsers';
import { repoRoot } from '../e2e/support/paths';

const { values } = parseArgs({ options: { browser: { type: 'string' } } });
const browsers: BrowserName[] = values.browser
  ? [values.browser === 'firefox' ? 'firefox' : 'chromium']
  : browsersUnderTest();

const bundle = await build({
  entryPoints: [path.join(repoRoot, 'scripts/bench-match.ts')],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  write: false,
  logLevel: 'error',
});
const code = bundle.outputFiles[0]!.text;

for (const name of browsers) {
  const launched = await launchBrowser(name, { extension: false });
  try {
    const page = await launched.newPage();
    const done = new Promise<void>((resolve) => {
      page.on('console', (message) => {
        console.log(message.text());
        if (message.text().startsWith('Match counts differ')) resolve();
      });
    });
    page.on('pageerror', (error) => console.error(`[${name}]`, error));
    page.setDefaultTimeout(0);
    console.log(`\n=== ${name} ===`);
    await page.goto('about:blank');
    // Started from a timer, so the tag is added at once and the benchmark streams its lines.
    await page.addScriptTag({ content: `setTimeout(() => {\n${code}\n}, 0);` });
    await done;
  } finally {
    await launched.close();
  }
}
