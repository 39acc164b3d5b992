/**
 * Bundles the helpers in `in-page/` for the browser (esbuild, one IIFE each). Bundled rather than
 * passed as functions to `page.evaluate`: they are real modules (typed, linted, importing mark.js)
 * and tsx's name-keeping wrappers never reach the page.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export const IN_PAGE_HELPERS = [
  'marks-timeline',
  'task-gaps',
  'scroll-feed',
  'markjs-run',
] as const;
export type InPageHelper = (typeof IN_PAGE_HELPERS)[number];

export async function bundleInPageHelpers(): Promise<Record<InPageHelper, string>> {
  const bundles = {} as Record<InPageHelper, string>;
  for (const name of IN_PAGE_HELPERS) {
    const result = await build({
      entryPoints: [path.join(here, 'in-page', `${name}.ts`)],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      write: false,
      logLevel: 'error',
    });
    bundles[name] = result.outputFiles[0]!.text;
  }
  return bundles;
}
