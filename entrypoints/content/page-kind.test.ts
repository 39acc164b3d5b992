// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { unreadableAfterScan, unreadableBeforeScan } from './page-kind';

function page(html: string, contentType = 'text/html'): Document {
  const doc = document.implementation.createHTMLDocument('test');
  doc.body.append(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
  if (contentType !== 'text/html')
    Object.defineProperty(doc, 'contentType', { value: contentType });
  return doc;
}
const at = (hostname: string, pathname = '/') => ({ hostname, pathname });

describe('unreadableBeforeScan', () => {
  it('says a PDF is a PDF, by its type or by the viewer’s <embed>', () => {
    expect(unreadableBeforeScan(page('', 'application/pdf'), at('example.org'))).toBe('pdf');
    expect(
      unreadableBeforeScan(page('<embed type="application/pdf" src="x">'), at('example.org')),
    ).toBe('pdf');
  });

  it('says an image shown on its own is media', () => {
    expect(unreadableBeforeScan(page('<img src="a.png">', 'image/png'), at('example.org'))).toBe(
      'media',
    );
  });

  it.each([
    ['docs.google.com', '/document/d/abc/edit'],
    ['docs.google.com', '/spreadsheets/d/abc/edit'],
    ['www.figma.com', '/design/abc/Name'],
    ['excalidraw.com', '/'],
  ])('knows %s%s as a canvas editor', (host, path) => {
    expect(unreadableBeforeScan(page('<p>x</p>'), at(host, path))).toBe('canvas-editor');
  });

  it('reads ordinary pages, including other pages of those sites', () => {
    expect(unreadableBeforeScan(page('<p>Text</p>'), at('example.org'))).toBeNull();
    expect(unreadableBeforeScan(page('<p>Help</p>'), at('docs.google.com', '/help'))).toBeNull();
  });
});

describe('unreadableAfterScan', () => {
  function withCanvas(width: number, height: number): Document {
    const doc = page('<canvas></canvas>');
    const canvas = doc.querySelector('canvas')!;
    canvas.getBoundingClientRect = () =>
      ({ left: 0, top: 0, right: width, bottom: height, width, height }) as DOMRect;
    Object.defineProperty(doc, 'defaultView', {
      value: { innerWidth: 1000, innerHeight: 800 },
    });
    return doc;
  }

  it('takes a page with almost no text and a screen-filling canvas for a canvas editor', () => {
    expect(unreadableAfterScan(withCanvas(1000, 700), 30)).toBe('canvas-editor');
  });

  it('does not when the page has text, or the canvas is small', () => {
    expect(unreadableAfterScan(withCanvas(1000, 700), 5_000)).toBeNull();
    expect(unreadableAfterScan(withCanvas(300, 200), 30)).toBeNull();
  });
});
