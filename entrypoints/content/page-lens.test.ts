// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installHighlightPolyfills, rangeText } from '~/test/dom-polyfills';
import type { PageStatus } from '~/lib/badge/page-status';
import { lensGlossary } from '~/lib/custom-terms/lens-glossary';
import { bundledGlossary } from '~/lib/glossary';
import { compileMatcher } from '~/lib/match';
import { DEFAULT_SETTINGS, type Settings } from '~/lib/settings';

/*
 * The content script's side of live settings, in Node: PageLens on a happy-dom page, told about
 * each change as the content script's storage watchers tell it (entrypoints/content/index.ts).
 * The end-to-end tests check the same in Chromium, where a test can store settings; Firefox's
 * automation reaches no extension context to store them from, so this is its coverage.
 */

const reports = vi.hoisted(() => [] as PageStatus[]);
vi.mock('~/lib/badge/toolbar-badge', () => ({
  reportPageStatus: async (status: PageStatus) => {
    reports.push(status);
    return null;
  },
}));

// happy-dom's `CSS` is made afresh on each read, so a registry put on it would not stay: give
// the page one `CSS` with a `highlights` registry before PageLens (which uses it) is imported.
Object.defineProperty(globalThis, 'CSS', {
  value: { highlights: new Map(), supports: () => false, escape: (text: string) => text },
  configurable: true,
});
installHighlightPolyfills();
const { PageLens } = await import('./page-lens');

let ctx: ContentScriptContext;
beforeEach(() => {
  fakeBrowser.reset();
  reports.length = 0;
  (CSS.highlights as unknown as Map<string, unknown>).clear();
  document.body.replaceChildren();
  for (const text of [
    'The NDRC drafts the plan.',
    'The GRC team reads it.',
    'The NDRC publishes it, and the GRC team files it.',
  ]) {
    const p = document.createElement('p');
    p.textContent = text;
    document.body.append(p);
  }
  ctx = new ContentScriptContext('test');
});
afterEach(() => {
  ctx?.abort();
});

function lens() {
  const glossary = lensGlossary(bundledGlossary(), []);
  return new PageLens(ctx, glossary, compileMatcher(bundledGlossary().entries), 'example.org');
}

/** Our highlights that hold anything: name → the marked texts. */
function highlights(): Record<string, string[]> {
  const registry = CSS.highlights as unknown as Map<string, Set<AbstractRange>>;
  return Object.fromEntries(
    [...registry]
      .filter(([, ranges]) => ranges.size > 0)
      .map(([name, ranges]) => [name, [...ranges].map(rangeText)]),
  );
}

const settings = (changes: Partial<Settings> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  ...changes,
});

describe('PageLens and the reader’s settings', () => {
  it('marks every term in the default style', async () => {
    const page = lens();
    await page.configure(settings(), true);
    expect(highlights()).toEqual({ 'credit-lens-term': ['NDRC', 'GRC', 'NDRC', 'GRC'] });
    expect(page.pageTerms()).toMatchObject({ total: 4, found: 4, enabled: true, paused: false });
    expect(reports.at(-1)).toEqual({ state: 'marking', count: 4 });
  });

  it('moves the marks to another style when the setting changes', async () => {
    const page = lens();
    await page.configure(settings(), true);
    await page.applySetting({ name: 'highlightStyle', value: 'underline' });
    expect(highlights()).toEqual({
      'credit-lens-term-underline': ['NDRC', 'GRC', 'NDRC', 'GRC'],
    });
    await page.applySetting({ name: 'highlightStyle', value: 'hover' });
    expect(Object.keys(highlights())).toEqual(['credit-lens-term-on-hover']);
  });

  it('marks, lists and counts only first occurrences when asked, live', async () => {
    const page = lens();
    await page.configure(settings(), true);
    await page.applySetting({ name: 'firstOccurrenceOnly', value: true });
    expect(highlights()).toEqual({ 'credit-lens-term': ['NDRC', 'GRC'] });
    const terms = page.pageTerms();
    expect(terms).toMatchObject({ total: 2, found: 4 });
    expect(terms.terms.map((term) => term.count)).toEqual([1, 1]);
    await vi.waitFor(() => expect(reports.at(-1)).toEqual({ state: 'marking', count: 2 }), {
      timeout: 2_000,
    });
  });

  it('caps the marks, the first ones in reading order', async () => {
    const page = lens();
    await page.configure(settings({ markCap: 3 }), true);
    expect(highlights()).toEqual({ 'credit-lens-term': ['NDRC', 'GRC', 'NDRC'] });
    await page.applySetting({ name: 'markCap', value: null });
    expect(highlights()['credit-lens-term']).toHaveLength(4);
  });

  it('stops marking when paused or switched off for the site, and starts again', async () => {
    const page = lens();
    await page.configure(settings(), true);
    await page.applySetting({ name: 'paused', value: true });
    expect(highlights()).toEqual({});
    expect(page.pageTerms()).toMatchObject({ paused: true, total: 0 });
    await page.applySetting({ name: 'paused', value: false });
    expect(highlights()['credit-lens-term']).toHaveLength(4);
    await page.setSiteEnabled(false);
    expect(highlights()).toEqual({});
    expect(page.pageTerms()).toMatchObject({ enabled: false, paused: false });
    await vi.waitFor(() => expect(reports.at(-1)).toEqual({ state: 'site-off' }), {
      timeout: 2_000,
    });
  });

  it('starts switched off when the site is, and says the pause first', async () => {
    const page = lens();
    await page.configure(settings({ paused: true }), false);
    expect(highlights()).toEqual({});
    expect(reports.at(-1)).toEqual({ state: 'paused' });
  });
});
