import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForNoRole, waitForRole } from './support/aria';
import { browsersUnderTest, launchBrowser, type LaunchedBrowser } from './support/browsers';
import { glossaryEntry } from './support/glossary';
import { hover, markedTexts, termPoint, waitForScan, watchConsole } from './support/page-helpers';
import {
  fixturePagesDir,
  startServer,
  type RouteResponse,
  type StaticServer,
} from './support/server';

/*
 * Issue 7, item 3: pages sent with the strictest content security policies must still get marks
 * and a working popover, and the extension must not cause a single policy violation.
 *
 * Why this can break: the page's CSP governs what the page's DOM may load and run. The extension
 * draws marks with `::highlight()` rules from its manifest CSS (exempt from the page's policy),
 * but its popover is a `<style>` and React-built nodes inside a closed shadow root in the page's
 * DOM. Were any of that judged by the page's `style-src` or Trusted Types rules, the popover would
 * be unstyled or never appear, and the browser would report a violation.
 *
 * Policies, one page each (`default-src 'none'` already means `style-src 'none'`, `font-src
 * 'none'`, `img-src 'none'`… so a separate `style-src 'none'` page would test nothing new):
 *
 * - none:          `default-src 'none'`: nothing may load, no inline style, no script;
 * - trusted-types: `require-trusted-types-for 'script'; trusted-types 'none'`: no HTML string may
 *                  reach the DOM and no policy may be created (the page has a script of its own,
 *                  which records violations and checks the browser enforces Trusted Types);
 * - both:          the two together.
 *
 * Violations are looked for in three places, so none can slip by: `securitypolicyviolation`
 * events in the page (a listener installed by the automation before any page code, which the
 * page's own policy cannot block), the browser's console, and the policy's `report-uri`, which
 * the test server collects. As a control, the test itself breaks the policy once and checks that
 * the violation is seen.
 */

const policies = {
  none: "default-src 'none'",
  'trusted-types': "require-trusted-types-for 'script'; trusted-types 'none'",
  both: "default-src 'none'; require-trusted-types-for 'script'; trusted-types 'none'",
} as const;
type PolicyName = keyof typeof policies;

/** What the browsers put in the console about a violation (Chromium: "Refused to…"). */
const violationMessage =
  /content.security.policy|refused to|trusted.?type|TrustedHTML|TrustedScript/i;

/** The article's terms in document order (fixtures/pages/strict-csp.html). */
const articleTerms = ['social credit system', '诚信', 'NDRC', 'GRC'];

interface Report {
  page: string;
  report: unknown;
}

let server: StaticServer;
const reports: Report[] = [];
beforeAll(async () => {
  server = await startServer();
  const html = (file: string) => readFileSync(path.join(fixturePagesDir, file));
  const page = (file: string, policy?: string): RouteResponse => ({
    body: html(file),
    contentType: 'text/html; charset=utf-8',
    headers: policy ? { 'Content-Security-Policy': `${policy}; report-uri /csp-report` } : {},
  });
  server.route('/csp/open.html', page('strict-csp.html'));
  server.route('/csp/none.html', page('strict-csp.html', policies.none));
  server.route('/csp/trusted-types.html', page('trusted-types.html', policies['trusted-types']));
  server.route('/csp/both.html', page('strict-csp.html', policies.both));
  // A favicon request that fails would be logged as a console error in Chromium.
  server.route('/favicon.ico', { body: '', contentType: 'image/x-icon' });
  server.route('/csp-report', (req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      let report: unknown = null;
      try {
        report = JSON.parse(body);
      } catch {
        // Keep the raw text: a report we cannot parse still counts.
        report = body;
      }
      // The page a report is about: its `document-uri` (Firefox sends no Referer with it).
      const about = (report as { 'csp-report'?: { 'document-uri'?: string } } | null)?.[
        'csp-report'
      ]?.['document-uri'];
      reports.push({ page: about ?? req.headers.referer ?? '', report });
      res.writeHead(204);
      res.end();
    });
  });
});
afterAll(async () => {
  await server?.close();
});

/** The popover's look, from properties its stylesheet sets: equal means the sheet applied. */
async function popoverStyle(dialog: ElementHandle<Element>): Promise<Record<string, string>> {
  return dialog.evaluate((element) => {
    const style = getComputedStyle(element);
    return {
      position: style.position,
      backgroundColor: style.backgroundColor,
      borderRadius: style.borderTopLeftRadius,
      paddingTop: style.paddingTop,
      width: style.width,
      fontSize: style.fontSize,
    };
  });
}

/** Violations seen in each of the three places, each as one comparable line. */
interface Violations {
  events: string[];
  console: string[];
  reports: string[];
}

interface Visit {
  page: Page;
  /** Everything seen since the page was opened. */
  violations(): Promise<Violations>;
}

