import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersUnderTest, launchBrowser, type LaunchedBrowser } from './support/browsers';
import {
  delay,
  markedTexts,
  scanRecords,
  waitForScan,
  watchProblems,
  type PageProblem,
} from './support/page-helpers';
import { startServer, type StaticServer } from './support/server';

/*
 * Issue 7, item 7: a page that rewrites its own text without end must stay responsive, and the
 * extension must back off instead of fighting it (every rewrite is a mutation the content script
 * observes, and every rescan a bit of work on the page's main thread).
 *
 * The page (fixtures/pages/fight-loop.html) rewrites a paragraph full of terms while measuring
 * its own heartbeat: animation frames per second, how late a 20 ms timer fires, and how long key
 * presses wait before their handler runs (a key is pressed every half second). Each fight lasts
 * 10 s. Three fights:
 *
 * - every animation frame, changing the text node's data (how React updates text);
 * - every 5 ms, replacing the paragraph's children (a naive ticker);
 * - every 60 ms: the loop-breaker's case. The other two are coalesced by the 200 ms longest
 *   debounce into about 5 rescans a second; a 60 ms ticker gets one rescan per change, about 16 a
 *   second. The architecture promises: "If more than 8 rescans a second go on for 3 s, the
 *   loop-breaker slows rescans to one a second."
 *
 * The extension's CPU share is its scans' `busyMs` (time not handed back to the page) over the
 * fight's wall time. That leaves out the MutationObserver callback itself, so in Chromium a CPU
 * profile of the tab (CDP Profiler) also gives the self time of every function in the extension's
 * scripts, callbacks included, and `Performance.getMetrics` the tab's total task time with and
 * without the extension. Firefox's automation protocol (WebDriver BiDi) has neither: there only
 * `busyMs` is reported.
 */

const FIGHT_MS = 10_000;

/**
 * Thresholds. The issue sets none in numbers: these say "the page did not notice". The runs with
 * and without the extension are sequential on a shared two-core machine, so the page's own
 * figures vary by several frames between runs whatever the extension does; the bounds leave room
 * for that and still catch a scanner that fights back (which costs whole frames, every frame).
 */
const limits = {
  /** Frames per second with the extension, as a share of the rate without it. */
  frameRateShare: 0.8,
  /** 95th-percentile lateness of the page's 20 ms timer: at most two frames worse than without. */
  extraTimerLatenessMs: 33,
  /** 95th-percentile wait of a key press before its handler runs (RAIL: handle input in 50 ms). */
  inputDelayMs: 50,
  /** The extension's share of the wall time. */
  cpuShare: 0.05,
  /** Rescans per second while a page churns: the debounce must coalesce (8/s trips the breaker). */
  rescansPerSecond: 8,
  /** Rescans per second once the loop-breaker has tripped ("one a second"), with some slack. */
  brokenLoopRescansPerSecond: 1.5,
};

interface Fight {
  label: string;
  every: 'frame' | number;
  kind: 'data' | 'nodes';
}

const continuousFights: Fight[] = [
  { label: 'every animation frame (text data)', every: 'frame', kind: 'data' },
  { label: 'every 5 ms (replaced nodes)', every: 5, kind: 'nodes' },
];
const tickerFight: Fight = { label: 'every 60 ms (text data)', every: 60, kind: 'data' };

/** The terms of the rewritten paragraph: "Update n: the social credit system, 诚信 and GRC." */
const tickerTerms = ['social credit system', '诚信', 'GRC'];

interface PageStats {
  rewrites: number;
  frames: number;
  timerLateness: number[];
  inputDelays: number[];
  started: number;
  ended: number;
}

interface FightResult {
  wallMs: number;
  rewrites: number;
  framesPerSecond: number;
  timerLateness95: number;
  inputDelay95: number;
  /** Start times of the rescans during the fight, in ms from its start. */
  rescans: number[];
  /** Sum of the rescans' busyMs. */
  busyMs: number;
  /** Chromium only: self time of functions in the extension's scripts, from a CPU profile. */
  profiledMs?: number;
  /** Chromium only: the tab's task time during the fight (Performance.getMetrics). */
  taskMs?: number;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? NaN;
}

