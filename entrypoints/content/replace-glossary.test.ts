// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installHighlightPolyfills, rangeText } from '~/test/dom-polyfills';
import { buildLens } from '~/lib/custom-terms/lens-glossary';
import type { CustomTerm } from '~/lib/custom-terms/schema';
import { bundledGlossary } from '~/lib/glossary';
import { DEFAULT_SETTINGS } from '~/lib/settings';

/*
 * `PageLens.replaceGlossary`: the reader's own terms change while a page is open, and the page is
 * marked again with the new glossary (the end-to-end tests check the same in both browsers).
 */

vi.mock('~/lib/badge/toolbar-badge', () => ({ reportPageStatus: async () => null }));

// As in page-lens.test.ts: one `CSS` with a `highlights` registry before PageLens is imported.
Object.defineProperty(globalThis, 'CSS', {
  value: { highlights: new Map(), supports: () => false, escape: (text: string) => text },
  configurable: true,
});
installHighlightPolyfills();
const { PageLens } = await import('./page-lens');

const hukou: CustomTerm = {
  id: 'custom-hukou',
  term: 'Hukou',
  aliases: [
    { text: '户口', lang: 'zh-Hans', case: 'insensitive', standalone: false, prefer: false },
  ],
  definition: 'Household registration.',
  overrides: 'ndrc',
  createdAt: 1,
  updatedAt: 1,
};

let ctx: ContentScriptContext;
beforeEach(() => {
  fakeBrowser.reset();
  (CSS.highlights as unknown as Map<string, unknown>).clear();
  document.body.replaceChildren();
  const p = document.createElement('p');
  p.textContent = 'The NDRC and the GRC team on 户口.';
  document.body.append(p);
  ctx = new ContentScriptContext('test');
});
afterEach(() => {
  ctx?.abort();
});

function marked(): string[] {
  const ranges = (CSS.highlights as unknown as Map<string, Set<AbstractRange>>).get(
    'credit-lens-term',
  );
  return [...(ranges ?? [])].map(rangeText).sort();
}

describe('PageLens.replaceGlossary', () => {
  it('marks the page again with the new glossary, and lists the new terms for the popup', async () => {
    const bundled = buildLens(bundledGlossary(), []);
    const lens = new PageLens(ctx, bundled.glossary, bundled.matcher, 'example.org');
    await lens.configure({ ...DEFAULT_SETTINGS }, true);
    expect(marked()).toEqual(['GRC', 'NDRC']);

    const merged = buildLens(bundledGlossary(), [hukou]);
    await lens.replaceGlossary(merged.glossary, merged.matcher);
    // 户口 is the reader's; NDRC is hidden, as Hukou replaces that entry.
    expect(marked()).toEqual(['GRC', '户口']);
    expect(
      lens
        .pageTerms()
        .terms.map((t) => t.term)
        .sort(),
    ).toEqual(['GRC (governance, risk and compliance)', 'Hukou']);

    await lens.replaceGlossary(bundled.glossary, bundled.matcher);
    expect(marked()).toEqual(['GRC', 'NDRC']);
  });

  it('only swaps the glossary while marking is off, and uses it once marking starts', async () => {
    const bundled = buildLens(bundledGlossary(), []);
    const lens = new PageLens(ctx, bundled.glossary, bundled.matcher, 'example.org');
    const merged = buildLens(bundledGlossary(), [hukou]);
    await lens.replaceGlossary(merged.glossary, merged.matcher);
    expect(marked()).toEqual([]);
    await lens.configure({ ...DEFAULT_SETTINGS }, true);
    expect(marked()).toEqual(['GRC', '户口']);
  });
});
