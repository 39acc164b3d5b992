// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { installHighlightPolyfills } from '~/test/dom-polyfills';
import { MatchRegistry, type PageMatch } from './match-registry';
import { TERM_HIGHLIGHT } from './names';

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
});
