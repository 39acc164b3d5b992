// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  colorAlpha,
  filterOpacity,
  termConcealment,
  type StyleFacts,
  type VisibilityProbe,
} from './visibility-guard';

/*
 * The guard's rules on a small page, with styles and hit-testing given by the test (happy-dom
 * has no layout): each element's computed style defaults to fully visible, the term has one box
 * in the middle of the viewport, and the element at that point is whatever the test says.
 */

const VISIBLE: StyleFacts = {
  opacity: '1',
  filter: 'none',
  visibility: 'visible',
  color: 'rgb(0, 0, 0)',
};

let styles: Map<Element, Partial<StyleFacts>>;
let boxes: DOMRectReadOnly[];
let hits: Element[];
let paragraph: HTMLElement;
let term: Range;
let overlay: HTMLElement;

const probe: VisibilityProbe = {
  style: (element) => ({ ...VISIBLE, ...styles.get(element) }),
  rects: () => boxes,
  elementsAt: () => hits,
  viewport: () => ({ width: 800, height: 600 }),
  touches: (range, node) => {
    const live = new Range();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    return live.intersectsNode(node);
  },
};

const noOwnUi = () => false;

/** (The marks are StaticRanges, which happy-dom lacks; the guard takes any AbstractRange.) */
function rangeOf(start: Node, startOffset: number, end: Node, endOffset: number): Range {
  const range = new Range();
  range.setStart(start, startOffset);
  range.setEnd(end, endOffset);
  return range;
}

beforeEach(() => {
  document.body.replaceChildren();
  const article = document.createElement('article');
  paragraph = document.createElement('p');
  paragraph.append('The social credit system is discussed.');
  article.append(paragraph);
  overlay = document.createElement('div');
  document.body.append(article, overlay);
  const text = paragraph.firstChild!;
  term = rangeOf(text, 4, text, 24);
  styles = new Map();
  boxes = [new DOMRect(100, 100, 120, 18)];
  hits = [paragraph, article, document.body, document.documentElement];
});

describe('termConcealment', () => {
  it('lets a plainly visible term open', () => {
    expect(termConcealment(term, noOwnUi, probe)).toBeNull();
  });

  it('refuses a term on a near-transparent body', () => {
    styles.set(document.body, { opacity: '0.05' });
    expect(termConcealment(term, noOwnUi, probe)).toBe('transparent');
  });

  it('multiplies opacities down the ancestors: 0.7 × 0.6 is too little', () => {
    styles.set(document.body, { opacity: '0.7' });
    styles.set(paragraph.parentElement!, { opacity: '0.6' });
    expect(termConcealment(term, noOwnUi, probe)).toBe('transparent');
    styles.set(paragraph.parentElement!, { opacity: '0.8' });
    expect(termConcealment(term, noOwnUi, probe)).toBeNull();
  });

  it('counts filter: opacity() and transparent text', () => {
    styles.set(paragraph, { filter: 'blur(0px) opacity(10%)' });
    expect(termConcealment(term, noOwnUi, probe)).toBe('transparent');
    styles.set(paragraph, { color: 'rgba(0, 0, 0, 0)' });
    expect(termConcealment(term, noOwnUi, probe)).toBe('transparent');
  });

  it('refuses hidden text, and text with no box in view', () => {
    styles.set(paragraph, { visibility: 'hidden' });
    expect(termConcealment(term, noOwnUi, probe)).toBe('hidden');
    styles.clear();
    boxes = [];
    expect(termConcealment(term, noOwnUi, probe)).toBe('hidden');
    boxes = [new DOMRect(100, 900, 120, 18)];
    expect(termConcealment(term, noOwnUi, probe)).toBe('hidden');
  });

  it('refuses text shrunk to a few pixels', () => {
    boxes = [new DOMRect(100, 100, 6, 1)];
    expect(termConcealment(term, noOwnUi, probe)).toBe('tiny');
  });

  it('refuses a term with another element laid over it', () => {
    hits = [overlay, paragraph, document.body];
    expect(termConcealment(term, noOwnUi, probe)).toBe('covered');
  });

  it('accepts an element inside the term, and our own UI over it', () => {
    const em = document.createElement('em');
    em.append('credit');
    paragraph.firstChild!.after(em);
    const text = paragraph.firstChild!;
    const wider = rangeOf(text, 4, em.firstChild!, 6);
    hits = [em, paragraph];
    expect(termConcealment(wider, noOwnUi, probe)).toBeNull();
    hits = [overlay, paragraph];
    expect(termConcealment(term, (element) => element === overlay, probe)).toBeNull();
  });

  it('needs only one of a wrapped term’s boxes to be uncovered', () => {
    boxes = [new DOMRect(700, 100, 90, 18), new DOMRect(0, 120, 40, 18)];
    let call = 0;
    const partly: VisibilityProbe = {
      ...probe,
      elementsAt: () => (call++ === 0 ? [overlay] : [paragraph]),
    };
    expect(termConcealment(term, noOwnUi, partly)).toBeNull();
  });
});

describe('parsing computed values', () => {
  it('reads opacity() filters', () => {
    expect(filterOpacity('none')).toBe(1);
    expect(filterOpacity('opacity(0.25)')).toBe(0.25);
    expect(filterOpacity('opacity(50%) blur(2px) opacity(0.5)')).toBe(0.25);
  });

  it('reads colour alpha in both syntaxes', () => {
    expect(colorAlpha('rgb(10, 20, 30)')).toBe(1);
    expect(colorAlpha('rgba(10, 20, 30, 0.2)')).toBe(0.2);
    expect(colorAlpha('rgb(10 20 30 / 40%)')).toBe(0.4);
    expect(colorAlpha('transparent')).toBe(0);
  });
});