interface ProfileNode {
  id: number;
  callFrame: { url: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Self time (ms) of the samples whose function lives at `origin` (the extension's scripts). */
function selfTimeAt(profile: Profile, origin: string): number {
  const ours = new Set(
    profile.nodes.filter((node) => node.callFrame.url.startsWith(origin)).map((node) => node.id),
  );
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let micros = 0;
  // A sample's time is the gap to the next sample.
  for (let i = 0; i + 1 < samples.length; i++) {
    if (ours.has(samples[i]!)) micros += deltas[i + 1] ?? 0;
  }
  return micros / 1000;
}

/** Runs one fight for FIGHT_MS in a fresh tab and returns the page's and extension's figures. */
async function fight(
  launched: LaunchedBrowser,
  url: string,
  { every, kind }: Fight,
  { scanned }: { scanned: boolean },
): Promise<{ page: Page; problems: PageProblem[]; result: FightResult }> {
  const page = await launched.browser.newPage();
  const problems = watchProblems(page);
  await page.goto(url);
  if (scanned) await waitForScan(page);
  const cdp = launched.name === 'chromium' ? await page.createCDPSession() : undefined;
  let taskBefore = 0;
  if (cdp) {
    await cdp.send('Performance.enable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
    const { metrics } = await cdp.send('Performance.getMetrics');
    taskBefore = metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0;
  }

  const start = await page.evaluate(
    (options) => {
      (window as unknown as { startFight(o: unknown): void }).startFight(options);
      return performance.now();
    },
    { every, kind },
  );
  await page.focus('#field');
  const keysUntil = Date.now() + FIGHT_MS;
  while (Date.now() < keysUntil) {
    await page.keyboard.press('a');
    await delay(500);
  }
  const stats = await page.evaluate(() =>
    (window as unknown as { stopFight(): PageStats }).stopFight(),
  );

  let profiledMs: number | undefined;
  let taskMs: number | undefined;
  if (cdp) {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const taskAfter = metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0;
    taskMs = (taskAfter - taskBefore) * 1000;
    const { profile } = await cdp.send('Profiler.stop');
    profiledMs = selfTimeAt(profile as Profile, launched.extensionOrigin ?? 'chrome-extension://');
    await cdp.detach();
  }

  const records = (await scanRecords(page)).filter(
    (record) => record.startTime >= start && record.startTime <= stats.ended,
  );
  const wallMs = stats.ended - stats.started;
  return {
    page,
    problems,
    result: {
      wallMs,
      rewrites: stats.rewrites,
      framesPerSecond: (stats.frames / wallMs) * 1000,
      timerLateness95: percentile(stats.timerLateness, 0.95),
      inputDelay95: percentile(stats.inputDelays, 0.95),
      rescans: records.map((record) => record.startTime - stats.started),
      busyMs: records.reduce((sum, record) => sum + record.busyMs, 0),
      profiledMs,
      taskMs,
    },
  };
}

/** Rescans in each whole second of the fight, e.g. "4,5,5,…". */
function perSecond(rescans: readonly number[]): number[] {
  const counts = Array.from({ length: Math.floor(FIGHT_MS / 1000) }, () => 0);
  for (const at of rescans) {
    const second = Math.floor(at / 1000);
    if (second < counts.length) counts[second]! += 1;
  }
  return counts;
}

function describeFight(result: FightResult, baseline?: FightResult): string {
  const share = (ms: number | undefined) =>
    ms === undefined ? 'n/a' : `${((ms / result.wallMs) * 100).toFixed(2)} %`;
  return [
    `${result.rewrites} rewrites in ${(result.wallMs / 1000).toFixed(1)} s`,
    `${result.framesPerSecond.toFixed(1)} fps` +
      (baseline ? ` (without: ${baseline.framesPerSecond.toFixed(1)})` : ''),
    `timer lateness p95 ${result.timerLateness95.toFixed(1)} ms` +
      (baseline ? ` (without: ${baseline.timerLateness95.toFixed(1)})` : ''),
    `key delay p95 ${result.inputDelay95.toFixed(1)} ms`,
    `${result.rescans.length} rescans, per second ${perSecond(result.rescans).join(',')}`,
    `scan busy ${result.busyMs.toFixed(1)} ms = ${share(result.busyMs)} of wall time`,
    `extension self time (CPU profile) ${result.profiledMs?.toFixed(1) ?? 'n/a'} ms = ${share(result.profiledMs)}`,
    `tab task time ${result.taskMs?.toFixed(0) ?? 'n/a'} ms` +
      (baseline?.taskMs !== undefined ? ` (without: ${baseline.taskMs.toFixed(0)} ms)` : ''),
  ].join('; ');
}

let server: StaticServer;
beforeAll(async () => {
  server = await startServer();
  server.route('/favicon.ico', { body: '', contentType: 'image/x-icon' });
});
afterAll(async () => {
  await server?.close();
});

describe.each(browsersUnderTest())('A page that fights the scanner, in %s', (browserName) => {
  let launched: LaunchedBrowser;
  const baselines = new Map<string, FightResult>();
  const url = () => server.url('/fixtures/fight-loop.html');

  beforeAll(async () => {
    // The same fights without the extension: the page's own heartbeat on this machine.
    launched = await launchBrowser(browserName, { extension: false });
    for (const spec of continuousFights) {
      const { page, result } = await fight(launched, url(), spec, { scanned: false });
      baselines.set(spec.label, result);
      console.info(
        `[${browserName}] without the extension, ${spec.label}: ${describeFight(result)}`,
      );
      await page.close();
    }
    await launched.installExtension();
  }, 120_000);
  afterAll(async () => {
    await launched?.close();
  });

  it.for(continuousFights)(
    'stays responsive when the page rewrites its text $label, and coalesces rescans',
    { timeout: 60_000 },
    async (spec) => {
      const baseline = baselines.get(spec.label)!;
      const { page, problems, result } = await fight(launched, url(), spec, { scanned: true });
      console.info(`[${browserName}] ${spec.label}: ${describeFight(result, baseline)}`);

      expect(result.framesPerSecond).toBeGreaterThanOrEqual(
        baseline.framesPerSecond * limits.frameRateShare,
      );
      expect(result.timerLateness95).toBeLessThanOrEqual(
        baseline.timerLateness95 + limits.extraTimerLatenessMs,
      );
      expect(result.inputDelay95).toBeLessThanOrEqual(limits.inputDelayMs);
      expect(result.busyMs / result.wallMs).toBeLessThanOrEqual(limits.cpuShare);
      if (result.profiledMs !== undefined) {
        expect(result.profiledMs / result.wallMs).toBeLessThanOrEqual(limits.cpuShare);
      }
      expect(result.rescans.length / (result.wallMs / 1000)).toBeLessThanOrEqual(
        limits.rescansPerSecond,
      );
      // Once the page stops, its last text is marked (the extension did not give up for good).
      await expect.poll(() => markedTexts(page), { timeout: 3_000 }).toContain('GRC');
      expect((await markedTexts(page)).slice(-3)).toEqual(tickerTerms);
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it(
    'slows rescans to about one a second once a ticker has kept it above 8 a second for 3 s',
    { timeout: 60_000 },
    async () => {
      const { page, problems, result } = await fight(launched, url(), tickerFight, {
        scanned: true,
      });
      const counts = perSecond(result.rescans);
      console.info(`[${browserName}] ${tickerFight.label}: ${describeFight(result)}`);
      // The page stays responsive, as above.
      expect(result.inputDelay95).toBeLessThanOrEqual(limits.inputDelayMs);
      expect(result.busyMs / result.wallMs).toBeLessThanOrEqual(limits.cpuShare);
      // The breaker trips after 3 s; from the 5th second on, rescans must be about one a second.
      const late = counts.slice(4);
      const lateRate = late.reduce((sum, count) => sum + count, 0) / late.length;
      expect(lateRate, `rescans per second from 4 s: ${late.join(',')}`).toBeLessThanOrEqual(
        limits.brokenLoopRescansPerSecond,
      );
      await expect.poll(() => markedTexts(page), { timeout: 3_000 }).toContain('GRC');
      expect(problems).toEqual([]);
      await page.close();
    },
  );
});
