import path from 'node:path';
import { build } from 'esbuild';
import { repoRoot } from './paths';

/**
 * Bundles a fixture page's script (TypeScript or TSX, with its npm imports) for the browser, in
 * memory, at test time: the bundle is served by a test route and never written to the repository.
 * React is built in development mode, which is the build that reports hydration mismatches.
 */
export async function bundleForPage(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [path.resolve(repoRoot, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
