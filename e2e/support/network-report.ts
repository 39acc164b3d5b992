import { existsSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { networkSummaryFile, type NetworkSessionSummary } from './network-watch';
import { artifactsDir } from './paths';

/*
 * Vitest global setup for the e2e project: gives each run a network summary file of its own and,
 * at the end, prints what the launcher counted across every browser session of the run (the figure
 * issue 7 asks for: sessions, pages, requests made by the extension).
 */

// Each run writes a file of its own (test workers inherit the variable), so two runs at once in
// one checkout do not mix their rows; at the end it becomes network-summary.jsonl.
const runFile = path.join(artifactsDir, `network-summary.${process.pid}.jsonl`);

export function setup(): void {
  process.env.CREDIT_LENS_NETWORK_SUMMARY = runFile;
}

export function teardown(): void {
  if (!existsSync(runFile)) return;
  renameSync(runFile, networkSummaryFile);
  const sessions = readFileSync(networkSummaryFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as NetworkSessionSummary);
  for (const browser of ['chromium', 'firefox']) {
    const mine = sessions.filter((session) => session.browser === browser);
    if (mine.length === 0) continue;
    const sum = (field: 'pages' | 'extensionContexts' | 'unattributed' | 'extensionRequests') =>
      mine.reduce((total, session) => total + session[field], 0);
    console.info(
      `[network] ${browser}: ${mine.length} browser session(s) in ` +
        `${new Set(mine.map((session) => session.file)).size} file(s), ${sum('pages')} page(s), ` +
        `${sum('extensionContexts')} extension context(s) watched, ` +
        (browser === 'firefox' ? `${sum('unattributed')} unattributed HTTPS host(s), ` : '') +
        `${sum('extensionRequests')} request(s) by the extension`,
    );
  }
}
