import { existsSync, readFileSync, rmSync } from 'node:fs';
import { networkSummaryFile, type NetworkSessionSummary } from './network-watch';

/*
 * Vitest global setup for the e2e project: starts each run with an empty network summary and, at
 * the end, prints what the launcher counted across every browser session of the run (the figure
 * issue 7 asks for: sessions, pages, requests made by the extension).
 */

export function setup(): void {
  rmSync(networkSummaryFile, { force: true });
}

export function teardown(): void {
  if (!existsSync(networkSummaryFile)) return;
  const sessions = readFileSync(networkSummaryFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as NetworkSessionSummary);
  for (const browser of ['chromium', 'firefox']) {
    const mine = sessions.filter((session) => session.browser === browser);
    if (mine.length === 0) continue;
    const sum = (field: 'pages' | 'extensionContexts' | 'extensionRequests') =>
      mine.reduce((total, session) => total + session[field], 0);
    console.info(
      `[network] ${browser}: ${mine.length} browser session(s) in ` +
        `${new Set(mine.map((session) => session.file)).size} file(s), ${sum('pages')} page(s), ` +
        `${sum('extensionContexts')} extension context(s) watched, ` +
        `${sum('extensionRequests')} request(s) by the extension`,
    );
  }
}