/** Opens a page with a violation listener installed before any of the page's code runs. */
async function visit(launched: LaunchedBrowser, pathname: string): Promise<Visit> {
  const page = await launched.browser.newPage();
  const messages = watchConsole(page);
  const firstReport = reports.length;
  await page.evaluateOnNewDocument(() => {
    const seen: string[] = [];
    Object.defineProperty(window, '__lensTestViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}`);
    });
  });
  await page.goto(server.url(pathname));
  return {
    page,
    violations: async () => ({
      events: await page.evaluate(
        () => (window as unknown as { __lensTestViolations?: string[] }).__lensTestViolations ?? [],
      ),
      console: messages
        .filter((entry) => violationMessage.test(entry.message))
        .map((entry) => `${entry.message} ${entry.source}`),
      reports: reports
        .slice(firstReport)
        .filter((entry) => entry.page.endsWith(pathname))
        .map((entry) => JSON.stringify(entry.report)),
    }),
  };
}

/** What the extension added: entries not seen on the same page without it, or naming it. */
function addedBy(withLens: Violations, without: Violations, origin: string): Violations {
  const added = (lines: string[], baseline: string[]) =>
    lines.filter((line) => !baseline.includes(line) || line.includes(origin));
  return {
    events: added(withLens.events, without.events),
    console: added(withLens.console, without.console),
    reports: added(withLens.reports, without.reports),
  };
}

const count = (violations: Violations) =>
  `${violations.events.length} event(s), ${violations.console.length} console report(s), ` +
  `${violations.reports.length} report-uri report(s)`;

/** Waits for reports, which travel asynchronously (events, console, the POST to report-uri). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1_000));

describe.each(browsersUnderTest())('Strict CSP and Trusted Types in %s', (browserName) => {
  let launched: LaunchedBrowser;
  let openStyle: Record<string, string>;
  const without = new Map<PolicyName, Violations>();
  const ndrc = glossaryEntry('ndrc').term;
  const chengxin = glossaryEntry('chengxin').term;

  beforeAll(async () => {
    // First without the extension: what the browser itself reports on these pages (Firefox, for
    // one, reports its own favicon request as an img-src violation).
    launched = await launchBrowser(browserName, { extension: false });
    for (const policy of Object.keys(policies) as PolicyName[]) {
      const { page, violations } = await visit(launched, `/csp/${policy}.html`);
      await settle();
      without.set(policy, await violations());
      await page.close();
    }
    await launched.installExtension();
    // The same article without a policy: what marks and the popover look like normally.
    const { page } = await visit(launched, '/csp/open.html');
    await waitForScan(page);
    expect(await markedTexts(page)).toEqual(articleTerms);
    await hover(page, 'NDRC');
    openStyle = await popoverStyle(await waitForRole(page, 'dialog', ndrc));
    await page.close();
  });
  afterAll(async () => {
    await launched?.close();
  });

  it.for(Object.keys(policies) as PolicyName[])(
    'marks terms and opens a styled popover under %s, with no violation',
    async (policy) => {
      const { page, violations } = await visit(launched, `/csp/${policy}.html`);
      await waitForScan(page);
      // (The trusted-types page adds a paragraph of its own, without terms.)
      expect(await markedTexts(page)).toEqual(articleTerms);

      // Hover opens it (and it looks as it does on a page without a policy)…
      await hover(page, 'NDRC');
      const dialog = await waitForRole(page, 'dialog', ndrc);
      expect(await popoverStyle(dialog)).toEqual(openStyle);
      await page.keyboard.press('Escape');
      await waitForNoRole(page, 'dialog', ndrc);
      // …and so does a click on another term, which also moves focus into the popover.
      const { x, y } = await termPoint(page, '诚信');
      await page.mouse.click(x, y);
      await waitForRole(page, 'dialog', chengxin);

      await settle();
      const withLens = await violations();
      const baseline = without.get(policy)!;
      console.info(
        `[${browserName}] ${policy}: without the extension ${count(baseline)}; ` +
          `with it ${count(withLens)}`,
      );
      expect(addedBy(withLens, baseline, launched.extensionOrigin!)).toEqual({
        events: [],
        console: [],
        reports: [],
      });

      // Controls: a violation the test causes itself must be seen, or the zeros mean nothing.
      if (policy !== 'trusted-types') {
        await page.evaluate(() => {
          const style = document.createElement('style');
          style.textContent = 'body { color: red }';
          document.head.append(style);
        });
      }
      if (policy !== 'none') {
        const threw = await page.evaluate(() => {
          try {
            document.createRange().createContextualFragment('<b>control</b>');
            return false;
          } catch (error) {
            return error instanceof TypeError;
          }
        });
        // Both browsers enforce Trusted Types (Firefox since 145), so the test means something.
        expect(threw, 'Trusted Types enforced').toBe(true);
      }
      await expect
        .poll(async () => (await violations()).events.length)
        .toBeGreaterThan(withLens.events.length);
      await expect
        .poll(async () => (await violations()).reports.length)
        .toBeGreaterThan(withLens.reports.length);
      await page.close();
    },
  );
});
