import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { repoRoot } from './paths';
import type { StaticServer } from './server';

/** `import css from './x.css?inline'` (Vite's syntax, used by the content script): the text. */
const inlineCss: Plugin = {
  name: 'inline-css',
  setup(on) {
    on.onResolve({ filter: /\.css\?inline$/ }, (args) => ({
      path: path.resolve(
        args.path.startsWith('~/') ? repoRoot : args.resolveDir,
        args.path.replace(/^~\//, '').replace(/\?inline$/, ''),
      ),
      namespace: 'inline-css',
    }));
    on.onLoad({ filter: /.*/, namespace: 'inline-css' }, async (args) => ({
      contents: await readFile(args.path, 'utf8'),
      loader: 'text',
    }));
  },
};

/**
 * Serves `/a11y/popover.html`: a plain page with a term in its text and the popover components
 * in an OPEN shadow root (`e2e/fixtures/a11y/popover.tsx`, bundled in memory at test time), with
 * the built extension's messages for `locale`. `window.openPopover(entryId, text)` opens it.
 */
export async function servePopoverFixture(server: StaticServer, locale = 'en'): Promise<string> {
  const result = await build({
    entryPoints: [path.join(repoRoot, 'e2e/fixtures/a11y/popover.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    // `~/…` and `#i18n` come from tsconfig.json's paths (via .wxt/tsconfig.json).
    tsconfig: path.join(repoRoot, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"', 'import.meta.env': '{}' },
    plugins: [inlineCss],
    logLevel: 'silent',
  });
  const messages = await readFile(
    path.join(repoRoot, '.output/chrome-mv3/_locales', locale, 'messages.json'),
    'utf8',
  );
  server.route('/a11y/popover.js', {
    body: result.outputFiles[0]!.text,
    contentType: 'text/javascript; charset=utf-8',
  });
  const page = `/a11y/popover-${locale}.html`;
  server.route(page, {
    body: [
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
      '<title>An article with a marked term</title>',
      `<script>window.fixtureMessages = ${messages.replace(/</g, '\\u003c')};</script>`,
      '<script src="/a11y/popover.js" defer></script></head><body><main>',
      '<h1>An article</h1>',
      '<p>Reports on the social credit system often mistake it for one national score.</p>',
      '</main></body></html>',
    ].join(''),
    contentType: 'text/html; charset=utf-8',
  });
  return page;
}
