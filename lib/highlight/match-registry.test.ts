// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { installHighlightPolyfills } from '~/test/dom-polyfills';
import { MatchRegistry, type PageMatch } from './match-registry';
import { TERM_HIGHLIGHT, TERM_HIGHLIGHT_BY_STYLE } from './names';

beforeAll(installHighlightPolyfills);

function match(entryId: string, start: Text, from: number, end: Text, to: number, nodes = [start]) {
  return {
    entryId,
    range: new StaticRange({
      startContainer: start,
      startOffset: from,
      endContainer: end,
      endOffset: to,
    }),
    nodes,
  } satisfies PageMatch;
}

describe('MatchRegistry', () => {
  function setup() {
    const p = document.createElement('p');
    const a = document.createTextNode('GRC and social ');
    const em = document.createElement('em');
    const b = document.createTextNode('credit');
    const c = document.createTextNode(' system');
    em.append(b);
    p.append(a, em, c);
    document.body.replaceChildren(p);
    const highlights = new Map() as unknown as HighlightRegistry;
    const registry = new MatchRegistry(highlights);
    const grc = match('grc', a, 0, a, 3);
    const scs = match('social-credit-system', a, 8, c, 7, [a, b, c]);
    registry.add([scs, grc]);
    return { registry, highlights, a, b, c, em, grc, scs };
  }

  it('registers its ranges under the credit-lens-term highlight', () => {
    const { highlights, grc, scs } = setup();
    const highlight = highlights.get(TERM_HIGHLIGHT) as unknown as Set<AbstractRange>;
    expect([...highlight]).toEqual([scs.range, grc.range]);
  });

  it('finds the match at a node offset, including in the middle node of a spanning match', () => {
    const { registry, a, b, grc, scs } = setup();
    expect(registry.matchAt(a, 1)).toBe(grc);
    expect(registry.matchAt(a, 5)).toBeUndefined();
    expect(registry.matchAt(a, 9)).toBe(scs);
    expect(registry.matchAt(b, 2)).toBe(scs);
  });

  it('lists matches in document order and counts them per entry', () => {
    const { registry, grc, scs } = setup();
    expect(registry.inDocumentOrder()).toEqual([grc, scs]);
    expect([...registry.countsByEntry()]).toEqual([
      ['social-credit-system', 1],
      ['grc', 1],
    ]);
  });

  it('drops a spanning match from every node when one of its nodes goes', () => {
    const { registry, a, c, em, grc } = setup();
    registry.removeWithin(em);
    expect(registry.inDocumentOrder()).toEqual([grc]);
    expect(registry.matchAt(c, 2)).toBeUndefined();
    expect(registry.matchAt(a, 9)).toBeUndefined();
  });

  it('takes its highlight out of the page registry when disposed', () => {
    const { registry, highlights } = setup();
    registry.dispose();
    expect(highlights.has(TERM_HIGHLIGHT)).toBe(false);
  });

  it('moves its ranges to the highlight name of another style, and back', () => {
    const { registry, highlights, grc, scs } = setup();
    registry.setStyle('underline');
    expect(highlights.has(TERM_HIGHLIGHT)).toBe(false);
    const underline = highlights.get(TERM_HIGHLIGHT_BY_STYLE.underline) as unknown as Set<unknown>;
    expect([...underline]).toEqual([scs.range, grc.range]);
    expect(registry.highlightName).toBe('credit-lens-term-underline');
    registry.setStyle('background');
    expect(highlights.has(TERM_HIGHLIGHT_BY_STYLE.underline)).toBe(false);
    expect(highlights.get(TERM_HIGHLIGHT)).toBe(underline);
  });
});

describe('MatchRegistry limits', () => {
  /** "GRC, NDRC and GRC again; then NDRC and GRC" in five text nodes, one term each. */
  function setup() {
    const p = document.createElement('p');
    const ids = ['grc', 'ndrc', 'grc', 'ndrc', 'grc'];
    const nodes = ids.map((id) => document.createTextNode(`${id.toUpperCase()} `));
    p.append(...nodes);
    document.body.replaceChildren(p);
    const highlights = new Map() as unknown as HighlightRegistry;
    const registry = new MatchRegistry(highlights);
    const matches = ids.map((id, i) => match(id, nodes[i]!, 0, nodes[i]!, id.length));
    // Found out of document order, as a viewport-first scan does.
    registry.add([matches[3]!, matches[4]!]);
    registry.add([matches[0]!, matches[1]!, matches[2]!]);
    const marked = () => [...(highlights.get(TERM_HIGHLIGHT) as unknown as Set<AbstractRange>)];
    return { registry, nodes, matches, marked };
  }

  it('marks only the first occurrence of each term, in document order', () => {
    const { registry, nodes, matches, marked } = setup();
    registry.setLimits({ firstOccurrenceOnly: true, cap: null });
    expect(new Set(marked())).toEqual(new Set([matches[0]!.range, matches[1]!.range]));
    // What is not marked cannot be pointed at, stepped to or counted.
    expect(registry.matchAt(nodes[2]!, 1)).toBeUndefined();
    expect(registry.matchAt(nodes[0]!, 1)).toBe(matches[0]);
    expect(registry.inDocumentOrder()).toEqual([matches[0], matches[1]]);
    expect([...registry.countsByEntry()]).toEqual([
      ['grc', 1],
      ['ndrc', 1],
    ]);
    expect([registry.size, registry.foundCount]).toEqual([2, 5]);
  });

  it('caps the marks per page, keeping the first ones', () => {
    const { registry, matches, marked } = setup();
    registry.setLimits({ firstOccurrenceOnly: false, cap: 3 });
    expect(registry.inDocumentOrder()).toEqual(matches.slice(0, 3));
    expect(marked()).toHaveLength(3);
    registry.setLimits({ firstOccurrenceOnly: true, cap: 1 });
    expect(registry.inDocumentOrder()).toEqual([matches[0]]);
  });

  it('lets the next occurrence through when the first one is removed from the page', () => {
    const { registry, nodes, matches } = setup();
    registry.setLimits({ firstOccurrenceOnly: true, cap: null });
    registry.removeNodes([nodes[0]!]);
    expect(registry.inDocumentOrder()).toEqual([matches[1], matches[2]]);
  });

  it('applies the limits to matches found later', () => {
    const { registry, nodes, matches } = setup();
    registry.setLimits({ firstOccurrenceOnly: false, cap: 2 });
    const early = document.createTextNode('NDRC ');
    nodes[0]!.before(early);
    const found = match('ndrc', early, 0, early, 4);
    registry.add([found]);
    expect(registry.inDocumentOrder()).toEqual([found, matches[0]]);
  });

  it('marks everything again when the limits are lifted', () => {
    const { registry, matches, marked } = setup();
    registry.setLimits({ firstOccurrenceOnly: true, cap: 1 });
    registry.setLimits({ firstOccurrenceOnly: false, cap: null });
    expect(new Set(marked())).toEqual(new Set(matches.map((m) => m.range)));
    expect(registry.size).toBe(5);
  });
});
