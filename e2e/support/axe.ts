import axe from 'axe-core';
import type { Page } from 'puppeteer-core';

/*
 * axe-core, injected into a page with `page.evaluate` (a CDP evaluation, so an extension page's
 * CSP does not stop it) and run there. axe reads the DOM and open shadow roots; it cannot enter
 * the popover's closed shadow root, which `e2e/fixtures/a11y/popover.tsx` reopens for it.
 */

export interface AxeViolation {
  /** `violations`: failed; `incomplete`: axe could not decide (e.g. text over an image). */
  kind: 'violation' | 'needs review';
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

interface AxeResult {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

interface AxeWindow {
  axe: {
    run(
      context: unknown,
      options: unknown,
    ): Promise<{
      violations: AxeResult[];
      incomplete: AxeResult[];
    }>;
  };
}

/**
 * Runs every WCAG 2.x A/AA rule (and axe's best practices) on the page; returns what fails, and
 * what axe could not decide (listed for review; only violations fail a test).
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const results = await (window as unknown as AxeWindow).axe.run(document, {
      resultTypes: ['violations', 'incomplete'],
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    });
    const list = (kind: 'violation' | 'needs review', found: AxeResult[]) =>
      found.map((violation) => ({
        kind,
        id: violation.id,
        impact: violation.impact ?? null,
        help: violation.help,
        nodes: violation.nodes.map((node) => ({
          target: JSON.stringify(node.target),
          summary: node.failureSummary ?? '',
        })),
      }));
    return [...list('violation', results.violations), ...list('needs review', results.incomplete)];
  });
}

/** Every violation, one line per element, for the test log. */
export function describeViolations(where: string, violations: readonly AxeViolation[]): string {
  const failed = violations.filter((v) => v.kind === 'violation').length;
  const review = violations.length - failed;
  if (violations.length === 0) return `axe, ${where}: no violations, nothing to review`;
  return [
    `axe, ${where}: ${failed} rule(s) failed, ${review} to review`,
    ...violations.flatMap((v) => [
      `  ${v.kind} [${v.impact}] ${v.id}: ${v.help}`,
      ...v.nodes.map((n) => `      ${n.target} — ${n.summary.replace(/\s+/g, ' ')}`),
    ]),
  ].join('\n');
}

/** The violations a reader would be blocked or badly hindered by. */
export function seriousOrCritical(violations: readonly AxeViolation[]): string[] {
  return violations
    .filter((v) => v.kind === 'violation' && (v.impact === 'serious' || v.impact === 'critical'))
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target).join(', ')}`);
}
