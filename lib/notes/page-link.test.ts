import { describe, expect, it } from 'vitest';
import { linkablePageUrl, opensInNewTab } from './page-link';

describe('linkablePageUrl', () => {
  it.each([
    ['https://example.org/a?b=1#c', 'https://example.org/a?b=1#c'],
    ['http://example.org', 'http://example.org/'],
    ['file:///home/me/report.html', 'file:///home/me/report.html'],
  ])('links %s', (url, href) => {
    expect(linkablePageUrl(url)).toBe(href);
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'chrome://settings',
    'about:blank',
    'not a url',
    '',
  ])('keeps %j as text', (url) => {
    expect(linkablePageUrl(url)).toBeNull();
  });
});

describe('opensInNewTab', () => {
  it('opens web pages itself', () => {
    expect(opensInNewTab('https://example.org/')).toBe(true);
    expect(opensInNewTab('http://example.org/')).toBe(true);
  });

  it('leaves files and everything else alone', () => {
    expect(opensInNewTab('file:///tmp/a.html')).toBe(false);
    expect(opensInNewTab('javascript:alert(1)')).toBe(false);
    expect(opensInNewTab('nonsense')).toBe(false);
  });
});
