// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { removeLeftovers } from './leftovers';

/** A stand-in registry: a Map has the same `delete(name)` the function uses. */
function paragraph(): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = 'text';
  document.body.replaceChildren(p);
  return p;
}

const registry = (names: string[]) =>
  new Map(names.map((name) => [name, {}])) as unknown as HighlightRegistry;

describe('removeLeftovers', () => {
  it('removes our closed-shadow host and our highlights, nothing of the page', () => {
    const text = paragraph();
    const ours = document.createElement('credit-lens-ui');
    ours.attachShadow({ mode: 'closed' });
    const pages = document.createElement('credit-lens-ui');
    pages.attachShadow({ mode: 'open' });
    document.body.append(ours, pages);
    const highlights = registry([
      'credit-lens-term',
      'credit-lens-active',
      'credit-lens-hover',
      'credit-lens-flash',
      'credit-lens-term-underline',
      'page-own',
    ]);

    expect(removeLeftovers(document, highlights)).toBe(6);
    expect(ours.isConnected).toBe(false);
    expect(pages.isConnected).toBe(true);
    expect(text.isConnected && text.textContent).toBe('text');
    expect([...(highlights as unknown as Map<string, unknown>).keys()]).toEqual(['page-own']);
  });

  it('finds nothing on a page a copy never ran in', () => {
    paragraph();
    expect(removeLeftovers(document, registry(['page-own']))).toBe(0);
  });
});
