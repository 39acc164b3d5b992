/**
 * The browser benchmark measures the built extension, so it must be the extension as the sources
 * are now: build when either build is missing or older than any source file it is made from.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../e2e/support/paths';

const SOURCES = [
  'entrypoints',
  'components',
  'lib',
  'assets',
  'public',
  'wxt.config.ts',
  'package.json',
];
const BUILDS = ['.output/chrome-mv3/manifest.json', '.output/firefox-mv2/manifest.json'];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) {
    // Unit tests are not part of the build.
    if (/\.test\.tsx?$/.test(entry)) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** Why a build is needed, or null when both builds are newer than every source. */
export function staleBuildReason(): string | null {
  const builtAt = BUILDS.map((file) => {
    const full = path.join(repoRoot, file);
    return existsSync(full) ? statSync(full).mtimeMs : 0;
  });
  if (builtAt.some((t) => t === 0)) return 'no build yet';
  const sources = Math.max(...SOURCES.map((s) => newestMtime(path.join(repoRoot, s))));
  return sources > Math.min(...builtAt) ? 'sources changed since the last build' : null;
}

/** Runs `npm run build` if needed; its output goes to stderr so stdout stays the report. */
export function buildIfNeeded(force = false): void {
  const reason = force ? 'asked to' : staleBuildReason();
  if (reason === null) return;
  process.stderr.write(`Building the extension (${reason})…\n`);
  const result = spawnSync('npm', ['run', 'build'], {
    cwd: repoRoot,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status})`);
}
