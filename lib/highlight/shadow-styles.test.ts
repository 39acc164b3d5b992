// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ShadowHighlightStyles } from './shadow-styles';

const CSS_TEXT = '::highlight(credit-lens-term) { background-color: rgb(255 196 0 / 0.22); }';

function componentWithSheet(): { shadow: ShadowRoot; own: CSSStyleSheet } {
  const host = document.createElement('div');
  document.body.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  const own = new CSSStyleSheet();
  own.replaceSync('p { color: green; }');
  shadow.adoptedStyleSheets = [own];
  return { shadow, own };
}

describe('ShadowHighlightStyles', () => {
  it('appends one shared sheet after the component’s own sheets, once', () => {
    const a = componentWithSheet();
    const b = componentWithSheet();
    const styles = new ShadowHighlightStyles(CSS_TEXT);
    styles.adopt(a.shadow);
    styles.adopt(a.shadow);
    styles.adopt(b.shadow);
    expect(a.shadow.adoptedStyleSheets).toHaveLength(2);
    expect(a.shadow.adoptedStyleSheets[0]).toBe(a.own);
    const ours = a.shadow.adoptedStyleSheets[1]!;
    expect(b.shadow.adoptedStyleSheets).toEqual([b.own, ours]);
  });

  it('takes its sheet out again, leaving the component’s own', () => {
    const { shadow, own } = componentWithSheet();
    const styles = new ShadowHighlightStyles(CSS_TEXT);
    styles.adopt(shadow);
    // A sheet the page adds after ours stays too.
    const later = new CSSStyleSheet();
    shadow.adoptedStyleSheets.push(later);
    styles.dispose();
    expect(shadow.adoptedStyleSheets).toEqual([own, later]);
  });
});
